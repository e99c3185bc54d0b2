//go:build ci

package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/team/teamtest"
	"warmlead/ui/usecase"
)

// The manager's window on a real PostgreSQL (a private cluster; skipped
// without the binaries unless WARMLEAD_REQUIRE_PG=1): create the team and
// invite a rep through the dialogs; the rep (headless, its own database)
// joins with the code and syncs a prospect; the manager's Sync now mirrors
// it, the team scope lists it with its rep, the card form says the rep has
// the person, and Revoke shuts the rep out.
func TestTeamScreensOnARealServer(t *testing.T) {
	c := teamtest.Start(t)
	g := openMain(t)
	s := showTeam(g)

	s.onCreate()
	d := s.lastCreate
	d.server.SetText(c.URL)
	d.name.SetText("Acme sales")
	test.Tap(d.create)
	g.wait()
	if !shows(s.root, s.invite) {
		t.Fatalf("Create did not make this the manager's database: %q\n%s", d.status.Text, c.Log())
	}

	s.onInvite()
	inv := s.lastInvite
	inv.name.SetText("Bo Berg")
	file := filepath.Join(t.TempDir(), "bo.json")
	inv.setOut(file)
	test.Tap(inv.invite)
	g.wait()
	if inv.code == nil || len(strings.ReplaceAll(inv.code.Text, "-", "")) != 20 {
		t.Fatalf("no one-time code shown: %q", inv.status.Text)
	}
	code := inv.code.Text
	g.closeTopDialog()

	// The rep, on their own laptop, through the same use cases.
	repDB, _ := createUnlockedDB(t)
	t.Cleanup(func() { repDB.Close() })
	rep := usecase.New(repDB, usecase.Env{Rep: func() string { return "Bo Berg" }})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := rep.Team.Join(ctx, file, code); err != nil {
		t.Fatal("rep join:", err)
	}
	if _, err := rep.Prospects.Add(consent.Prospect{Name: "Lars Holm", Company: "Nord AS", Email: "lars@nord.example", Source: consent.SourceCard},
		usecase.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := rep.Team.Sync(ctx); err != nil {
		t.Fatal("rep sync:", err)
	}

	test.Tap(s.sync)
	g.wait()
	// (Live may have mirrored the rep's push already: Sync now's own
	// result then has nothing left to mirror.)
	if !strings.HasPrefix(s.state.Text, "Synced") || !strings.HasPrefix(s.result.Text, "Last sync") {
		t.Fatalf("after Sync now: %q / %q", s.state.Text, s.result.Text)
	}
	if got := memberNames(s); got != "Rita Rep,Bo Berg" && got != "Bo Berg,Rita Rep" {
		t.Fatalf("members %q", got)
	}

	g.shell.show("prospects")
	p := g.shell.prospects
	p.scope.set(true)
	g.wait()
	if len(p.team.rows) != 1 || p.team.rows[0].Prospect.Name != "Lars Holm" || p.team.rows[0].Rep != "Bo Berg" {
		t.Fatalf("team scope rows %+v (%q)", p.team.rows, p.team.count.Text)
	}
	p.scope.set(false)
	g.wait()

	old := seenDelay
	seenDelay = 0
	t.Cleanup(func() { seenDelay = old })
	card := showCardEntry(g, nil)
	test.Type(card.email, "lars@nord.example")
	g.wait()
	if !strings.HasPrefix(card.seen.label.Text, "Also a prospect of Bo Berg since") || !card.seen.label.Visible() {
		t.Fatalf("card form hint %q", card.seen.label.Text)
	}
	g.closeTopDialog()

	g.shell.show("team")
	g.wait()
	s.onRevoke()
	s.lastRevoke.member.SetSelected("Bo Berg")
	test.Tap(s.lastRevoke.next)
	_, buttons := overlayWidgets(g)
	test.Tap(buttons["Revoke access"])
	g.wait()
	if !strings.Contains(s.result.Text, "Bo Berg's access was revoked") {
		t.Fatalf("revoke: %q", s.result.Text)
	}
	if _, err := rep.Team.Sync(ctx); !usecase.IsRevoked(err) {
		t.Fatalf("the revoked rep's sync answered %v", err)
	}
}

func memberNames(s *teamScreen) string {
	var names []string
	for _, m := range s.status.Members {
		names = append(names, m.Name)
	}
	return strings.Join(names, ",")
}

// A rep's window joins through the dialog and runs Live; when the manager
// revokes the rep, the window says why the team's data left this laptop.
func TestRepWindowIsToldOfRevocation(t *testing.T) {
	c := teamtest.Start(t)
	mgrDB, _ := createUnlockedDB(t)
	t.Cleanup(func() { mgrDB.Close() })
	mgr := usecase.New(mgrDB, usecase.Env{Rep: func() string { return "Mona Manager" }})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := mgr.Team.Create(ctx, c.URL, "Acme sales"); err != nil {
		t.Fatal("create:", err)
	}
	file := filepath.Join(t.TempDir(), "rita.json")
	code, err := mgr.Team.Invite(ctx, "Rita Rep", false, file)
	if err != nil {
		t.Fatal("invite:", err)
	}

	g := openMain(t)
	s := showTeam(g)
	s.onJoin()
	j := s.lastJoin
	j.setFile(file)
	j.code.SetText(code)
	test.Tap(j.join)
	g.wait()
	if !hasText(s.root, "a rep of the team") || g.team.live == nil {
		t.Fatalf("not joined: %q", j.status.Text)
	}
	waitFor(t, g, func() bool { return strings.HasPrefix(g.shell.teamLine.Text, "Synced") })

	if err := mgr.Team.Revoke(ctx, "Rita Rep"); err != nil {
		t.Fatal("revoke:", err)
	}
	if g.team.live == nil { // Live may already have met the revocation
		t.Log("Live ended before the revoke returned")
	}
	test.Tap(s.sync) // at the latest the next sync meets it
	waitFor(t, g, func() bool { return topDialogHas(g, "revoked your access to Acme sales") })
	if _, in := g.inTeam(); in || g.shell.teamLine.Visible() || !shows(s.root, s.join) {
		t.Fatal("after revocation the window still shows the team")
	}
}
