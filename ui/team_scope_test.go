//go:build ci

package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The manager's Prospects switch to the team scope: the mirror's rows with
// a Rep column and a rep filter. A rep has no switch.
func TestTeamScopeSwitchOnProspects(t *testing.T) {
	g, f := managerOn(t, "prospects", func(s *shell) *scopeSwitch { return s.prospects.scope })
	p := g.shell.prospects
	tp := p.team
	if len(tp.rows) != 2 || tp.count.Text != "2 prospects" || !hasText(p.root, "from the team mirror") {
		t.Fatalf("team scope shows %d rows, %q", len(tp.rows), tp.count.Text)
	}
	repCol := len(teamColumns) - 1
	if teamColumns[repCol].title() != "Rep" || teamColumns[repCol].value(tp.rows[0]) != "Rita Jansen" {
		t.Fatal("no Rep column naming each prospect's rep")
	}
	if got := strings.Join(tp.rep.Options, ","); got != "All reps,Bo Berg,Rita Jansen" {
		t.Fatalf("rep filter offers %q", got)
	}
	tp.rep.SetSelected("Bo Berg")
	g.wait()
	if len(tp.rows) != 1 || tp.rows[0].Prospect.Name != "Mia Vos" || tp.rep.Selected != "Bo Berg" {
		t.Fatalf("rep filter: %d rows", len(tp.rows))
	}
	if last := f.called("rows"); last[len(last)-1] != "rows |Bo Berg" {
		t.Fatalf("Rows asked %q", last)
	}
	p.scope.set(false)
	g.wait()
	if hasText(p.root, "from the team mirror") {
		t.Fatal("Mine still shows the team's list")
	}

	f.set(func(f *fakeTeam) { f.info.Manager = false })
	p.refresh()
	g.wait()
	if p.scope.bar.Visible() {
		t.Fatal("a rep is offered the team scope")
	}
}

// Today's team scope lists the mirror's deadlines, read-only.
func TestTeamScopeOnToday(t *testing.T) {
	g, _ := managerOn(t, "today", func(s *shell) *scopeSwitch { return s.today.scope })
	td := g.shell.today
	if len(td.all) == 0 || td.all[0].Name != "Lars Holm" {
		t.Fatalf("team Today shows %+v", td.all)
	}
	if !strings.HasPrefix(td.summary.Text, "2 prospects") {
		t.Fatalf("summary %q", td.summary.Text)
	}
}

// Reports offers the manager the team scope, and the team scope's use
// cases are the mirror's: the team report covers every rep.
func TestTeamScopeOnReports(t *testing.T) {
	g, f := managerOn(t, "reports", func(s *shell) *scopeSwitch { return s.reports.pdf.scope })
	if !g.shell.reports.pdf.scope.team() {
		t.Fatal("the reports' switch did not choose the team")
	}
	uc, err := scopeApp(g, true)
	if err != nil || uc != f.mirror {
		t.Fatalf("the team scope reads %p (%v), not the mirror %p", uc, err, f.mirror)
	}
	if mine, _ := scopeApp(g, false); mine != g.uc {
		t.Fatal("Mine does not read this database")
	}
}

// TestTeamScreenShot pictures the manager's Team screen at 1366x800 in
// artifacts/team.png, and the team scope of Prospects in
// artifacts/team-prospects.png, once the test has seen what they show.
func TestTeamScreenShot(t *testing.T) {
	g := openMain(t)
	f := managerTeam(t)
	f.status.LastSync = time.Now().Add(-2 * time.Minute)
	for i := range f.status.Members {
		f.status.Members[i].LastSync = time.Now().Add(-time.Duration(i*7+2) * time.Minute)
		f.status.Members[i].Joined = time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	}
	useFakeTeam(t, g, f)
	g.app.Settings().SetTheme(theme.DefaultTheme())
	g.win.Resize(fyne.NewSize(1366, 800))
	s := showTeam(g)
	if len(s.status.Members) != 3 || s.state.Text != "Synced 2 min ago" {
		t.Fatalf("the screen shows %d members, %q", len(s.status.Members), s.state.Text)
	}
	keepShot(t, g, "team.png")

	g.shell.show("prospects")
	g.shell.prospects.scope.set(true)
	g.wait()
	if len(g.shell.prospects.team.rows) != 2 {
		t.Fatal("the team scope shows no rows")
	}
	keepShot(t, g, "team-prospects.png")
}
