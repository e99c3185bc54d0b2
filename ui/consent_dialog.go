package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// consentDialog records a grant, refusal or withdrawal. Nothing is
// pre-selected: consent is the person's act, recorded as they gave it.
type consentDialog struct {
	g                *GUI
	p                consent.Prospect
	purpose, channel *widget.Select
	decision         *widget.RadioGroup
	method           *widget.Select
	evidence         *escEntry
	expires          *dateField // the screen's date form, with a calendar
	status           *widget.Label
	save             *widget.Button
	dlg              *dialog.CustomDialog
	done             func()
}

// decisionKinds are the radio's choices, in the order of its labels.
var decisionKinds = []consent.EventKind{consent.KindConsentGranted, consent.KindConsentRefused, consent.KindConsentWithdrawn}

func showConsentDialog(g *GUI, p consent.Prospect, done func()) *consentDialog {
	d := &consentDialog{g: g, p: p, done: done}
	d.purpose = widget.NewSelect(vocabLabels(consent.Purposes, i18n.Purpose), nil)
	d.purpose.PlaceHolder = lang.L("Choose a purpose")
	d.channel = widget.NewSelect(vocabLabels(consent.Channels, i18n.Channel), nil)
	d.channel.PlaceHolder = lang.L("Choose a channel")
	d.decision = widget.NewRadioGroup([]string{lang.L("Granted"), lang.L("Refused"), lang.L("Withdrawn")}, nil)
	d.decision.Horizontal = true
	d.method = widget.NewSelect(vocabLabels(consent.Methods, i18n.Method), nil)
	d.method.PlaceHolder = lang.L("How was it given?")
	d.evidence = newEscEntry(g, true) // Escape closes the dialog from the field too
	d.evidence.SetPlaceHolder(lang.L("Paste the reply, the form submission id, or the call recording reference"))
	d.evidence.Wrapping = fyne.TextWrapWord
	d.evidence.SetMinRowsVisible(4)
	d.expires = newDateField(g, false)
	d.expires.SetPlaceHolder(lang.L("Optional, e.g. {{.Date}}", map[string]any{"Date": i18n.Date(time.Now().AddDate(1, 0, 0))}))
	d.status = wrappedLabel("")
	d.status.Importance = widget.DangerImportance
	// A complaint goes once the rep changes what it was about.
	clearStatus := func() { d.status.SetText("") }
	d.evidence.OnChanged = func(string) { clearStatus() }
	d.expires.OnChanged = func(string) { clearStatus() }
	for _, sel := range []*widget.Select{d.purpose, d.channel, d.method} {
		sel.OnChanged = func(string) { clearStatus() }
	}
	d.decision.OnChanged = func(string) { clearStatus() }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Purpose"), d.purpose), widget.NewFormItem(lang.L("Channel"), d.channel),
		widget.NewFormItem(lang.L("The person"), d.decision), widget.NewFormItem(lang.L("Method"), d.method),
		widget.NewFormItem(lang.L("Evidence"), d.evidence), widget.NewFormItem(lang.L("Expires"), d.expires.escEntry))
	note := wrappedLabel(lang.L("A bare verbal yes is not proof: record the call, or confirm the yes by email."))
	d.save = widget.NewButton(lang.L("Record"), d.onSave)
	d.save.Importance = widget.HighImportance
	d.dlg = showActionDialog(g, lang.L("Consent of {{.Name}}", map[string]any{"Name": p.Name}),
		fyne.NewSize(580, 470), container.NewVBox(form, note, d.status), d.save)
	return d
}

// vocabLabels lists vocabulary as a select shows it; the select's index maps
// back to the code.
func vocabLabels[T ~string](vs []T, label func(T) string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = label(v)
	}
	return out
}

func vocabAt[T any](vs []T, i int) T {
	var zero T
	if i < 0 || i >= len(vs) {
		return zero
	}
	return vs[i]
}

// answer reads the form, or says what is not chosen yet. The rules of a
// consent (a grant needs its method and evidence, the evidence cap, an
// expiry in the future) are the use case's: onSave shows its refusal.
func (d *consentDialog) answer() (consent.Answer, string) {
	a := consent.Answer{Cell: consent.PurposeChannel{Purpose: vocabAt(consent.Purposes, d.purpose.SelectedIndex()),
		Channel: vocabAt(consent.Channels, d.channel.SelectedIndex())}, Method: vocabAt(consent.Methods, d.method.SelectedIndex()),
		Evidence: d.evidence.Text}
	for i, o := range d.decision.Options {
		if o == d.decision.Selected && d.decision.Selected != "" {
			a.Kind = decisionKinds[i]
		}
	}
	switch {
	case a.Cell.Purpose == "":
		return a, lang.L("Choose the purpose.")
	case a.Cell.Channel == "":
		return a, lang.L("Choose the channel.")
	case a.Kind == "":
		return a, lang.L("Say whether the person granted, refused or withdrew consent.")
	}
	if s := strings.TrimSpace(d.expires.Text); s != "" {
		t, _, ok := d.expires.value()
		if !ok {
			return a, lang.L("\"{{.Value}}\" is not a date: write it like {{.Example}}.",
				map[string]any{"Value": s, "Example": i18n.Date(time.Now().AddDate(1, 0, 0))})
		}
		a.Expires = t
	}
	return a, ""
}

