package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// mergeDialog joins two prospects found to be one person: the first one
// selected stays, and for each field where they differ the rep picks the
// value that wins. Both ledgers are kept (usecase.Merges).
type mergeDialog struct {
	g       *GUI
	plan    usecase.MergePlan
	choices map[string]*widget.RadioGroup // field -> its two values
	values  map[string][2]string
	done    func()
}

// mergeLabels name the fields in the dialog, in usecase.MergeFields' order.
var mergeLabels = map[string]string{"name": "Name", "company": "Company", "title": "Job title", "email": "Email", "phone": "Phone",
	"source": "Source", "event": "Event", "list_vendor": "List vendor", "lang": "Email language"}

// showMerge reads both records and opens the dialog; done runs after a merge.
func showMerge(g *GUI, keep, drop uint64, done func()) *mergeDialog {
	m := &mergeDialog{g: g, plan: usecase.MergePlan{Keep: keep, Drop: drop, Take: map[string]uint64{}},
		choices: map[string]*widget.RadioGroup{}, values: map[string][2]string{}, done: done}
	var a, b consent.Record
	g.background(func() error {
		var err error
		a, b, _, err = g.uc.Merges.Plan(m.plan)
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), g.win)
			return
		}
		m.show(a.Prospect, b.Prospect, len(a.Events), len(b.Events))
	})
	return m
}

func (m *mergeDialog) show(a, b consent.Prospect, na, nb int) {
	form := widget.NewForm()
	for _, f := range usecase.MergeFields {
		va, vb := mergeValue(a, f), mergeValue(b, f)
		if va == vb || vb == "" || va == "" {
			continue // nothing to choose: the one value there is wins
		}
		m.values[f] = [2]string{va, vb}
		r := widget.NewRadioGroup([]string{va, vb}, nil)
		r.Required = true
		r.SetSelected(va)
		m.choices[f] = r
		form.Append(lang.L(mergeLabels[f]), r)
	}
	intro := widget.NewLabel(lang.L("{{.Kept}} stays; {{.Gone}} is merged into it. Both ledgers are kept ({{.Events}} events, in time order). Where they differ, choose the value that wins.",
		map[string]any{"Kept": a.Name, "Gone": b.Name, "Events": i18n.Number(na + nb)}))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Merge two prospects"), lang.L("Merge"), lang.L("Cancel"),
		container.NewVBox(intro, form), func(ok bool) {
			if ok {
				m.merge()
			}
		}, m.g.win)
	d.Resize(fyne.NewSize(600, 460))
	d.Show()
}

// mergeValue is a field as the dialog shows it.
func mergeValue(p consent.Prospect, field string) string {
	switch v := *usecase.MergeField(&p, field); field {
	case "phone":
		return consent.FormatPhone(v)
	case "source":
		return i18n.Source(consent.Source(v))
	default:
		return v
	}
}

// merge carries the rep's choices out.
func (m *mergeDialog) merge() {
	g := m.g
	for f, r := range m.choices {
		if r.Selected == m.values[f][1] {
			m.plan.Take[f] = m.plan.Drop
		} else {
			m.plan.Take[f] = m.plan.Keep
		}
	}
	fetchThen(g, func() (consent.Prospect, error) { return g.uc.Merges.Merge(m.plan) }, func(merged consent.Prospect) {
		if m.done != nil {
			m.done()
		}
		dialog.ShowInformation(lang.L("Merged"), lang.L("{{.Name}}: one prospect now, with both ledgers.", map[string]any{"Name": merged.Name}), g.win)
	})
}

// clear empties the detail pane (its prospect is gone).
func (d *prospectDetail) clear() {
	d.id = 0
	d.root.Objects = []fyne.CanvasObject{d.none}
	d.root.Refresh()
}
