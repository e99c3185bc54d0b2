package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// referralsScreen lists every referral with its introducer, state, age and
// next action, and thanks-worthy introducers: how many people each
// introduced and how many became reachable.
type referralsScreen struct {
	g       *GUI
	start   *widget.Button
	list    *widget.List
	rows    []usecase.ReferralRow
	thanks  *widget.Label
	root    *fyne.Container
	empty   fyne.CanvasObject
	wizard  *referralWizard // the wizard last opened, for tests
	outcome *referralOutcome
}

func newReferralsScreen(g *GUI) *referralsScreen {
	r := &referralsScreen{g: g, root: container.NewStack()}
	r.start = primaryButton(lang.L("New referral…"), theme.ContentAddIcon(), func() { r.wizard = showReferralWizard(g, r.refresh) })
	r.thanks = wrappedLabel("")
	r.empty = emptyState(theme.MailForwardIcon(), lang.L("No referrals yet"),
		lang.L("When a customer names someone, start a referral: the customer introduces you by email and asks whether your contact may have their details. Until the person says yes, Warmlead keeps only their name and company."))
	r.list = widget.NewList(func() int { return len(r.rows) }, r.newRow, r.updateRow)
	return r
}

func (r *referralsScreen) newRow() fyne.CanvasObject {
	// Empty texts: updateRow fills them, and sets the button's text too.
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	next := widget.NewLabel("")
	act := widget.NewButton(lang.L("Record answer…"), nil)
	return container.NewBorder(nil, nil, nil, act, container.NewVBox(name, info, next))
}

func (r *referralsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := r.rows[i]
	p := row.Record.Prospect
	box := o.(*fyne.Container)
	text := box.Objects[0].(*fyne.Container)
	text.Objects[0].(*widget.Label).SetText(joinNonEmpty(" · ", p.Name, p.Company))
	state := lang.L("waiting for the introduction")
	if row.Reachable {
		state = lang.L("approved: reachable for follow-up")
	}
	text.Objects[1].(*widget.Label).SetText(strings.Join([]string{
		introducedBy(p.Introducer, row.Introducer), state, lang.N("{{.Count}} day", row.Age, map[string]any{"Count": i18n.Number(row.Age)})}, " · "))
	next := text.Objects[2].(*widget.Label)
	act := box.Objects[1].(*widget.Button)
	switch {
	case row.Reachable:
		next.SetText(followUpBy(p))
		act.SetText(lang.L("Open"))
		act.OnTapped = func() { r.open(p.ID) }
	case row.Age >= consent.ReferralWaitDays:
		next.SetText(lang.L("Next: no answer yet; ask the introducer for a reminder"))
		act.SetText(lang.L("Record answer…"))
		act.OnTapped = func() { r.outcome = showReferralOutcome(r.g, p, r.refresh) }
	default:
		next.SetText(lang.L("Next: wait for the reply to the introduction"))
		act.SetText(lang.L("Record answer…"))
		act.OnTapped = func() { r.outcome = showReferralOutcome(r.g, p, r.refresh) }
	}
}

// introducedBy names the introducer: id 0 when none was recorded, no name
// when they have since been erased.
func introducedBy(id uint64, name string) string {
	switch {
	case id == 0:
		return lang.L("Introduced by nobody recorded")
	case name == "":
		return lang.L("Introduced by an erased prospect")
	}
	return lang.L("Introduced by {{.Name}}", map[string]any{"Name": name})
}

// followUpBy is the next step of an approved referral, by the channels
// they shared.
func followUpBy(p consent.Prospect) string {
	switch {
	case p.Email != "" && p.Phone != "":
		return lang.L("Next: follow up by email or phone")
	case p.Email != "":
		return lang.L("Next: follow up by email")
	case p.Phone != "":
		return lang.L("Next: follow up by phone")
	}
	return lang.L("Next: follow up")
}

func (r *referralsScreen) content() fyne.CanvasObject {
	top := container.NewVBox(container.NewHBox(heading(lang.L("Referrals")), layoutSpacer(), r.start), r.thanks)
	return container.NewBorder(top, nil, nil, nil, r.root)
}

func (r *referralsScreen) refresh() {
	g := r.g
	var list usecase.ReferralList
	showLoading(r.root, lang.L("Reading referrals…"))
	g.background(func() error {
		var err error
		// Thousands of ledgers read: room for their garbage (memlimit.go).
		list, err = roomFor(readRoom, g.uc.Referrals.List)
		return err
	}, func(err error) {
		if err != nil {
			r.thanks.SetText(errorText(err))
			return
		}
		r.rows = list.Rows
		r.thanks.SetText(thanksLine(list.Introducers))
		showRows(r.root, len(list.Rows), r.empty, r.list, r.list)
	})
}

// thanksShown is how many introducers the thanks line names. A rep with
// thousands of introducers gets the busiest few and a count: one label
// wrapping every name took Fyne minutes to measure at 100,000 prospects,
// and the Insight screen charts each introducer anyway.
const thanksShown = 5

// thanksLine names the introducers with their referrals and how many became
// reachable, in the use case's order (most referrals first), so the rep
// knows whom to thank.
func thanksLine(intros []usecase.IntroducerCount) string {
	if len(intros) == 0 {
		return ""
	}
	shown := intros[:min(len(intros), thanksShown)]
	parts := make([]string, len(shown), len(shown)+1)
	for i, it := range shown {
		parts[i] = lang.N("{{.Name}}: {{.Count}} referral, {{.Reachable}} reachable", it.Made,
			map[string]any{"Name": it.Name, "Count": i18n.Number(it.Made), "Reachable": i18n.Number(it.Reachable)})
	}
	if more := len(intros) - len(shown); more > 0 {
		parts = append(parts, lang.N("{{.Count}} more introducer (Insight shows each)", more,
			map[string]any{"Count": i18n.Number(more)}))
	}
	return lang.L("Introducers: {{.List}}", map[string]any{"List": strings.Join(parts, "; ")})
}

func (r *referralsScreen) open(id uint64) {
	s := r.g.shell
	if s == nil {
		return
	}
	s.show("prospects")
	s.prospects.detail.show(id)
}