// dayLayouts are the ways a rep may type a day: ISO, and the forms
// i18n.Date writes in each language, so the placeholder's example works.
var dayLayouts = []string{"2006-01-02", "2 Jan 2006", "2 January 2006", "2-1-2006", "2.1.2006", "2/1/2006", "2.1.06"}

// parseDay reads a typed day as midnight UTC, like the CLI's dates.
func parseDay(s string) (time.Time, bool) {
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (d *consentDialog) onSave() {
	d.g.touch()
	a, problem := d.answer()
	if problem != "" {
		d.status.SetText(problem)
		return
	}
	saveFromDialog(d.g, func() error {
		_, err := d.g.uc.Consents.Record(usecase.ConsentAnswer{Prospect: d.p.ID, Answer: a})
		return err
	}, consentProblem, d.status, d.dlg, d.done)
}

// consentProblem words a refused consent beside the form: the rules the
// form's fields answer in the dialog's own sentences, anything else as the
// use case says it.
func consentProblem(err error) string {
	switch {
	case errors.Is(err, consent.ErrNoMethod):
		return lang.L("Choose how the consent was given.")
	case errors.Is(err, consent.ErrNoEvidence):
		return lang.L("Add the evidence: a consent without proof does not count.")
	case errors.Is(err, consent.ErrExpiryPast):
		return lang.L("The expiry date must be in the future.")
	}
	return errorText(err)
}

// saveFromDialog runs save (one use case) off the UI goroutine; saved, it
// closes dlg and calls done, else problem(err) goes under the form and the
// dialog stays, with what the rep typed.
func saveFromDialog(g *GUI, save func() error, problem func(error) string, status *widget.Label, dlg dialog.Dialog, done func()) {
	g.background(save, func(err error) {
		if err != nil {
			status.SetText(problem(err))
			return
		}
		dlg.Hide()
		if done != nil {
			done()
		}
	})
}

// evidenceProblem is the problem text of a dialog whose save needs
// evidence: missing when there is none, else the error's own text.
func evidenceProblem(missing string) func(error) string {
	return func(err error) string {
		if errors.Is(err, consent.ErrNoEvidence) {
			return missing
		}
		return errorText(err)
	}
}

// objectionDialog records "do not contact me", which blocks every channel
// for every purpose.
type objectionDialog struct {
	g        *GUI
	p        consent.Prospect
	evidence *escEntry
	status   *widget.Label
	save     *widget.Button
	dlg      *dialog.CustomDialog
	done     func()
}

func showObjectionDialog(g *GUI, p consent.Prospect, done func()) *objectionDialog {
	o := &objectionDialog{g: g, p: p, done: done, evidence: newEscEntry(g, true), status: widget.NewLabel("")}
	o.evidence.SetPlaceHolder(lang.L("What did they say or write, and when?"))
	o.evidence.Wrapping = fyne.TextWrapWord
	o.evidence.SetMinRowsVisible(3)
	o.status.Importance = widget.DangerImportance
	o.evidence.OnChanged = func(string) { o.status.SetText("") }
	note := wrappedLabel(lang.L("Every channel will be blocked for every purpose. This cannot be undone by a later consent."))
	o.save = widget.NewButton(lang.L("Record objection"), o.onSave)
	o.save.Importance = widget.DangerImportance
	o.dlg = showActionDialog(g, lang.L("Do not contact {{.Name}}?", map[string]any{"Name": p.Name}),
		fyne.NewSize(500, 230), container.NewVBox(note, o.evidence, o.status), o.save)
	return o
}

func (o *objectionDialog) onSave() {
	g := o.g
	g.touch()
	text := o.evidence.Text
	saveFromDialog(g, func() error {
		_, err := g.uc.Consents.Object(o.p.ID, text)
		return err
	}, evidenceProblem(lang.L("Add what the person said or wrote as evidence.")), o.status, o.dlg, o.done)
}
