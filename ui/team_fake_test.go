//go:build ci

package ui

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
	"warmlead/ui/usecase"
)

// fakeTeam stands in for the Team family so the screens' team flows run
// without a PostgreSQL server: it answers what the test set and records
// what the screens asked.
type fakeTeam struct {
	mu       sync.Mutex
	in       bool
	info     usecase.TeamInfo
	status   usecase.TeamStatus
	sync     usecase.SyncResult
	syncErr  error
	err      error // Create, Join, Invite and Revoke answer it
	code     string
	rows     []usecase.TeamRow
	mirror   *usecase.App
	seen     []team.Sighting
	calls    []string
	notify   chan struct{} // each send makes Live report a sync
	leftLive chan struct{}
}

// useFakeTeam puts f behind the screens and restarts Live on it.
func useFakeTeam(t *testing.T, g *GUI, f *fakeTeam) *fakeTeam {
	t.Helper()
	f.notify, f.leftLive = make(chan struct{}), make(chan struct{}, 1)
	old := teamOf
	teamOf = func(*GUI) teamUseCases { return f }
	t.Cleanup(func() { teamOf = old })
	g.startTeamLive()
	g.wait()
	return f
}

func (f *fakeTeam) record(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

func (f *fakeTeam) called(prefix string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeTeam) set(fn func(f *fakeTeam)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeTeam) Info() (usecase.TeamInfo, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.info, f.in
}

// joinAs answers a create or a join: the database is then in the team.
func (f *fakeTeam) joinAs(call string, manager bool) (usecase.TeamInfo, error) {
	f.record(call)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return usecase.TeamInfo{}, f.err
	}
	f.in = true
	f.info = usecase.TeamInfo{Team: "Acme sales", Member: "Rita Rep", Server: "db.example.com/warmlead", Manager: manager}
	return f.info, nil
}

func (f *fakeTeam) Create(_ context.Context, server, name string) (usecase.TeamInfo, error) {
	// The admin's login as the team package would read it, during the call.
	return f.joinAs("create "+server+" "+name+" with password "+os.Getenv("PGPASSWORD"), true)
}

func (f *fakeTeam) Join(_ context.Context, file, code string) (usecase.TeamInfo, error) {
	return f.joinAs("join "+file+" "+code, false)
}

func (f *fakeTeam) Invite(_ context.Context, member string, manager bool, out string) (string, error) {
	f.record("invite " + member + " " + out)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.code, f.err
}

func (f *fakeTeam) Revoke(_ context.Context, member string) error {
	f.record("revoke " + member)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

func (f *fakeTeam) Sync(context.Context) (usecase.SyncResult, error) {
	f.record("sync")
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sync, f.syncErr
}

func (f *fakeTeam) Status(context.Context) (usecase.TeamStatus, error) {
	f.record("status")
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.status
	st.Info = f.info
	return st, nil
}

// Live reports a sync at each notify, until ctx ends.
func (f *fakeTeam) Live(ctx context.Context, done func(usecase.SyncResult, error)) {
	defer func() { f.leftLive <- struct{}{} }()
	for {
		select {
		case <-ctx.Done():
			return
		case <-f.notify:
			f.mu.Lock()
			res, err := f.sync, f.syncErr
			f.mu.Unlock()
			done(res, err)
		}
	}
}

func (f *fakeTeam) Seen(_ context.Context, p consent.Prospect) ([]team.Sighting, error) {
	f.record("seen " + p.Email)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen, nil
}

func (f *fakeTeam) MirrorApp() (*usecase.App, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mirror, nil
}

func (f *fakeTeam) Rows(query, rep string) ([]usecase.TeamRow, error) {
	f.record("rows " + query + "|" + rep)
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []usecase.TeamRow
	for _, r := range f.rows {
		if (rep == "" || r.Rep == rep) && strings.Contains(strings.ToLower(r.Prospect.Name), strings.ToLower(query)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// managerTeam is a team of three whose manager is this database's rep, with
// a mirror holding two reps' prospects.
func managerTeam(t *testing.T) *fakeTeam {
	t.Helper()
	db, _ := createUnlockedDB(t)
	t.Cleanup(func() { db.Close() })
	rows := []usecase.TeamRow{
		{Prospect: consent.Prospect{Name: "Lars Holm", Company: "Nord AS", Email: "lars@nord.example", Source: consent.SourceList, ListVendor: "Leads AS"}, Rep: "Rita Jansen"},
		{Prospect: consent.Prospect{Name: "Mia Vos", Company: "Delta BV", Phone: "+31 20 555 0199", Source: consent.SourceCard}, Rep: "Bo Berg"},
	}
	for _, r := range rows {
		if _, err := db.AddProspect(r.Prospect, store.AddOptions{Rep: r.Rep, Region: "NL"}); err != nil {
			t.Fatal(err)
		}
	}
	return &fakeTeam{in: true, rows: rows, code: "K7Q2-M9X4-P3R8-T6V1-W2Y5",
		mirror: usecase.New(db, usecase.Env{Rep: func() string { return "Rita Rep" }}),
		info:   usecase.TeamInfo{Team: "Acme sales", Member: "Rita Rep", Server: "db.example.com/warmlead", Manager: true},
		status: usecase.TeamStatus{Online: true, Blocks: 12, Members: []team.Member{
			{Name: "Rita Rep", Manager: true, Prospects: 3, Consents: 1},
			{Name: "Rita Jansen", Prospects: 120, Consents: 40},
			{Name: "Bo Berg", Prospects: 80, Consents: 12},
		}}}
}

// set chooses the scope as a click on Mine or Team would.
func (s *scopeSwitch) set(team bool) {
	if team {
		s.radio.SetSelected(s.radio.Options[1])
	} else {
		s.radio.SetSelected(s.radio.Options[0])
	}
}

// showTeam shows the Team section and returns it once its status is in.
func showTeam(g *GUI) *teamScreen {
	g.shell.show("team")
	g.wait()
	return g.shell.team
}

// managerOn opens section on a manager's database of managerTeam and
// switches it to the team scope once the test has seen the switch.
func managerOn(t *testing.T, section string, scope func(s *shell) *scopeSwitch) (*GUI, *fakeTeam) {
	t.Helper()
	g := openMain(t)
	f := useFakeTeam(t, g, managerTeam(t))
	g.shell.show(section)
	g.wait()
	sw := scope(g.shell)
	if !sw.bar.Visible() {
		t.Fatalf("%s has no Mine / Team switch for the manager", section)
	}
	sw.set(true)
	g.wait()
	return g, f
}

// pressEscape delivers Escape as the driver does: to the focused widget,
// else to the window's canvas.
func pressEscape(g *GUI) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := g.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	g.win.Canvas().OnTypedKey()(ev)
}

func (f *fakeTeam) Count() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.rows), nil
}
