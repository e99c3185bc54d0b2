package ui

import (
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// referralsScreen lists every referral with its introducer, state, age and
// next action, and thanks-worthy introducers: how many people each
// introduced and how many became reachable.
type referralsScreen struct {
	g       *GUI
	start   *widget.Button
	list    *widget.List
	rows    []referralRow
	thanks  *widget.Label
	root    *fyne.Container
	empty   fyne.CanvasObject
	wizard  *referralWizard // the wizard last opened, for tests
	outcome *referralOutcome
}

// introTally counts one introducer's referrals.
type introTally struct{ made, reachable int }

type referralRow struct {
	rec        consent.Record
	introducer string
	reachable  bool
	age        int // days since the referral was recorded
}

func newReferralsScreen(g *GUI) *referralsScreen {
	r := &referralsScreen{g: g, root: container.NewStack()}
	r.start = widget.NewButtonWithIcon(lang.L("New referral…"), theme.ContentAddIcon(), func() { r.wizard = showReferralWizard(g, r.refresh) })
	r.start.Importance = widget.HighImportance
	r.thanks = widget.NewLabel("")
	r.thanks.Wrapping = fyne.TextWrapWord
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
	p := row.rec.Prospect
	box := o.(*fyne.Container)
	text := box.Objects[0].(*fyne.Container)
	text.Objects[0].(*widget.Label).SetText(joinNonEmpty(" · ", p.Name, p.Company))
	state := lang.L("waiting for the introduction")
	if row.reachable {
		state = lang.L("approved: reachable for follow-up")
	}
	text.Objects[1].(*widget.Label).SetText(strings.Join([]string{
		introducedBy(p.Introducer, row.introducer), state, lang.N("{{.Count}} day", row.age, map[string]any{"Count": i18n.Number(row.age)})}, " · "))
	next := text.Objects[2].(*widget.Label)
	act := box.Objects[1].(*widget.Button)
	switch {
	case row.reachable:
		next.SetText(followUpBy(p))
		act.SetText(lang.L("Open"))
		act.OnTapped = func() { r.open(p.ID) }
	case row.age >= consent.ReferralWaitDays:
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
	var rows []referralRow
	var thanks string
	retention := g.settings.RetentionMonths
	showLoading(r.root, lang.L("Reading referrals…"))
	g.background(func() error {
		// Only the referrals' ledgers are read (the source is in the
		// in-memory index); introducers' names come from the index too.
		ids, err := g.db.Index().List(store.ListQuery{Source: consent.SourceReferral}, nil)
		if err != nil {
			return err
		}
		names := map[uint64]string{}
		per := map[uint64]*introTally{}
		now := time.Now()
		_, err = g.db.ForEachRecordOf(slices.Sorted(slices.Values(ids)), func(rec consent.Record) error {
			p := rec.Prospect
			if p.Source != consent.SourceReferral {
				return nil
			}
			row := referralRow{rec: rec, age: int(now.Sub(consent.Collected(rec)).Hours() / 24)}
			row.reachable = consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, now, retention).Allowed ||
				consent.Decide(rec, consent.ChannelPhone, consent.PurposeFollowUp, now, retention).Allowed
			if p.Introducer == 0 {
				rows = append(rows, row)
				return nil
			}
			t := per[p.Introducer]
			if t == nil {
				t = &introTally{}
				per[p.Introducer] = t
			}
			t.made++
			if row.reachable {
				t.reachable++
			}
			rows = append(rows, row)
			return nil
		})
		if err != nil {
			return err
		}
		// Names after the read, not inside its transaction.
		for i := range rows {
			if id := rows[i].rec.Prospect.Introducer; id != 0 {
				if _, ok := names[id]; !ok {
					intro, _ := g.db.Index().Cached(id) // an erased introducer has no name
					names[id] = intro.Name
				}
				rows[i].introducer = names[id]
			}
		}
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].age > rows[j].age })
		thanks = thanksLine(per, names)
		return nil
	}, func(err error) {
		if err != nil {
			r.thanks.SetText(err.Error())
			return
		}
		r.rows = rows
		r.thanks.SetText(thanks)
		if len(rows) == 0 {
			r.root.Objects = []fyne.CanvasObject{r.empty}
		} else {
			r.root.Objects = []fyne.CanvasObject{r.list}
		}
		r.root.Refresh()
		r.list.Refresh()
	})
}

// thanksLine names each introducer with their referrals and how many became
// reachable, most referrals first, so the rep knows whom to thank.
func thanksLine(per map[uint64]*introTally, names map[uint64]string) string {
	type item struct {
		name            string
		made, reachable int
	}
	var items []item
	for id, t := range per {
		if names[id] != "" { // an erased introducer can no longer be thanked
			items = append(items, item{names[id], t.made, t.reachable})
		}
	}
	if len(items) == 0 {
		return ""
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].made != items[j].made {
			return items[i].made > items[j].made
		}
		return items[i].name < items[j].name
	})
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = lang.N("{{.Name}}: {{.Count}} referral, {{.Reachable}} reachable", it.made,
			map[string]any{"Name": it.name, "Count": i18n.Number(it.made), "Reachable": i18n.Number(it.reachable)})
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
