package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/ui/i18n"
)

// section is one entry of the sidebar.
type section interface {
	content() fyne.CanvasObject
	refresh() // reload from the database when shown
}

type sectionInfo struct {
	id    string
	title func() string        // in the language in use when called
	icon  func() fyne.Resource // themed icons exist only once the app runs
}

// The sidebar, in order. Titles are functions so that each lang.L key is a
// literal the translation tests can check.
var sectionList = []sectionInfo{
	{"today", func() string { return lang.L("Today") }, theme.HomeIcon},
	{"prospects", func() string { return lang.L("Prospects") }, theme.AccountIcon},
	{"referrals", func() string { return lang.L("Referrals") }, theme.MailForwardIcon},
	{"calls", func() string { return lang.L("Calls") }, theme.MediaRecordIcon},
	{"insight", func() string { return lang.L("Insight") }, theme.GridIcon},
	{"reports", func() string { return lang.L("Reports") }, theme.DocumentIcon},
	{"team", func() string { return lang.L("Team") }, theme.StorageIcon}, // team.go
	{"settings", func() string { return lang.L("Settings") }, theme.SettingsIcon},
}

// shell is the main window once unlocked: sidebar, the current section,
// and the Lock action.
type shell struct {
	g        *GUI
	nav      *widget.List
	body     *fyne.Container
	who      *widget.Label
	teamLine *widget.Label // the team's sync state; hidden for a solo database (team_live.go)
	lockBtn  *widget.Button
	sections map[string]section
	current  string

	today     *todayScreen
	prospects *prospectsScreen
	referrals *referralsScreen
	calls     *callsScreen
	insight   *insightScreen
	reports   *reportsScreen
	team      *teamScreen
	settings  *settingsScreen
}

func (g *GUI) showMain() {
	g.onUnlocked()
	g.buildShell("today")
	g.startTeamLive() // team_live.go: nothing for a solo database
}

// buildShell makes the main window's content in the language in use and
// shows section first. A language change calls it again: every screen is
// built anew rather than each one re-translating its labels.
func (g *GUI) buildShell(first string) {
	s := &shell{g: g, body: container.NewStack()}
	s.today = newTodayScreen(g)
	s.prospects = newProspectsScreen(g)
	s.referrals = newReferralsScreen(g)
	s.calls = newCallsScreen(g)
	s.insight = newInsightScreen(g)
	s.reports = newReportsScreen(g)
	s.team = newTeamScreen(g)
	s.settings = newSettingsScreen(g)
	s.sections = map[string]section{"today": s.today, "prospects": s.prospects, "referrals": s.referrals,
		"calls": s.calls, "insight": s.insight, "reports": s.reports, "team": s.team, "settings": s.settings}

	s.nav = widget.NewList(func() int { return len(sectionList) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(lang.L("Prospects")))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sectionList[i].icon())
			row.Objects[1].(*widget.Label).SetText(sectionList[i].title())
		})
	s.nav.OnSelected = func(i widget.ListItemID) { s.show(sectionList[i].id) }
	s.lockBtn = widget.NewButtonWithIcon(lang.L("Lock"), theme.VisibilityOffIcon(), func() { g.lock(lang.L("Locked.")) })
	s.who = wrappedLabel("")
	s.updateWho()
	s.teamLine = g.newTeamLine()

	brand := widget.NewLabelWithStyle(appName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	brand.SizeName = theme.SizeNameSubHeadingText
	side := container.NewBorder(container.NewVBox(container.NewHBox(widget.NewIcon(g.app.Icon()), brand), widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), s.who, s.teamLine, s.lockBtn), nil, nil, s.nav)
	split := container.NewHSplit(side, container.NewPadded(s.body))
	split.Offset = 0.18
	g.setContent("", split)
	g.shell = s
	g.win.SetOnDropped(g.onDropped)
	g.win.SetMainMenu(s.mainMenu())
	g.addSearchShortcut()
	for i, info := range sectionList {
		if info.id == first {
			s.nav.Select(i) // OnSelected shows it
		}
	}
}

// show switches to a section by id.
func (s *shell) show(id string) {
	s.g.touch()
	sec, ok := s.sections[id]
	if !ok {
		return
	}
	if prev, ok := s.sections[s.current].(releaser); ok && s.current != id {
		prev.release()
	}
	s.current = id
	for i, info := range sectionList {
		if info.id == id {
			s.nav.Select(i) // no-op when already selected
		}
	}
	sec.refresh()
	s.body.Objects = []fyne.CanvasObject{sec.content()}
	s.body.Refresh()
}

func (s *shell) updateWho() {
	st := s.g.settings
	text := st.Rep
	if st.Company != "" {
		text += "\n" + st.Company
	}
	text += "\n" + lang.L("Locks after {{.Minutes}} min idle", map[string]any{"Minutes": i18n.Number(st.IdleLockMinutes)})
	s.who.SetText(text)
}

// emptyState is the honest message a section shows when it has nothing yet.
func emptyState(icon fyne.Resource, title, text string) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l := wrappedLabel(text)
	l.Alignment = fyne.TextAlignCenter
	img := widget.NewIcon(icon)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 200),
		container.NewVBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(64, 64), img)), t, l)))
}

// showLoading puts a progress line into an empty screen body, so the first
// read of a large database (seconds at 100,000 prospects) does not look
// like an empty screen. A body that shows results keeps them until the new
// ones are in, so a refresh does not flicker.
func showLoading(root *fyne.Container, text string) {
	if len(root.Objects) > 0 {
		return
	}
	bar := widget.NewProgressBarInfinite()
	root.Objects = []fyne.CanvasObject{container.NewVBox(widget.NewLabel(text), bar)}
	root.Refresh()
}

// heading is a section title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// mainMenu offers the frequent actions with shortcuts; menu shortcuts work
// even while a text field has focus.
func (s *shell) mainMenu() *fyne.MainMenu {
	g := s.g
	addCards := func() { s.show("prospects"); s.prospects.onAdd() }
	importCards := func() { s.show("prospects"); s.prospects.onImport() }
	scanCards := func() { s.show("prospects"); s.prospects.onScan() }
	cards := fyne.NewMenuItem(lang.L("Add business cards…"), addCards)
	cards.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	imp := fyne.NewMenuItem(lang.L("Import contacts…"), importCards)
	imp.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	scan := fyne.NewMenuItem(lang.L("Scan card photos…"), scanCards)
	lock := fyne.NewMenuItem(lang.L("Lock"), func() { g.lock(lang.L("Locked.")) })
	lock.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMainMenu(fyne.NewMenu(appName, cards, imp, scan, fyne.NewMenuItemSeparator(), lock))
}
