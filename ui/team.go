package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/team"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// teamUseCases is what the team's screens need of the Team family
// (usecase.Team satisfies it); a test puts a fake behind teamOf to drive
// the team flows without a PostgreSQL server.
type teamUseCases interface {
	Info() (usecase.TeamInfo, bool)
	Create(ctx context.Context, server, name string) (usecase.TeamInfo, error)
	Invite(ctx context.Context, member string, manager bool, out string) (string, error)
	Join(ctx context.Context, file, code string) (usecase.TeamInfo, error)
	Revoke(ctx context.Context, member string) error
	Sync(ctx context.Context) (usecase.SyncResult, error)
	Status(ctx context.Context) (usecase.TeamStatus, error)
	Live(ctx context.Context, done func(usecase.SyncResult, error))
	Seen(ctx context.Context, p consent.Prospect) ([]team.Sighting, error)
	MirrorApp() (*usecase.App, error)
	Count() (int, error)
	Rows(query, rep string) ([]usecase.TeamRow, error)
}

// teamOf is the Team family of the open database (a seam for tests).
var teamOf = func(g *GUI) teamUseCases { return g.uc.Team }

// teamCallTimeout bounds one call to the server from a screen: the team
// package gives up connecting after 10 s, a sync of a large team may take
// longer.
const teamCallTimeout = 2 * time.Minute

// teamCtx is the context of one call to the server made from a screen.
func teamCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), teamCallTimeout)
}

// teamCall runs one call to the team's use cases off the UI goroutine,
// bounded by teamCallTimeout, then done on the UI goroutine.
func (g *GUI) teamCall(work func(ctx context.Context, tm teamUseCases) error, done func(error)) {
	tm := teamOf(g)
	g.background(func() error {
		ctx, cancel := teamCtx()
		defer cancel()
		return work(ctx, tm)
	}, done)
}

// inTeam tells whether the open database belongs to a team, and as whom.
func (g *GUI) inTeam() (usecase.TeamInfo, bool) {
	if g.uc == nil {
		return usecase.TeamInfo{}, false
	}
	return teamOf(g).Info()
}

// isTeamManager tells whether the team scope (Mine / Team) is offered.
func (g *GUI) isTeamManager() bool {
	info, ok := g.inTeam()
	return ok && info.Manager
}

// teamScreen is the Team section: for a solo database what a team is for,
// Create and Join; for a member the team, the sync state, Sync now and the
// members; for the manager also Invite and Revoke.
type teamScreen struct {
	g       *GUI
	root    *fyne.Container
	title   *widget.Label
	who     *widget.Label
	state   *widget.Label // "Synced 2 min ago" / "Offline: 14 changes waiting"
	blocks  *widget.Label
	result  *widget.Label // what the last sync did, anchors included
	sync    *widget.Button
	invite  *widget.Button
	revoke  *widget.Button
	create  *widget.Button // solo
	join    *widget.Button // solo
	members *widget.Table
	status  usecase.TeamStatus
	cols    []memberColumn

	lastInvite *inviteDialog // for tests
	lastJoin   *joinDialog
	lastCreate *createDialog
	lastRevoke *revokeDialog
}

func newTeamScreen(g *GUI) *teamScreen {
	s := &teamScreen{g: g, root: container.NewStack()}
	s.title = heading(lang.L("Team"))
	s.who = wrappedLabel("")
	s.state = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.blocks = widget.NewLabel("")
	s.result = wrappedLabel("")
	s.result.Hide()
	s.sync = primaryButton(lang.L("Sync now"), theme.ViewRefreshIcon(), s.onSync)
	s.invite = widget.NewButtonWithIcon(lang.L("Invite…"), theme.ContentAddIcon(), s.onInvite)
	s.revoke = widget.NewButtonWithIcon(lang.L("Revoke…"), theme.ContentRemoveIcon(), s.onRevoke)
	s.create = primaryButton(lang.L("Create a team…"), theme.ContentAddIcon(), s.onCreate)
	s.join = widget.NewButtonWithIcon(lang.L("Join a team…"), theme.LoginIcon(), s.onJoin)
	s.members = s.newMembersTable()
	return s
}

func (s *teamScreen) content() fyne.CanvasObject { return s.root }

// refresh shows the solo or the member view, then asks for the status
// (offline it still answers with the local figures).
func (s *teamScreen) refresh() {
	info, ok := s.g.inTeam()
	if !ok {
		s.showSolo()
		return
	}
	s.showMember(info)
	s.g.refreshTeamStatus()
}

func (s *teamScreen) showSolo() {
	intro := wrappedLabel(lang.L("A team shares what binds the whole company: when a person objects, withdraws consent, asks to be erased or declines an introduction, every rep's Warmlead honours it at the next sync, and a rep who adds a person another rep already has is told so. The manager sees every rep's prospects and makes the company's reports. The team lives on your company's PostgreSQL server; your prospects stay in this encrypted database and you keep working offline."))
	how := wrappedLabel(lang.L("The manager creates the team and invites each rep. A rep joins with the invitation file and the one-time code the manager gives them apart from it."))
	body := container.NewVBox(s.title, intro, how, container.NewHBox(s.join, s.create))
	s.root.Objects = []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 360), body))}
	s.root.Refresh()
}

