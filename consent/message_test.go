package consent

import (
	"testing"
	"time"
)

func TestMessageString(t *testing.T) {
	oslo := time.FixedZone("CET", 3600)
	late := time.Date(2026, 1, 14, 23, 30, 0, 0, time.UTC)
	cases := []struct {
		m    Message
		want string
	}{
		{Msg("No fields."), "No fields."},
		{Msg("{{.Who}} on {{.Day}}", "Who", "Jane", "Day", late), "Jane on 2026-01-14"},
		{Msg("local day {{.Day}}", "Day", late.In(oslo)), "local day 2026-01-15"},
		{Msg("{{.Purpose}} by {{.Channel}} from {{.Source}} ({{.Method}})", "Purpose", PurposeThirdParty, "Channel", ChannelSMS,
			"Source", SourceColdCall, "Method", MethodVerbalEmail), "third-party-sharing by sms from cold-call (verbal-confirmed-by-email)"},
		{Msg("the {{.Count}}-month period", "Count", 12), "the 12-month period"},
		{Msg("{{.Phone}} is listed", "Phone", Msg("the phone number of {{.Who}}", "Who", Msg("this person"))), "the phone number of this person is listed"},
		{Msg("a <b> & \"c\" {{.V}}", "V", "<i>"), "a <b> & \"c\" <i>"}, // text, not HTML: nothing escaped
		{Msg("missing {{.Nope}}.", "Other", 1), "missing ."},
		{Msg("broken {{.Who", "Who", "x"), "broken {{.Who"},
		{Msg("odd pair {{.A}}", "A", "a", "B"), "odd pair a"},
		{Msg("}} {{.A}}{{.B}}{{.A}} {{", "A", "a", "B", "b"), "}} {{.A}}{{.B}}{{.A}} {{"}, // does not parse
		{Msg("}} {{.A}}{{.B}}{{.A}}", "A", "a", "B", "b"), "}} aba"},
		// Other actions go through text/template.
		{Msg("{{ .Who }} {{if .Rep}}by {{.Rep}}{{end}}.", "Who", "Jane", "Rep", "rita"), "Jane by rita."},
		{Msg("{{.Who}}{{/* note */}} on {{.Day}}", "Who", "Jane", "Day", late), "Jane on 2026-01-14"},
	}
	for _, c := range cases {
		if got := c.m.String(); got != c.want {
			t.Errorf("%q: got %q, want %q", c.m.Template, got, c.want)
		}
	}
}
