//go:build ci

package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/team"
	"warmlead/ui/usecase"
)

// A solo database's Team screen says what a team is for and offers Create
// and Join; the sidebar lists it.
func TestTeamScreenSolo(t *testing.T) {
	g := openMain(t)
	s := showTeam(g)
	if !hasText(s.root, "every rep's Warmlead honours it") || !shows(s.root, s.create) || !shows(s.root, s.join) {
		t.Fatal("the solo Team screen does not explain the team or offer Create and Join")
	}
	if hasText(s.root, "Members") || g.shell.teamLine.Visible() {
		t.Fatal("a solo database shows a team's members or sync line")
	}
	if g.shell.prospects.scope.bar.Visible() {
		t.Fatal("a solo database offers the team scope")
	}
}

// Create checks the address and the name before the slow part, passes
// the admin's login for that call only (never in the URL), keeps the
// password out of what it shows, and turns the screen into the manager's.
func TestTeamCreateDialogValidation(t *testing.T) {
	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSWORD")
	g := openMain(t)
	f := useFakeTeam(t, g, &fakeTeam{})
	s := showTeam(g)
	s.onCreate()
	d := s.lastCreate
	for _, c := range []struct{ server, name, want string }{
		{"", "Acme sales", "Enter the PostgreSQL server's address"},
		{"https://db.example.com", "Acme sales", "is a PostgreSQL URL"},
		{"postgres://db.example.com/warmlead", " ", "Enter the team's name"},
	} {
		d.server.SetText(c.server)
		d.name.SetText(c.name)
		test.Tap(d.create)
		g.wait()
		if !strings.Contains(d.status.Text, c.want) {
			t.Errorf("%q %q: status %q, want %q", c.server, c.name, d.status.Text, c.want)
		}
	}
	if n := len(f.called("create")); n != 0 {
		t.Fatalf("invalid input reached Create %d times", n)
	}

	// The server refuses, quoting the password: it is not shown.
	f.set(func(f *fakeTeam) {
		f.err = errors.New("connect postgres://admin:s3cret%20pass@db.example.com/warmlead: refused (s3cret pass)")
	})
	d.server.SetText("postgres://admin:typed-in-url@db.example.com/warmlead")
	d.name.SetText("Acme sales")
	d.admin.SetText("s3cret pass")
	test.Tap(d.create)
	g.wait()
	if strings.Contains(d.status.Text, "s3cret") || !strings.Contains(d.status.Text, "refused") {
		t.Fatalf("a failed create shows %q", d.status.Text)
	}
	f.set(func(f *fakeTeam) { f.err = nil })
	test.Tap(d.create)
	g.wait()
	calls := f.called("create")
	if len(calls) != 2 || calls[1] != "create postgres://admin@db.example.com/warmlead Acme sales with password s3cret pass" {
		t.Fatalf("Create got %q (the password goes beside the URL, never in it)", calls)
	}
	if _, set := os.LookupEnv("PGPASSWORD"); set {
		t.Fatal("the admin password stayed in the environment after Create")
	}
	if g.win.Canvas().Overlays().Top() != nil || d.admin.Text != "" {
		t.Fatal("the create dialog stayed open, or kept the password")
	}
	if !shows(s.root, s.invite) || !hasText(s.root, "the team's manager") {
		t.Fatal("after Create the screen is not the manager's")
	}
}

// Join wants the file and a code of 20 letters and digits; a wrong code is
// said in words; a good one makes this database a rep's.
func TestTeamJoinDialogValidation(t *testing.T) {
	g := openMain(t)
	f := useFakeTeam(t, g, &fakeTeam{})
	s := showTeam(g)
	s.onJoin()
	pressEscape(g)
	if g.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the join dialog")
	}
	s.onJoin()
	d := s.lastJoin
	d.code.SetText("K7Q2-M9X4-P3R8-T6V1-W2Y5")
	test.Tap(d.join)
	if !strings.Contains(d.status.Text, "Choose the invitation file") {
		t.Fatalf("no file: %q", d.status.Text)
	}
	file := filepath.Join(t.TempDir(), "invite.json")
	d.setFile(file)
	d.code.SetText("K7Q2-M9X4")
	test.Tap(d.join)
	if !strings.Contains(d.status.Text, "20 letters and digits") || len(f.called("join")) != 0 {
		t.Fatalf("short code: %q, calls %q", d.status.Text, f.called("join"))
	}
	f.set(func(f *fakeTeam) { f.err = fmt.Errorf("open invitation: %w", team.ErrBadCode) })
	d.code.SetText(" k7q2-m9x4-p3r8-t6v1-w2y5 ")
	test.Tap(d.join)
	g.wait()
	if !strings.Contains(d.status.Text, "does not open this invitation") {
		t.Fatalf("bad code: %q", d.status.Text)
	}
	f.set(func(f *fakeTeam) { f.err = nil })
	test.Tap(d.join)
	g.wait()
	if calls := f.called("join"); len(calls) != 2 || calls[1] != "join "+file+" k7q2-m9x4-p3r8-t6v1-w2y5" {
		t.Fatalf("Join got %q", calls)
	}
	if !hasText(s.root, "a rep of the team") || shows(s.root, s.invite) || !shows(s.root, s.sync) {
		t.Fatal("after Join the screen is not a rep's")
	}
}

