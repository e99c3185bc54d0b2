package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// todayScreen lists what is due, most urgent first: Art. 14 notices,
// retention ending, call-backs, ask-again dates, unanswered referrals.
type todayScreen struct {
	g        *GUI
	greet    *widget.Label
	summary  *widget.Label
	list     *widget.List
	all      []usecase.DueItem // what is due
	items    []usecase.DueItem // what the search and filter show (today_filter.go)
	filter   *listFilter
	tasks    map[uint64]*usecase.TaskItem // the open task of a call-back row, by prospect (in setTasks' items)
	note     *widget.Label                // what a task action did
	ics      *widget.Button               // every open task as one calendar file
	lastCall *callDialog                  // the call log Open opened, for tests
	root     *fyne.Container
	empty    fyne.CanvasObject
	body     fyne.CanvasObject
	scope    *scopeSwitch // the manager's Mine / Team (team_scope.go)
}

func newTodayScreen(g *GUI) *todayScreen {
	t := &todayScreen{g: g}
	t.greet = heading(lang.L("Today"))
	t.summary = widget.NewLabel("")
	t.initTasks()
	t.filter = newListFilter(todayKindLabels(), t.applyFilter)
	t.list = widget.NewList(func() int { return len(t.items) },
		func() fyne.CanvasObject {
			when := widget.NewLabel("")
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			why := widget.NewLabel("")
			why.Truncation = fyne.TextTruncateEllipsis
			open := widget.NewButtonWithIcon(lang.L("Open"), theme.NavigateNextIcon(), nil)
			return container.NewBorder(nil, nil, container.NewHBox(when, name), container.NewHBox(newTaskButtons(), open), why)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := t.items[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(i18n.TextOr(row.Message, row.Reason))
			left := c.Objects[1].(*fyne.Container)
			left.Objects[0].(*widget.Label).SetText(dueWhen(row))
			left.Objects[1].(*widget.Label).SetText(row.Name)
			right := c.Objects[2].(*fyne.Container)
			t.bindTaskButtons(right.Objects[0].(*fyne.Container), row)
			b := right.Objects[1].(*widget.Button)
			b.SetText(actionLabel(row.Kind))
			b.OnTapped = func() { t.act(row) }
			enableIf(b, !t.scope.team()) // the team scope only reads the reps' prospects
		})
	t.empty = emptyState(theme.ConfirmIcon(), lang.L("Nothing due"),
		lang.L("No notices, call-backs or retention dates need you now. New prospects and referrals bring their deadlines here."))
	t.body = t.list
	t.root = container.NewStack()
	t.scope = newScopeSwitch(g, t.refresh)
	return t
}

func (t *todayScreen) content() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(t.greet, t.scope.bar, container.NewBorder(nil, nil, nil, t.ics, t.summary), t.note, t.filter.bar), nil, nil, nil, t.root)
}

func (t *todayScreen) refresh() {
	g := t.g
	if g.rep() != "" {
		t.greet.SetText(greeting(time.Now(), firstName(g.rep())))
	}
	var rows []usecase.DueItem
	var tasks []usecase.TaskItem
	var skipped []error
	var count int
	showLoading(t.root, lang.L("Reading deadlines…"))
	t.scope.update()
	team := t.scope.team()
	g.background(func() error {
		uc, err := scopeApp(g, team) // the team scope: every rep's deadlines, from the mirror
		if err != nil {
			return err
		}
		count = scopeCount(g, team)
		if team { // the reps' own tasks: they tick them off in their Warmlead
			rows, skipped, err = uc.Deadlines.List()
			return err
		}
		today, err := uc.Deadlines.Today() // one read of the ledgers for both lists
		rows, tasks, skipped = today.Due, today.Tasks, today.Skipped
		return err
	}, func(err error) {
		if err != nil {
			t.summary.SetText(errorText(err))
			return
		}
		t.setTasks(tasks)
		t.all = rows
		t.applyFilter()
		t.summary.SetText(lang.N("{{.Count}} prospect", count, map[string]any{"Count": i18n.Number(count)}) + " · " +
			lang.N("{{.Count}} thing due", len(rows), map[string]any{"Count": i18n.Number(len(rows))}) + skippedText(skipped))
		showRows(t.root, len(rows), t.empty, t.body, t.list)
	})
}

// act is the row's one-click action: the notice opens ready to send, a
// call-back opens the call log; everything else opens the prospect. The
// prospects list first drops a search or filter that would hide them.
func (t *todayScreen) act(row usecase.DueItem) {
	s := t.g.shell
	if s == nil || t.scope.team() { // a rep's prospect in the mirror: they act on it in their Warmlead
		return
	}
	s.show("prospects")
	s.prospects.reveal(row.Prospect)
	d := s.prospects.detail
	switch row.Kind {
	case consent.DueCallBack:
		d.load(row.Prospect, func() { t.lastCall = showCallDialog(t.g, d.rec, func() { d.show(row.Prospect) }) })
		return
	case consent.DueNotice:
		d.load(row.Prospect, d.onNotice) // the record must be loaded before the notice is written
		return
	case consent.DueRetentionEnding:
		d.load(row.Prospect, d.onReactivate)
		return
	}
	d.show(row.Prospect)
}

func actionLabel(kind string) string {
	switch kind {
	case consent.DueNotice:
		return lang.L("Write notice")
	case consent.DueRetentionEnded:
		return lang.L("Review")
	case consent.DueRetentionEnding:
		return lang.L("Re-activate")
	default:
		return lang.L("Open")
	}
}

// greeting is a whole phrase per time of day, so each language can place
// the name and punctuation its own way.
func greeting(now time.Time, name string) string {
	data := map[string]any{"Name": name}
	switch h := now.Hour(); {
	case h < 12:
		return lang.L("Good morning, {{.Name}}", data)
	case h < 18:
		return lang.L("Good afternoon, {{.Name}}", data)
	default:
		return lang.L("Good evening, {{.Name}}", data)
	}
}

func firstName(full string) string {
	for i, r := range full {
		if r == ' ' {
			return full[:i]
		}
	}
	return full
}

// skippedText says that prospects were left out of a list or a report
// because their records are damaged (store.SkippedError), and what to do;
// "" when none was.
func skippedText(skipped []error) string {
	if len(skipped) == 0 {
		return ""
	}
	return " · " + lang.N("{{.Count}} prospect left out: its record is damaged. Run 'warmlead verify', or restore a backup.", len(skipped),
		map[string]any{"Count": i18n.Number(len(skipped))})
}
