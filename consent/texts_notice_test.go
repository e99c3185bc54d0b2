package consent

import (
	"strings"
	"testing"
)

// Every language says where the data comes from for every source, naming
// the facts it has, and leaves no placeholder unfilled.
func TestNoticeSourceSentences(t *testing.T) {
	all := []Source{SourceCard, SourceReferral, SourceColdCall, SourceList, SourceInbound, SourceCustomer, SourceSocial}
	a := sourceArgs{rep: "Kari Selger", event: "Nordic Sales Expo", vendor: "LeadBase BV", date: "1 March 2026"}
	for _, lang := range Languages {
		nt := noticeTexts[lang]
		if nt.us == "" || nt.sourceOther == "" {
			t.Errorf("%s: no word for us or no sentence for another source", lang)
		}
		for _, s := range all {
			if nt.sources[s] == "" {
				t.Errorf("%s: no sentence for the source %s", lang, s)
			}
		}
		for tpl, want := range map[string][]string{
			nt.sources[SourceCard]: {"{rep}", "{date}"}, nt.sourceEvent: {"{rep}", "{event}", "{date}"},
			nt.sourceVendor: {"{vendor}", "{date}"}, nt.sources[SourceColdCall]: {"{rep}", "{date}"},
		} {
			for _, w := range want {
				if !strings.Contains(tpl, w) {
					t.Errorf("%s: %q does not name %s", lang, tpl, w)
				}
			}
		}
		for _, s := range append(all, SourceAddressBook) {
			for _, args := range []sourceArgs{a, {date: a.date}} {
				if got := nt.source(s, args); strings.ContainsAny(got, "{}") || !strings.Contains(got, a.date) {
					t.Errorf("%s %s: %q", lang, s, got)
				}
			}
		}
		if got := nt.source(SourceCard, sourceArgs{date: a.date}); !strings.Contains(got, " "+nt.us+" ") {
			t.Errorf("%s: a card with no rep set does not say %q: %q", lang, nt.us, got)
		}
	}
}
