//go:build ci

package ui

import (
	"fmt"
	"strings"
	"testing"

	"warmlead/team"
)

// A refused login (wrong password, unknown login) during a live sync is
// said on the Team screen in its own sentence; it is not a revocation: no
// revoked dialog, the team line and Live stay.
func TestTeamLoginRefusedIsNotRevoked(t *testing.T) {
	g := openMain(t)
	f := useFakeTeam(t, g, managerTeam(t))
	s := showTeam(g)
	f.set(func(f *fakeTeam) { f.syncErr = fmt.Errorf("sync: %w", team.ErrLoginRefused) })
	f.notify <- struct{}{}
	waitFor(t, g, func() bool { return strings.Contains(s.result.Text, "refused your login") })
	if !strings.Contains(s.result.Text, "not a revocation") || topDialogHas(g, "revoked your access") {
		t.Fatalf("result %q, or a revoked dialog", s.result.Text)
	}
	if !g.shell.teamLine.Visible() || g.team.live == nil {
		t.Fatal("a refused login hid the team line or stopped Live")
	}
}