// Invite needs a name and a file; then the one-time code is shown large
// and Copy puts it on the clipboard.
func TestTeamInviteShowsTheCode(t *testing.T) {
	g := openMain(t)
	f := useFakeTeam(t, g, managerTeam(t))
	s := showTeam(g)
	if !shows(s.root, s.invite) || !shows(s.root, s.revoke) || !hasText(s.root, "12 company-wide blocks") {
		t.Fatal("the manager's screen lacks Invite, Revoke or the blocks count")
	}
	s.onInvite()
	d := s.lastInvite
	test.Tap(d.invite)
	if !strings.Contains(d.status.Text, "Enter the new member's name") {
		t.Fatalf("no name: %q", d.status.Text)
	}
	d.name.SetText("Sven Lund")
	test.Tap(d.invite)
	if !strings.Contains(d.status.Text, "Choose where to save") {
		t.Fatalf("no file: %q", d.status.Text)
	}
	if got := invitationFileName("Sven Lund"); got != "warmlead-invitation-sven-lund.json" {
		t.Fatalf("file name %q", got)
	}
	out := filepath.Join(t.TempDir(), "sven.json")
	d.setOut(out)
	test.Tap(d.invite)
	g.wait()
	if calls := f.called("invite"); len(calls) != 1 || calls[0] != "invite Sven Lund "+out {
		t.Fatalf("Invite got %q", calls)
	}
	if d.code == nil || d.code.Text != "K7Q2-M9X4-P3R8-T6V1-W2Y5" || !topDialogHas(g, "Give Sven Lund this code") {
		t.Fatal("the one-time code is not shown")
	}
	test.Tap(d.copyBtn)
	if g.app.Clipboard().Content() != "K7Q2-M9X4-P3R8-T6V1-W2Y5" || d.copyBtn.Text != "Copied" {
		t.Fatalf("Copy put %q on the clipboard", g.app.Clipboard().Content())
	}
}

// Revoke picks among the other active members and asks once, naming the
// person and what revocation cannot undo; Cancel revokes nobody.
func TestTeamRevokeConfirmation(t *testing.T) {
	g := openMain(t)
	f := useFakeTeam(t, g, managerTeam(t))
	s := showTeam(g)
	s.onRevoke()
	pressEscape(g) // the keyboard closes it before anything is chosen
	if g.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the revoke dialog")
	}
	s.onRevoke()
	d := s.lastRevoke
	if got := strings.Join(d.member.Options, ","); got != "Rita Jansen,Bo Berg" {
		t.Fatalf("revoke offers %q (the manager themself must not be offered)", got)
	}
	test.Tap(d.next)
	if !strings.Contains(d.status.Text, "Choose whose access") {
		t.Fatalf("nobody chosen: %q", d.status.Text)
	}
	d.member.SetSelected("Rita Jansen")
	test.Tap(d.next)
	if !topDialogHas(g, "Revoke Rita Jansen's access?") || !topDialogHas(g, "Revocation cannot undo what Rita Jansen copied") {
		t.Fatal("the confirmation does not name the person and what cannot be undone")
	}
	_, buttons := overlayWidgets(g)
	test.Tap(buttons["No"]) // Fyne's own dismiss word
	g.wait()
	if len(f.called("revoke")) != 0 {
		t.Fatal("Cancel revoked")
	}
	s.onRevoke()
	s.lastRevoke.member.SetSelected("Rita Jansen")
	test.Tap(s.lastRevoke.next)
	_, buttons = overlayWidgets(g)
	test.Tap(buttons["Revoke access"])
	g.wait()
	if calls := f.called("revoke"); len(calls) != 1 || calls[0] != "revoke Rita Jansen" {
		t.Fatalf("Revoke got %q", calls)
	}
	if !strings.Contains(s.result.Text, "Rita Jansen's access was revoked") {
		t.Fatalf("after revoking: %q", s.result.Text)
	}
}

// Live's syncs reach the window through the bridge: the status line, and
// a revoked member's dialog saying why the team data went.
func TestTeamLiveUpdatesAndRevocation(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Anna Berg", Email: "anna@zeta.example", Source: consent.SourceCard})
	f := managerTeam(t)
	f.status.Online, f.status.Pending = false, 14
	useFakeTeam(t, g, f)
	if !g.shell.teamLine.Visible() || g.shell.teamLine.Text != "Offline: 14 changes waiting" {
		t.Fatalf("status line %q", g.shell.teamLine.Text)
	}
	f.set(func(f *fakeTeam) {
		f.status.Online, f.status.Pending, f.status.LastSync = true, 0, time.Now().Add(-2*time.Minute)
		f.sync = usecase.SyncResult{When: time.Now(), Pulled: 1, Erased: 1}
	})
	g.shell.show("prospects")
	g.wait()
	before := g.shell.prospects.gen.Load()
	f.notify <- struct{}{}
	waitFor(t, g, func() bool { return g.shell.teamLine.Text == "Synced 2 min ago" })
	if g.shell.prospects.gen.Load() == before {
		t.Fatal("a sync that erased a prospect did not refresh the list on show")
	}

	f.set(func(f *fakeTeam) { f.syncErr, f.in = fmt.Errorf("sync: %w", team.ErrRevoked), false })
	f.notify <- struct{}{}
	waitFor(t, g, func() bool { return topDialogHas(g, "revoked your access to Acme sales") })
	if g.shell.teamLine.Visible() || g.team.live != nil {
		t.Fatal("after revocation the team line or Live stayed")
	}
	select {
	case <-f.leftLive:
	case <-time.After(5 * time.Second):
		t.Fatal("Live did not stop after the revocation")
	}
}

