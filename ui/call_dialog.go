package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// callDialog logs a call's outcome. When the person was reached it asks
// what was agreed and which consents they gave, every box unticked; the
// follow-up email that documents them opens next.
type callDialog struct {
	g        *GUI
	rec      consent.Record
	outcome  *widget.RadioGroup
	agreed   *escEntry
	callback *dateField
	next     *dateField // the agreed next step's day and time, optional
	consents map[consent.PurposeChannel]*widget.Check
	reached  *fyne.Container
	later    *fyne.Container
	status   *widget.Label
	save     *widget.Button
	dlg      *dialog.CustomDialog
	followup *emailPreview         // opened after a reached call, for tests
	confirm  *dialog.ConfirmDialog // the "do not call me" confirmation, for tests
	// prepare, when set, runs off the UI goroutine right after the save, in
	// the same background job, and what it returns runs with the dialog's
	// close: the screen behind updates without another round trip to the
	// UI goroutine (a frame each, at 100,000 prospects).
	prepare func() (show func())
	done    func()
}

// outcomeFromLabel maps the radio choice back to its outcome code; the
// labels are those of the language the dialog was built in.
func outcomeFromLabel(l string) string {
	for _, o := range consent.Outcomes {
		if i18n.Outcome(o) == l {
			return o
		}
	}
	return ""
}

// Purposes a rep typically asks for on the phone; tracking and
// third-party sharing are never asked for in a sales call.
var phonePurposes = []consent.Purpose{consent.PurposeFollowUp, consent.PurposeProductInfo, consent.PurposeNewsletter, consent.PurposeEvents, consent.PurposeOffers}

