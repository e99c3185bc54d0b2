package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// referralWizard: 1. pick the introducer (a customer, or any prospect the
// rep marks as one), 2. the referred person's name and company only, 3. the
// introduction email for the introducer to send in their own voice.
type referralWizard struct {
	g             *GUI
	customers     []consent.Prospect
	introducer    *widget.Select
	showAll       *widget.Check
	name, company *escEntry // Escape closes the wizard from any field
	topic         *escEntry
	lang          *widget.Select
	status        *widget.Label
	create        *widget.Button
	dlg           *dialog.CustomDialog
	preview       *emailPreview
	created       consent.Prospect
	done          func()
}

func showReferralWizard(g *GUI, done func()) *referralWizard {
	w := &referralWizard{g: g, done: done}
	w.introducer = widget.NewSelect(nil, nil)
	w.introducer.PlaceHolder = lang.L("Choose the customer who introduces you")
	w.showAll = widget.NewCheck(lang.L("Show all prospects, not only customers"), func(bool) { w.fillIntroducers() })
	w.fillIntroducers()
	w.name, w.company, w.topic = newEscEntry(g, false), newEscEntry(g, false), newEscEntry(g, false)
	w.name.SetPlaceHolder(lang.L("Name of the person they suggest"))
	w.company.SetPlaceHolder(lang.L("Their company"))
	w.topic.SetPlaceHolder(lang.L("What it is about, e.g. warehouse software (optional)"))
	w.lang = widget.NewSelect(languageOptions(), nil)
	w.lang.SetSelected(languageNames[g.settings.Lang])
	w.status = wrappedLabel("")
	w.status.Importance = widget.DangerImportance
	note := wrappedLabel(lang.L("Only the name and company are kept until the person agrees: no email, no phone. Every channel stays blocked, and the 30-day clock for the Art. 14 notice starts."))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("1. Introducer"), container.NewVBox(w.introducer, w.showAll)),
		widget.NewFormItem(lang.L("2. Referred person"), w.name),
		widget.NewFormItem(lang.L("Company"), w.company),
		widget.NewFormItem(lang.L("Topic"), w.topic),
		widget.NewFormItem(lang.L("Email language"), w.lang))
	w.create = widget.NewButton(lang.L("3. Write the introduction"), w.onCreate)
	w.create.Importance = widget.HighImportance
	w.dlg = showActionDialog(g, lang.L("New referral"), fyne.NewSize(600, 440), container.NewVBox(form, note, w.status), w.create)
	return w
}

// fillIntroducers lists customers, or everyone when the rep asks to.
func (w *referralWizard) fillIntroducers() {
	w.customers = w.customers[:0]
	var labels []string
	for _, p := range w.g.db.Index().Search("") {
		if w.showAll.Checked || p.Source == consent.SourceCustomer {
			w.customers = append(w.customers, p)
			labels = append(labels, joinNonEmpty(" · ", p.Name, p.Company))
		}
	}
	w.introducer.SetOptions(labels)
	w.introducer.ClearSelected()
}

func (w *referralWizard) onCreate() {
	g := w.g
	g.touch()
	i := w.introducer.SelectedIndex()
	switch {
	case i < 0:
		w.status.SetText(lang.L("Choose the introducer first."))
		return
	case strings.TrimSpace(w.name.Text) == "":
		w.status.SetText(lang.L("Enter the referred person's name."))
		return
	}
	intro := w.customers[i]
	n := usecase.NewReferral{Introducer: intro.ID, Name: w.name.Text, Company: w.company.Text,
		Lang:  languageCode(w.lang.Selected), // the referred person's language, for the emails to them
		Topic: w.topic.Text}
	var ref usecase.Referral
	saveFromDialog(g, func() error {
		var err error
		ref, err = g.uc.Referrals.Refer(n)
		return err
	}, errorText, w.status, w.dlg, func() {
		w.created = ref.Referred
		who := map[string]any{"Name": intro.Name}
		w.preview = showEmailPreview(g, lang.L("Introduction for {{.Name}} to send", who), ref.Mail, func() {})
		w.preview.ok.SetText(lang.L("Done"))
		w.preview.to.SetText(lang.L("— {{.Name}} sends this from their own mailbox: copy it or save it as .eml for them", who))
		if w.done != nil {
			w.done()
		}
	})
}