// shows tells whether obj is on screen under root.
func shows(root, obj fyne.CanvasObject) bool {
	return anyUnder(root, false, true, func(o fyne.CanvasObject) bool { return o == obj })
}

// waitFor delivers queued results until cond holds (Live reports from its
// own goroutine, so a result may still be on its way). The deadline is
// generous: it returns as soon as cond holds, and under the race detector
// on a loaded machine a sync with PostgreSQL took over 5 s.
func waitFor(t *testing.T, g *GUI, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		g.wait()
		time.Sleep(5 * time.Millisecond)
	}
}

func TestSyncStateText(t *testing.T) {
	now := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		st   usecase.TeamStatus
		want string
	}{
		{usecase.TeamStatus{Online: false, Pending: 14}, "Offline: 14 changes waiting"},
		{usecase.TeamStatus{Online: false, Pending: 1}, "Offline: 1 change waiting"},
		{usecase.TeamStatus{Online: true}, "Online, not synced yet"},
		{usecase.TeamStatus{Online: true, LastSync: now.Add(-2 * time.Minute)}, "Synced 2 min ago"},
		{usecase.TeamStatus{Online: true, LastSync: now.Add(-10 * time.Second)}, "Synced just now"},
		{usecase.TeamStatus{Online: true, LastSync: now.Add(-3 * time.Hour), Pending: 2}, "Synced 3 hours ago, 2 changes waiting"},
	} {
		if got := syncStateText(c.st, now); got != c.want {
			t.Errorf("%+v: %q, want %q", c.st, got, c.want)
		}
	}
}

// The card form says another rep has the person, and still saves.
func TestCardFormSaysAnotherRepHasThePerson(t *testing.T) {
	g := openMain(t)
	f := managerTeam(t)
	f.seen = []team.Sighting{{Member: "Rita Jansen", Since: time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)}}
	useFakeTeam(t, g, f)
	old := seenDelay
	seenDelay = 0
	t.Cleanup(func() { seenDelay = old })
	c := showCardEntry(g, nil)
	test.Type(c.name, "Lars Holm")
	test.Type(c.email, "lars@nord.example")
	g.wait()
	if !c.seen.label.Visible() || !strings.HasPrefix(c.seen.label.Text, "Also a prospect of Rita Jansen since 2") {
		t.Fatalf("hint %q visible %v", c.seen.label.Text, c.seen.label.Visible())
	}
	test.Tap(c.save)
	g.wait()
	if g.db.Index().Count() != 1 {
		t.Fatal("the hint blocked saving the card")
	}
}

// Setup's Join a team: the invitation is checked with the rest of the
// form, and the team is joined once the database exists.
func TestSetupJoinsATeam(t *testing.T) {
	g := newTestGUI(t, usecase.Config{NoKeyring: true})
	f := &fakeTeam{}
	f.notify, f.leftLive = make(chan struct{}), make(chan struct{}, 1)
	old := teamOf
	teamOf = func(*GUI) teamUseCases { return f }
	t.Cleanup(func() { teamOf = old })
	g.Start()
	s := g.setup
	test.Type(s.rep, "Rita Rep")
	s.pass.SetText(pass)
	s.pass2.SetText(pass)
	test.Tap(s.join.toggle)
	test.Tap(s.create)
	g.wait()
	if !strings.Contains(s.status.Text, "Choose the invitation file") || g.shell != nil {
		t.Fatalf("setup without the file: %q", s.status.Text)
	}
	file := filepath.Join(t.TempDir(), "invite.json")
	s.join.setFile(file)
	s.join.code.SetText("K7Q2-M9X4-P3R8-T6V1-W2Y5")
	test.Tap(s.create)
	g.wait()
	if g.shell == nil {
		t.Fatalf("setup did not open the main window: %q", s.status.Text)
	}
	if calls := f.called("join"); len(calls) != 1 || calls[0] != "join "+file+" K7Q2-M9X4-P3R8-T6V1-W2Y5" {
		t.Fatalf("Join got %q", calls)
	}
	if g.shell.current != "team" || !hasText(g.shell.team.root, "a rep of the team") {
		t.Fatal("after setup the Team screen does not show the joined team")
	}
}
