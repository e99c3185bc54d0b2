package cli

import (
	"strings"
	"testing"
)

// The team commands' usage and refusals need no server: a wrong form is
// a usage error (exit 2), a database outside a team says so (exit 1),
// and the team scope's flags do not mix with one person's or the CSV.
func TestTeamCommandsWithoutServer(t *testing.T) {
	h := newHarness(t)
	h.init()
	if out := h.must("help"); !strings.Contains(out, "team create|invite|join|revoke|sync|status|seen") {
		t.Fatalf("help lacks team:\n%s", out)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"team"}, 2, "usage: warmlead team create"},
		{[]string{"team", "create", "--server", "postgres://db.example/sales"}, 2, "usage: warmlead team"},
		{[]string{"team", "invite", "--rep", "Ann Rep"}, 2, "usage: warmlead team"},
		{[]string{"team", "join", "ann.invite"}, 2, "usage: warmlead team"},
		{[]string{"team", "create", "--server", "postgres://admin:secret@db.example/sales", "--name", "Sales"}, 2, "without a password"},
		{[]string{"team", "sync"}, 1, "not in a team"},
		{[]string{"team", "status", "--json"}, 1, "not in a team"},
		{[]string{"team", "invite", "--rep", "Ann Rep", "--out", "ann.invite"}, 1, "not in a team"},
		{[]string{"--rep", "Maria", "team", "revoke", "--rep", "Ann Rep"}, 1, "not in a team"},
		{[]string{"list", "--team"}, 1, "not in a team"},
		{[]string{"list", "--team", "--csv"}, 2, "list --team"},
		{[]string{"report", "--team", "--prospect", "1", "--out", "x.pdf"}, 2, "--team makes the team report"},
	}
	for _, c := range cases {
		code, _, errs := h.run(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("warmlead %s: exit %d %q, want %d with %q", strings.Join(c.args, " "), code, errs, c.code, c.want)
		}
	}
}
