package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/cli"
)

// todayScreen lists what is due, most urgent first: Art. 14 notices,
// retention ending, call-backs, ask-again dates, unanswered referrals.
type todayScreen struct {
	g       *GUI
	greet   *widget.Label
	summary *widget.Label
	list    *widget.List
	items   []cli.DueItem
	root    *fyne.Container
	empty   fyne.CanvasObject
	body    fyne.CanvasObject
}

func newTodayScreen(g *GUI) *todayScreen {
	t := &todayScreen{g: g}
	t.greet = heading("Today")
	t.summary = widget.NewLabel("")
	t.list = widget.NewList(func() int { return len(t.items) },
		func() fyne.CanvasObject {
			when := widget.NewLabel("2026-01-01")
			name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			why := widget.NewLabel("reason")
			why.Truncation = fyne.TextTruncateEllipsis
			open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), nil)
			return container.NewBorder(nil, nil, container.NewHBox(when, name), open, why)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := t.items[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(row.Reason)
			left := c.Objects[1].(*fyne.Container)
			left.Objects[0].(*widget.Label).SetText(row.Date.Local().Format("2 Jan 2006"))
			left.Objects[1].(*widget.Label).SetText(row.Name)
			b := c.Objects[2].(*widget.Button)
			b.SetText(actionLabel(row.Kind))
			b.OnTapped = func() { t.act(row) }
		})
	t.empty = emptyState(theme.ConfirmIcon(), "Nothing due",
		"No notices, call-backs or retention dates need you now. New prospects and referrals bring their deadlines here.")
	t.body = t.list
	t.root = container.NewStack()
	return t
}

func (t *todayScreen) content() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(t.greet, t.summary), nil, nil, nil, t.root)
}

func (t *todayScreen) refresh() {
	g := t.g
	if g.rep() != "" {
		t.greet.SetText(greeting(time.Now()) + ", " + firstName(g.rep()))
	}
	var rows []cli.DueItem
	var count int
	g.background(func() error {
		var err error
		rows, err = cli.DueList(g.db, time.Now())
		count = g.db.Count()
		return err
	}, func(err error) {
		if err != nil {
			t.summary.SetText(err.Error())
			return
		}
		t.items = rows
		t.summary.SetText(cli.Plural(count, "prospect", "prospects") + " · " + cli.Plural(len(rows), "thing due", "things due"))
		if len(rows) == 0 {
			t.root.Objects = []fyne.CanvasObject{t.empty}
		} else {
			t.root.Objects = []fyne.CanvasObject{t.body}
		}
		t.root.Refresh()
		t.list.Refresh()
	})
}

// act is the row's one-click action: the notice opens ready to send;
// everything else opens the prospect.
func (t *todayScreen) act(row cli.DueItem) {
	s := t.g.shell
	if s == nil {
		return
	}
	s.show("prospects")
	d := s.prospects.detail
	switch row.Kind {
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
		return "Write notice"
	case consent.DueRetentionEnded:
		return "Review"
	case consent.DueRetentionEnding:
		return "Re-activate"
	default:
		return "Open"
	}
}

func greeting(now time.Time) string {
	switch h := now.Hour(); {
	case h < 12:
		return "Good morning"
	case h < 18:
		return "Good afternoon"
	default:
		return "Good evening"
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