func (s *teamScreen) showMember(info usecase.TeamInfo) {
	s.title.SetText(info.Team)
	s.who.SetText(whoText(info))
	s.cols = memberColumns(info.Manager)
	actions := []fyne.CanvasObject{s.sync}
	if info.Manager {
		actions = append(actions, s.invite, s.revoke)
	}
	top := container.NewVBox(s.title, s.who, s.state, s.blocks, container.NewHBox(actions...), s.result,
		widget.NewLabelWithStyle(lang.L("Members"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	s.root.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, s.members)}
	s.root.Refresh()
	s.members.Refresh()
}

// whoText says as whom this database is in the team, a whole sentence per
// role (and without a day when the join's is unknown).
func whoText(info usecase.TeamInfo) string {
	data := map[string]any{"Member": info.Member, "Server": info.Server, "Day": i18n.Date(info.Joined)}
	switch {
	case info.Manager && info.Joined.IsZero():
		return lang.L("You are {{.Member}}, the team's manager, on {{.Server}}.", data)
	case info.Manager:
		return lang.L("You are {{.Member}}, the team's manager, on {{.Server}} since {{.Day}}.", data)
	case info.Joined.IsZero():
		return lang.L("You are {{.Member}}, a rep of the team, on {{.Server}}.", data)
	}
	return lang.L("You are {{.Member}}, a rep of the team, on {{.Server}} since {{.Day}}.", data)
}

// setResult shows what the last action did ("" hides the line).
func (s *teamScreen) setResult(text string) {
	s.result.SetText(text)
	s.result.Hidden = text == ""
	s.result.Refresh()
}

// setStatus shows a status answer.
func (s *teamScreen) setStatus(st usecase.TeamStatus) {
	s.status = st
	s.state.SetText(syncStateText(st, time.Now()))
	s.blocks.SetText(lang.N("{{.Count}} company-wide block held on this computer (objections, erasures, withdrawals, declines, do-not-call numbers).",
		st.Blocks, map[string]any{"Count": i18n.Number(st.Blocks)}))
	s.members.Refresh()
	if s.g.shell != nil {
		s.g.shell.setTeamLine(s.state.Text)
	}
}

// syncStateText is the one line that says how this laptop stands with the
// team.
func syncStateText(st usecase.TeamStatus, now time.Time) string {
	switch {
	case !st.Online:
		return lang.N("Offline: {{.Count}} change waiting", st.Pending, map[string]any{"Count": i18n.Number(st.Pending)})
	case st.LastSync.IsZero():
		return lang.L("Online, not synced yet")
	case st.Pending > 0:
		return lang.N("Synced {{.Ago}}, {{.Count}} change waiting", st.Pending,
			map[string]any{"Ago": agoText(st.LastSync, now), "Count": i18n.Number(st.Pending)})
	}
	return lang.L("Synced {{.Ago}}", map[string]any{"Ago": agoText(st.LastSync, now)})
}

// agoText says how long ago t was, for a status line ("2 min ago").
func agoText(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return lang.L("just now")
	case d < time.Hour:
		n := int(d / time.Minute)
		return lang.N("{{.Count}} min ago", n, map[string]any{"Count": i18n.Number(n)})
	case d < 24*time.Hour:
		n := int(d / time.Hour)
		return lang.N("{{.Count}} hour ago", n, map[string]any{"Count": i18n.Number(n)})
	}
	return lang.L("on {{.Day}}", map[string]any{"Day": i18n.Date(t)})
}

// onSync runs one sync now and says what it did.
func (s *teamScreen) onSync() {
	g := s.g
	g.touch()
	s.sync.Disable()
	s.state.SetText(lang.L("Syncing…"))
	var res usecase.SyncResult
	g.teamCall(func(ctx context.Context, tm teamUseCases) (err error) {
		res, err = tm.Sync(ctx)
		return err
	}, func(err error) {
		s.sync.Enable()
		g.afterSync(res, err)
		if err == nil {
			s.setResult(syncResultText(res))
		}
	})
}

// syncResultText says what one sync did, and each ledger the team's copy
// does not confirm.
func syncResultText(res usecase.SyncResult) string {
	text := lang.L("Last sync {{.When}}: {{.Pushed}} sent, {{.Pulled}} received.", map[string]any{
		"When": i18n.DateTime(res.When), "Pushed": i18n.Number(res.Pushed), "Pulled": i18n.Number(res.Pulled)})
	if res.Erased > 0 {
		text += " " + lang.N("{{.Count}} prospect erased because the team asked.", res.Erased, map[string]any{"Count": i18n.Number(res.Erased)})
	}
	if res.Mirrored > 0 {
		text += " " + lang.N("{{.Count}} change from the reps mirrored.", res.Mirrored, map[string]any{"Count": i18n.Number(res.Mirrored)})
	}
	for _, a := range res.Anchors {
		text += "\n" + lang.L("Warning: {{.Problem}}", map[string]any{"Problem": i18n.Text(a.Message)})
	}
	return text
}
