package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// referralsScreen lists prospects who came through a referral, with the
// policy's answer for follow-up by email: waiting for the introduction, or
// reachable.
type referralsScreen struct {
	g     *GUI
	list  *widget.List
	rows  []consent.Prospect
	root  *fyne.Container
	empty fyne.CanvasObject
}

func newReferralsScreen(g *GUI) *referralsScreen {
	r := &referralsScreen{g: g, root: container.NewStack()}
	r.empty = emptyState(theme.MailForwardIcon(), "No referrals yet",
		"When a customer names someone, add them with source \"referral\": Warmlead keeps only their name and company "+
			"and blocks every channel until they approve the introduction.")
	r.list = widget.NewList(func() int { return len(r.rows) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, widget.NewLabel("state"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := r.rows[i]
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(p.Name)
			c.Objects[0].(*widget.Label).SetText(joinNonEmpty(" · ", p.Company, "added "+p.Created.Local().Format("2 Jan 2006")))
		})
	return r
}

func (r *referralsScreen) content() fyne.CanvasObject {
	return container.NewBorder(heading("Referrals"), nil, nil, nil, r.root)
}

func (r *referralsScreen) refresh() {
	r.rows = r.rows[:0]
	for _, p := range r.g.db.Search("") {
		if p.Source == consent.SourceReferral {
			r.rows = append(r.rows, p)
		}
	}
	if len(r.rows) == 0 {
		r.root.Objects = []fyne.CanvasObject{r.empty}
	} else {
		r.root.Objects = []fyne.CanvasObject{r.list}
	}
	r.root.Refresh()
	r.list.Refresh()
}

// callsScreen lists prospects with a phone number, the start of a call list.
type callsScreen struct {
	g     *GUI
	list  *widget.List
	rows  []consent.Prospect
	root  *fyne.Container
	empty fyne.CanvasObject
}

func newCallsScreen(g *GUI) *callsScreen {
	c := &callsScreen{g: g, root: container.NewStack()}
	c.empty = emptyState(theme.MediaRecordIcon(), "No one to call yet",
		"Prospects with a phone number appear here. Add a business card or a cold-call prospect with a number.")
	c.list = widget.NewList(func() int { return len(c.rows) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel("+00 000"), widget.NewLabel("company"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := c.rows[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(p.Company)
			box.Objects[1].(*widget.Label).SetText(p.Name)
			box.Objects[2].(*widget.Label).SetText(consent.FormatPhone(p.Phone))
		})
	return c
}

func (c *callsScreen) content() fyne.CanvasObject {
	return container.NewBorder(heading("Calls"), nil, nil, nil, c.root)
}

func (c *callsScreen) refresh() {
	c.rows = c.rows[:0]
	for _, p := range c.g.db.Search("") {
		if p.Phone != "" {
			c.rows = append(c.rows, p)
		}
	}
	if len(c.rows) == 0 {
		c.root.Objects = []fyne.CanvasObject{c.empty}
	} else {
		c.root.Objects = []fyne.CanvasObject{c.list}
	}
	c.root.Refresh()
	c.list.Refresh()
}
