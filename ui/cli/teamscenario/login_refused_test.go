package teamscenario

import (
	"path/filepath"
	"strings"
	"testing"

	"warmlead/team/invitetest"
	"warmlead/team/teamtest"
)

// A member whose login the server refuses (a wrong password in the
// invitation), not a revoked one: `team sync` and `team status` say so in
// one sentence and exit 1, without the password, and the laptop keeps its
// team link (a second sync meets the same refusal, not "not in a team").
func TestTeamLoginRefusedCLI(t *testing.T) {
	pg := teamtest.Start(t)
	maria, carl := newLaptop(t, "Maria Manager"), newLaptop(t, "Carl Rep")
	maria.ok("", "team", "create", "--server", pg.URL, "--name", "Sales North")
	file := filepath.Join(maria.dir, "carl.invite")
	code := lastWord(maria.ok("", "team", "invite", "--rep", "Carl Rep", "--out", file))
	code = invitetest.WrongPassword(t, file, code)
	carl.ok("", "team", "join", file, "--code", code)
	for _, args := range [][]string{{"team", "sync"}, {"team", "status"}, {"team", "sync"}} {
		r := carl.run("", args...)
		if r.code != 1 || !strings.Contains(r.err, "refused the login of Carl Rep (a wrong password or an unknown login, not a revocation)") ||
			strings.Contains(r.out+r.err, "not-the-password") || strings.Contains(r.out+r.err, "revoked by") {
			t.Fatalf("%v: exit %d\n%s%s", args, r.code, r.out, r.err)
		}
	}
}