func showCallDialog(g *GUI, rec consent.Record, done func()) *callDialog {
	c := &callDialog{g: g, rec: rec, done: done, consents: map[consent.PurposeChannel]*widget.Check{}}
	labels := make([]string, len(consent.Outcomes))
	for i, o := range consent.Outcomes {
		labels[i] = i18n.Outcome(o)
	}
	c.outcome = widget.NewRadioGroup(labels, func(string) { c.onOutcome() })
	c.agreed = newEscEntry(g, false)
	c.agreed.OnChanged = func(string) { c.status.SetText("") }
	c.agreed.SetPlaceHolder(lang.L("e.g. send product sheet, call again after the summer"))
	c.callback = newDateField(g, true)
	c.next = newDateField(g, true)
	// A form layout: the purposes column is as wide as its longest label,
	// the channel columns share the rest (equal columns for all would make
	// every channel as wide as "Product information").
	heads := container.NewGridWithColumns(len(consent.Channels))
	for _, ch := range consent.Channels {
		heads.Add(widget.NewLabelWithStyle(i18n.Channel(ch), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	grid := container.New(layout.NewFormLayout(), widget.NewLabel(""), heads)
	for _, p := range phonePurposes {
		boxes := container.NewGridWithColumns(len(consent.Channels))
		for _, ch := range consent.Channels {
			box := widget.NewCheck("", nil) // unticked: consent is the person's act
			c.consents[consent.PurposeChannel{Purpose: p, Channel: ch}] = box
			boxes.Add(container.NewCenter(box))
		}
		grid.Add(widget.NewLabel(i18n.Purpose(p)))
		grid.Add(boxes)
	}
	consentsHint := wrappedLabel(lang.L("Consents they gave on the phone (confirmed by the follow-up email):"))
	c.reached = container.NewVBox(
		widget.NewForm(widget.NewFormItem(lang.L("What was agreed"), c.agreed)),
		// A form of its own: its label must not narrow the agreed entry.
		widget.NewForm(widget.NewFormItem(lang.L("Next step on"), c.next.escEntry)),
		consentsHint, grid)
	c.reached.Hide()
	c.later = container.NewVBox(widget.NewForm(widget.NewFormItem(lang.L("Call back on"), c.callback.escEntry)))
	c.later.Hide()
	c.status = wrappedLabel("")
	c.status.Importance = widget.DangerImportance
	c.save = widget.NewButton(lang.L("Log call"), c.onSave)
	c.save.Importance = widget.HighImportance
	title := lang.L("Call with {{.Name}} · attempt {{.Attempt}}",
		map[string]any{"Name": rec.Prospect.Name, "Attempt": i18n.Number(consent.Attempts(rec) + 1)})
	// The outcomes stand in a column beside what they ask for: in a row,
	// six of them are wider than the dialog in every language.
	number := consent.FormatPhone(rec.Prospect.Phone)
	if rec.Prospect.PhoneUnread() {
		// Kept as written by an import: the policy blocks the call until it
		// is corrected, and the dialog says so instead of logging it.
		number = rec.Prospect.PhoneRaw
		d := consent.Decide(rec, consent.ChannelPhone, consent.PurposeFollowUp, time.Now(), g.settings.RetentionMonths)
		c.status.SetText(i18n.TextOr(d.Message, d.Reason))
		c.save.Disable()
	}
	body := container.NewBorder(widget.NewLabel(number), c.status,
		container.NewVBox(c.outcome), nil, container.NewVBox(c.reached, c.later))
	c.dlg = showActionDialog(g, title, fyne.NewSize(700, 440), container.NewVScroll(body), c.save)
	return c
}

func (c *callDialog) onOutcome() {
	c.g.touch()
	c.status.SetText("")
	dangerWhen(c.save, outcomeFromLabel(c.outcome.Selected) == consent.OutcomeDoNotCall)
	switch outcomeFromLabel(c.outcome.Selected) {
	case consent.OutcomeReached:
		c.reached.Show()
		c.later.Hide()
	case consent.OutcomeCallBack:
		c.reached.Hide()
		c.later.Show()
	default:
		c.reached.Hide()
		c.later.Hide()
	}
}

// log builds the call log from the form.
func (c *callDialog) log() (consent.CallLog, string) {
	l := consent.CallLog{Outcome: outcomeFromLabel(c.outcome.Selected)}
	if l.Outcome == "" {
		return l, lang.L("Choose how the call went.")
	}
	if l.Outcome == consent.OutcomeReached {
		l.Agreed = c.agreed.Text
		// A dated next step becomes a task on Today, like a call-back.
		next, has, ok := c.next.value()
		if !ok {
			return l, lang.L("Write the next step's day like {{.Example}}.", map[string]any{"Example": c.next.PlaceHolder})
		}
		if has {
			l.Callback = next
		}
		for _, p := range phonePurposes {
			for _, ch := range consent.Channels {
				pc := consent.PurposeChannel{Purpose: p, Channel: ch}
				if c.consents[pc].Checked {
					l.Consents = append(l.Consents, pc)
				}
			}
		}
	}
	if l.Outcome == consent.OutcomeCallBack {
		t, has, ok := c.callback.value()
		if !has || !ok {
			return l, lang.L("Write the call-back like {{.Example}}.", map[string]any{"Example": c.callback.PlaceHolder})
		}
		l.Callback = t
	}
	return l, ""
}

func (c *callDialog) onSave() {
	g := c.g
	g.touch()
	l, problem := c.log()
	if problem != "" {
		c.status.SetText(problem)
		return
	}
	if l.Outcome == consent.OutcomeDoNotCall { // asked once: it cannot be undone
		c.confirm = confirmIrreversible(g, lang.L("{{.Name}} does not want to be called?", map[string]any{"Name": c.rec.Prospect.Name}),
			lang.L("Every channel is blocked for every purpose, for every rep, for good: a later consent cannot undo it."),
			lang.L("Record do not call"), func() { c.logCall(l) })
		return
	}
	c.logCall(l)
}

// logCall records l and opens the follow-up after a reached call.
func (c *callDialog) logCall(l consent.CallLog) {
	g := c.g
	id := c.rec.Prospect.ID
	var f usecase.FollowUp
	var followErr error
	var show func()
	saveFromDialog(g, func() error {
		if _, err := g.uc.Calls.Log(id, l); err != nil {
			return err
		}
		if l.Outcome == consent.OutcomeReached {
			f, followErr = g.uc.Calls.FollowUp(id, "")
		}
		if c.prepare != nil {
			show = c.prepare()
		}
		return nil
	}, errorText, c.status, c.dlg, func() {
		if show != nil {
			show()
		}
		switch {
		case followErr != nil: // the call is logged; only the email could not be written
			g.showError(followErr)
		case l.Outcome == consent.OutcomeReached:
			c.followup = showFollowUp(g, f, c.done)
		}
		if c.done != nil {
			c.done()
		}
	})
}

// showFollowUp previews the follow-up email for the last call, in the
// prospect's language; "Mark as sent" stores its exact text and turns the
// pending consents into grants, unless the last call no longer reached the
// person (the use case checks it again).
func showFollowUp(g *GUI, f usecase.FollowUp, done func()) *emailPreview {
	return showEmailPreview(g, lang.L("Follow-up email to {{.Name}}", map[string]any{"Name": f.Record.Prospect.Name}), f.Mail, func() {
		g.background(func() error {
			_, err := g.uc.Calls.MarkSent(f)
			return err
		}, func(err error) {
			switch {
			case usecase.CodeOf(err) == usecase.CodePrecondition:
				g.showProblem(lang.L("No call that reached them is logged any more: log the call in which they agreed, then send the follow-up."))
				return
			case err != nil:
				g.showError(err)
				return
			}
			if done != nil {
				done()
			}
		})
	})
}
