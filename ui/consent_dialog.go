package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/cli"
)

// consentDialog records a grant, refusal or withdrawal. Nothing is
// pre-selected: consent is the person's act, recorded as they gave it.
type consentDialog struct {
	g                 *GUI
	p                 consent.Prospect
	purpose, channel  *widget.Select
	decision          *widget.RadioGroup
	method            *widget.Select
	evidence, expires *widget.Entry
	status            *widget.Label
	save              *widget.Button
	dlg               *dialog.CustomDialog
	done              func()
}

var decisions = []string{"Granted", "Refused", "Withdrawn"}

func showConsentDialog(g *GUI, p consent.Prospect, done func()) *consentDialog {
	d := &consentDialog{g: g, p: p, done: done}
	d.purpose = widget.NewSelect(stringsOf(consent.Purposes), nil)
	d.channel = widget.NewSelect(stringsOf(consent.Channels), nil)
	d.decision = widget.NewRadioGroup(decisions, nil)
	d.decision.Horizontal = true
	d.method = widget.NewSelect(stringsOf(consent.Methods), nil)
	d.method.PlaceHolder = "How was it given?"
	d.evidence = widget.NewMultiLineEntry()
	d.evidence.SetPlaceHolder("Paste the reply, the form submission id, or the call recording reference")
	d.evidence.SetMinRowsVisible(4)
	d.expires = widget.NewEntry()
	d.expires.SetPlaceHolder("YYYY-MM-DD (optional)")
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Purpose", d.purpose), widget.NewFormItem("Channel", d.channel),
		widget.NewFormItem("The person", d.decision), widget.NewFormItem("Method", d.method),
		widget.NewFormItem("Evidence", d.evidence), widget.NewFormItem("Expires", d.expires))
	note := widget.NewLabel("A bare verbal yes is not proof: confirm it by email (verbal-confirmed-by-email) or record the call.")
	note.Wrapping = fyne.TextWrapWord
	d.save = widget.NewButton("Record", d.onSave)
	d.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons("Consent of "+p.Name, container.NewGridWrap(fyne.NewSize(560, 460), container.NewVBox(form, note, d.status)), g.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.save})
	d.dlg.Show()
	return d
}

func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// event builds the event from the form, or says what is missing.
func (d *consentDialog) event() (consent.Event, string) {
	ev := consent.Event{Rep: d.g.rep(), Purpose: consent.Purpose(d.purpose.Selected), Channel: consent.Channel(d.channel.Selected),
		Method: consent.Method(d.method.Selected), Evidence: strings.TrimSpace(d.evidence.Text)}
	switch d.decision.Selected {
	case "Granted":
		ev.Kind = consent.KindConsentGranted
	case "Refused":
		ev.Kind = consent.KindConsentRefused
	case "Withdrawn":
		ev.Kind = consent.KindConsentWithdrawn
	}
	switch {
	case ev.Purpose == "":
		return ev, "Choose the purpose."
	case ev.Channel == "":
		return ev, "Choose the channel."
	case ev.Kind == "":
		return ev, "Say whether the person granted, refused or withdrew consent."
	case ev.Kind == consent.KindConsentGranted && ev.Method == "":
		return ev, "Choose how the consent was given."
	case ev.Kind == consent.KindConsentGranted && ev.Evidence == "":
		return ev, "Add the evidence: a consent without proof does not count."
	}
	if s := strings.TrimSpace(d.expires.Text); s != "" {
		t, err := cli.ParseDate(s)
		if err != nil {
			return ev, err.Error()
		}
		if !t.After(time.Now()) {
			return ev, "The expiry date must be in the future."
		}
		ev.Expires = t
	}
	return ev, ""
}

func (d *consentDialog) onSave() {
	d.g.touch()
	ev, problem := d.event()
	if problem != "" {
		d.status.SetText(problem)
		return
	}
	d.g.background(func() error {
		_, err := d.g.db.AppendEvent(d.p.ID, ev)
		return err
	}, func(err error) {
		if err != nil {
			d.status.SetText(err.Error())
			return
		}
		d.dlg.Hide()
		if d.done != nil {
			d.done()
		}
	})
}

// objectionDialog records "do not contact me", which blocks every channel
// for every purpose.
type objectionDialog struct {
	evidence *widget.Entry
	status   *widget.Label
	save     *widget.Button
	dlg      *dialog.CustomDialog
}

func showObjectionDialog(g *GUI, p consent.Prospect, done func()) *objectionDialog {
	o := &objectionDialog{evidence: widget.NewMultiLineEntry(), status: widget.NewLabel("")}
	o.evidence.SetPlaceHolder("What did they say or write, and when?")
	o.evidence.SetMinRowsVisible(3)
	o.status.Importance = widget.DangerImportance
	note := widget.NewLabel("Every channel will be blocked for every purpose. This cannot be undone by a later consent.")
	note.Wrapping = fyne.TextWrapWord
	o.save = widget.NewButton("Record objection", func() {
		g.touch()
		text := strings.TrimSpace(o.evidence.Text)
		if text == "" {
			o.status.SetText("Add what the person said or wrote as evidence.")
			return
		}
		g.background(func() error {
			_, err := g.db.AppendEvent(p.ID, consent.Event{Rep: g.rep(), Kind: consent.KindObjection, Evidence: text})
			return err
		}, func(err error) {
			if err != nil {
				o.status.SetText(err.Error())
				return
			}
			o.dlg.Hide()
			if done != nil {
				done()
			}
		})
	})
	o.save.Importance = widget.DangerImportance
	cancel := widget.NewButton("Cancel", func() { o.dlg.Hide() })
	o.dlg = dialog.NewCustomWithoutButtons("Do not contact "+p.Name+"?",
		container.NewGridWrap(fyne.NewSize(480, 220), container.NewVBox(note, o.evidence, o.status)), g.win)
	o.dlg.SetButtons([]fyne.CanvasObject{cancel, o.save})
	o.dlg.Show()
	return o
}
