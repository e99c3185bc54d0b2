package ui

import (
	"errors"
	"fmt"
	"strings"
	"warmlead/ui/cli"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
)

// cardEntry is the quick-entry form for a stack of business cards: Enter or
// Ctrl+S saves and clears, focus goes back to the name, the event name
// stays, and a counter shows the cards entered this session. Possible
// duplicates are shown while typing, with "merge" or "keep both".
type cardEntry struct {
	g                                         *GUI
	event, name, company, title, email, phone *quickEntry
	agreed                                    *quickEntry
	source                                    *widget.Select
	emailErr, phoneErr, status                *widget.Label
	dupText                                   *widget.Label
	mergeBtn, keepBtn                         *widget.Button
	dupBox                                    *fyne.Container
	save                                      *widget.Button
	counter                                   *widget.Label
	dlg                                       *dialog.CustomDialog
	dupID                                     uint64 // the prospect the current card may duplicate
	decision                                  string // "", "merge" or "keep"
	done                                      func()
}

// quickEntry is an Entry that saves on Ctrl+S (an Entry keeps shortcuts
// it has focus for, so the window's shortcut would never fire).
type quickEntry struct {
	widget.Entry
	onSave func()
}

func newQuickEntry(onSave func()) *quickEntry {
	e := &quickEntry{onSave: onSave}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { onSave() }
	return e
}