// referralOutcome records the person's answer: approved (with the reply as
// evidence and the details they agreed to share) or declined.
type referralOutcome struct {
	g            *GUI
	p            consent.Prospect
	answer       *widget.RadioGroup
	evidence     *escEntry // Escape closes the dialog from the fields too
	email, phone *escEntry
	status       *widget.Label
	save         *widget.Button
	dlg          *dialog.CustomDialog
	confirm      *dialog.ConfirmDialog // the decline's confirmation, for tests
}

func showReferralOutcome(g *GUI, p consent.Prospect, done func()) *referralOutcome {
	o := &referralOutcome{g: g, p: p}
	o.evidence = newEscEntry(g, true)
	o.evidence.SetPlaceHolder(lang.L("Paste their reply: it is the proof of consent"))
	o.evidence.SetMinRowsVisible(4)
	o.email, o.phone = newEscEntry(g, false), newEscEntry(g, false)
	o.email.SetPlaceHolder(lang.L("The email they agreed to share"))
	o.phone.SetPlaceHolder(lang.L("The phone number they agreed to share"))
	o.status = wrappedLabel("")
	o.status.Importance = widget.DangerImportance
	o.evidence.OnChanged = func(string) { o.status.SetText("") }
	o.answer = widget.NewRadioGroup([]string{lang.L("Approved"), lang.L("Declined")}, func(v string) {
		o.status.SetText("")
		dangerWhen(o.save, v == o.answer.Options[1]) // a decline cannot be undone
	})
	o.answer.Horizontal = true
	form := widget.NewForm(widget.NewFormItem(lang.L("Their answer"), o.answer), widget.NewFormItem(lang.L("Reply"), o.evidence),
		widget.NewFormItem(lang.L("Email"), o.email), widget.NewFormItem(lang.L("Phone"), o.phone))
	note := wrappedLabel(lang.L("A decline removes the referral: only a tombstone and a suppression hash remain, so the same person is not introduced again."))
	o.save = widget.NewButton(lang.L("Save answer"), func() { o.onSave(done) })
	o.save.Importance = widget.HighImportance
	o.dlg = showActionDialog(g, lang.L("Answer from {{.Name}}", map[string]any{"Name": p.Name}), fyne.NewSize(560, 420),
		container.NewVBox(form, note, o.status), o.save)
	return o
}

func (o *referralOutcome) onSave(done func()) {
	g := o.g
	g.touch()
	id, evidence, email, phone := o.p.ID, o.evidence.Text, o.email.Text, o.phone.Text
	var save func() error
	// By position: the labels are in the language the dialog was built in.
	switch o.answer.Selected {
	case o.answer.Options[0]: // approved
		save = func() error {
			_, err := g.uc.Referrals.Approve(id, email, phone, evidence)
			return err
		}
	case o.answer.Options[1]: // declined: asked once, it cannot be undone
		o.confirm = confirmIrreversible(g, lang.L("Decline the introduction of {{.Name}}?", map[string]any{"Name": o.p.Name}),
			lang.L("The referral is removed for good: only a tombstone and a suppression hash remain, so the same person cannot be introduced again."),
			lang.L("Decline for good"), func() {
				saveFromDialog(g, func() error { return g.uc.Referrals.Decline(id, evidence) }, errorText, o.status, o.dlg, done)
			})
		return
	default:
		o.status.SetText(lang.L("Choose whether they approved or declined."))
		return
	}
	saveFromDialog(g, save, evidenceProblem(lang.L("Paste their reply: an approval without proof does not count.")), o.status, o.dlg, done)
}