// TypedShortcut saves on Ctrl+S (Cmd+S on macOS), else behaves as an Entry.
func (e *quickEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.KeyName == fyne.KeyS && cs.Modifier == fyne.KeyModifierShortcutDefault {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

func showCardEntry(g *GUI, done func()) *cardEntry {
	c := &cardEntry{g: g, done: done}
	mk := func(ph string) *quickEntry {
		e := newQuickEntry(c.onSave)
		e.SetPlaceHolder(ph)
		return e
	}
	c.event, c.name, c.company, c.title = mk("Trade fair or meeting"), mk("Full name"), mk("Company"), mk("Job title")
	c.email, c.phone, c.agreed = mk("name@company.com"), mk("+31 20 555 0100"), mk("e.g. send brochure after the summer")
	c.event.SetText(g.lastEvent)
	c.source = widget.NewSelect(stringsOf(consent.Sources), nil)
	c.source.SetSelected(string(consent.SourceCard))
	c.emailErr, c.phoneErr = errorLabel(), errorLabel()
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.email.OnChanged = func(string) { c.onContactChanged() }
	c.phone.OnChanged = func(string) { c.onContactChanged() }
	c.name.OnChanged = func(string) { c.onContactChanged() }
	c.company.OnChanged = func(string) { c.onContactChanged() }
	c.dupText = widget.NewLabel("")
	c.dupText.Wrapping = fyne.TextWrapWord
	c.mergeBtn = widget.NewButton("Merge into existing", func() { c.decide("merge") })
	c.keepBtn = widget.NewButton("Keep both", func() { c.decide("keep") })
	c.dupBox = container.NewVBox(c.dupText, container.NewHBox(c.mergeBtn, c.keepBtn))
	c.dupBox.Hide()
	c.counter = widget.NewLabel(cardsCounter(g.cardsThisSession))
	form := widget.NewForm(
		widget.NewFormItem("Event", c.event),
		widget.NewFormItem("Name", c.name),
		widget.NewFormItem("Company", c.company),
		widget.NewFormItem("Title", c.title),
		widget.NewFormItem("Email", container.NewVBox(c.email, c.emailErr)),
		widget.NewFormItem("Phone", container.NewVBox(c.phone, c.phoneErr)),
		widget.NewFormItem("Source", c.source),
		widget.NewFormItem("Agreed next step", c.agreed))
	hint := widget.NewLabel("Enter or Ctrl+S saves the card and starts the next one.")
	c.save = widget.NewButtonWithIcon("Save card", theme.DocumentSaveIcon(), c.onSave)
	c.save.Importance = widget.HighImportance
	closeBtn := widget.NewButton("Done", func() { c.dlg.Hide() })
	body := container.NewVBox(form, c.dupBox, c.status, container.NewHBox(hint, layoutSpacer(), c.counter))
	c.dlg = dialog.NewCustomWithoutButtons("Add business cards", container.NewGridWrap(fyne.NewSize(600, 480), body), g.win)
	c.dlg.SetButtons([]fyne.CanvasObject{closeBtn, c.save})
	c.dlg.SetOnClosed(func() {
		if c.done != nil {
			c.done()
		}
	})
	c.dlg.Show()
	c.focusFirst()
	return c
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

func cardsCounter(n int) string { return cli.Plural(n, "card", "cards") + " this session" }

// focusFirst puts the cursor where the next card starts: the event name
// once, then the name.
func (c *cardEntry) focusFirst() {
	if c.event.Text == "" {
		c.g.win.Canvas().Focus(c.event)
		return
	}
	c.g.win.Canvas().Focus(c.name)
}

func showFieldError(l *widget.Label, err error) {
	if err == nil {
		l.Hide()
		return
	}
	l.SetText(err.Error())
	l.Show()
}

// onContactChanged validates email and phone and looks for a possible
// duplicate as the rep types (in memory: fast enough for every keystroke).
func (c *cardEntry) onContactChanged() {
	c.g.touch()
	email, eErr := consent.NormalizeEmail(c.email.Text)
	phone, pErr := consent.NormalizePhone(c.phone.Text, c.g.region())
	showFieldError(c.emailErr, eErr)
	showFieldError(c.phoneErr, pErr)
	var dupID uint64
	var why string
	if eErr == nil && pErr == nil {
		if id, field := c.g.db.FindByContact(email, phone); id != 0 {
			dupID, why = id, "the same "+field
		}
	}
	if dupID == 0 {
		if sim := c.g.db.Similar(c.name.Text, c.company.Text); len(sim) > 0 {
			dupID, why = sim[0].ID, "a very similar name at the same company"
		}
	}
	if dupID != c.dupID {
		c.decision = ""
	}
	c.dupID = dupID
	if dupID == 0 {
		c.dupBox.Hide()
		return
	}
	other, _ := c.g.db.Cached(dupID)
	c.dupText.SetText(fmt.Sprintf("Possible duplicate: %s (%s) has %s.", other.Name, joinNonEmpty(", ", other.Company, string(other.Source)), why))
	c.dupBox.Show()
}

func (c *cardEntry) decide(d string) {
	c.decision = d
	c.onSave()
}

func (c *cardEntry) card() consent.Prospect {
	return consent.Prospect{Name: c.name.Text, Company: c.company.Text, Title: c.title.Text, Email: c.email.Text,
		Phone: c.phone.Text, Source: consent.Source(c.source.Selected), Event: c.event.Text}
}

func (c *cardEntry) onSave() {
	g := c.g
	g.touch()
	p := c.card()
	if err := p.Normalize(g.region()); err != nil {
		c.status.SetText(err.Error())
		c.status.Importance = widget.DangerImportance
		c.status.Refresh()
		return
	}
	if c.dupID != 0 && c.decision == "" {
		c.status.SetText("Choose \"Merge into existing\" or \"Keep both\" first.")
		return
	}
	opts := store.AddOptions{Rep: g.rep(), Region: g.region(), Agreed: strings.TrimSpace(c.agreed.Text)}
	merge := c.dupID != 0 && c.decision == "merge"
	opts.AllowDuplicate = c.decision == "keep"
	var saved string
	g.background(func() error {
		if merge {
			sum, err := g.db.ImportProspects([]store.ImportItem{{Number: 1, Prospect: p}}, opts, nil)
			if err == nil && len(sum.Problems) > 0 {
				err = errors.New(sum.Problems[0].Reason)
			}
			saved = "merged into the existing prospect"
			return err
		}
		_, err := g.db.AddProspect(p, opts)
		saved = "saved"
		return err
	}, func(err error) {
		var dup *store.DuplicateError
		var sup *store.SuppressedError
		switch {
		case errors.As(err, &sup):
			c.status.SetText("Refused: " + sup.Error())
			c.status.Importance = widget.DangerImportance
		case errors.As(err, &dup):
			c.onContactChanged() // show the merge / keep both choice
			c.status.SetText("Possible duplicate: choose merge or keep both.")
		case err != nil:
			c.status.SetText(err.Error())
			c.status.Importance = widget.DangerImportance
		default:
			g.cardsThisSession++
			g.lastEvent = c.event.Text
			c.counter.SetText(cardsCounter(g.cardsThisSession))
			c.status.SetText(p.Name + " " + saved + ".")
			c.status.Importance = widget.SuccessImportance
			c.clear()
		}
		c.status.Refresh()
	})
}

// clear empties the card fields but keeps event and source for the next card.
func (c *cardEntry) clear() {
	for _, e := range []*quickEntry{c.name, c.company, c.title, c.email, c.phone, c.agreed} {
		e.SetText("")
	}
	c.dupID, c.decision = 0, ""
	c.dupBox.Hide()
	c.g.win.Canvas().Focus(c.name)
}
