package ui

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
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
	save, scan                                *widget.Button
	counter                                   *widget.Label
	dlg                                       *dialog.CustomDialog
	form                                      *widget.Form
	marks                                     map[*quickEntry]*widget.Icon // "hard to read": shown by the photo review
	markRows                                  map[*quickEntry]*fyne.Container
	dupID                                     uint64 // the prospect the current card may duplicate
	decision                                  string // "", decisionMerge or decisionKeep
	done                                      func()

	seen *seenHint // another rep has the person (team_seen.go)

	// store saves a card off the UI goroutine (merge: into dupID); saved
	// follows on the UI goroutine. The quick entry adds or merges; the
	// photo review saves through the scan use case.
	store func(uc *usecase.App, p consent.Prospect, agreed string, mergeInto uint64, keepBoth bool) (merged bool, err error)
	saved func(p consent.Prospect, merged bool)
}

// The rep's answer to a possible duplicate.
const (
	decisionMerge = "merge"
	decisionKeep  = "keep"
)

// quickEntry is an Entry that saves on Ctrl+S (an Entry keeps shortcuts
// it has focus for, so the window's shortcut would never fire).
type quickEntry struct {
	widget.Entry
	onSave func()
}

// textEntry is the entry underneath (see escEntry.textEntry).
func (e *quickEntry) textEntry() *widget.Entry { return &e.Entry }

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
	c := newCardEntry(g)
	c.done = done
	c.store, c.saved = addOrMerge, c.onAdded
	hint := widget.NewLabel(lang.L("Enter or Ctrl+S saves the card and starts the next one."))
	c.save = primaryButton(lang.L("Save card"), theme.DocumentSaveIcon(), c.onSave)
	c.counter = widget.NewLabel(cardsCounter(g.cardsThisSession))
	closeBtn := widget.NewButton(lang.L("Done"), func() { c.dlg.Hide() })
	// A stack of cards may come as photos: the scan reads them (scan.go).
	c.scan = widget.NewButtonWithIcon(lang.L("Scan card photos…"), theme.MediaPhotoIcon(), func() {
		c.dlg.Hide()
		startScan(g, done)
	})
	body := container.NewVBox(c.form, c.dupBox, c.seen.label, c.status, container.NewHBox(hint, layoutSpacer(), c.counter))
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("Add business cards"), container.NewGridWrap(fyne.NewSize(600, 480), body), g.win)
	c.dlg.SetButtons([]fyne.CanvasObject{closeBtn, c.scan, c.save})
	c.dlg.SetOnClosed(func() {
		if c.done != nil {
			c.done()
		}
	})
	c.dlg.Show()
	c.focusFirst()
	return c
}

// newCardEntry builds the business-card form, its checks and its duplicate
// question, without a dialog: the quick-entry dialog and the card-photo
// review (scan_review.go) show it, each with its own store and saved.
func newCardEntry(g *GUI) *cardEntry {
	c := &cardEntry{g: g}
	mk := func(ph string) *quickEntry {
		e := newQuickEntry(c.onSave)
		e.SetPlaceHolder(ph)
		return e
	}
	c.event, c.name = mk(lang.L("Trade fair or meeting")), mk(lang.L("Full name"))
	c.company, c.title = mk(lang.L("Company")), mk(lang.L("Job title"))
	// The phone example is a number from the country of the language in use.
	c.email, c.phone = mk(lang.L("name@company.com")), mk(lang.L("+31 20 555 0100"))
	c.agreed = mk(lang.L("e.g. send brochure after the summer"))
	c.event.SetText(g.lastEvent)
	c.source = widget.NewSelect(cardSourceLabels(), nil)
	c.source.SetSelectedIndex(slices.Index(consent.Sources, consent.SourceCard))
	c.emailErr, c.phoneErr = errorLabel(), errorLabel()
	c.status = wrappedLabel("")
	c.email.OnChanged = func(string) { c.onContactChanged() }
	c.phone.OnChanged = func(string) { c.onContactChanged() }
	c.name.OnChanged = func(string) { c.onContactChanged() }
	c.company.OnChanged = func(string) { c.onContactChanged() }
	c.dupText = wrappedLabel("")
	c.mergeBtn = widget.NewButton(lang.L("Merge into existing"), func() { c.decide(decisionMerge) })
	c.keepBtn = widget.NewButton(lang.L("Keep both"), func() { c.decide(decisionKeep) })
	c.dupBox = container.NewVBox(c.dupText, container.NewHBox(c.mergeBtn, c.keepBtn))
	c.dupBox.Hide()
	c.seen = newSeenHint(g)
	c.marks, c.markRows = map[*quickEntry]*widget.Icon{}, map[*quickEntry]*fyne.Container{}
	field := func(e *quickEntry, under ...fyne.CanvasObject) fyne.CanvasObject {
		m := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
		m.Hide()
		row := container.NewBorder(nil, nil, nil, m, e)
		c.marks[e], c.markRows[e] = m, row
		return container.NewVBox(append([]fyne.CanvasObject{row}, under...)...)
	}
	c.form = widget.NewForm(
		widget.NewFormItem(lang.L("Event"), c.event),
		widget.NewFormItem(lang.L("Name"), field(c.name)),
		widget.NewFormItem(lang.L("Company"), field(c.company)),
		widget.NewFormItem(lang.L("Title"), field(c.title)),
		widget.NewFormItem(lang.L("Email"), field(c.email, c.emailErr)),
		widget.NewFormItem(lang.L("Phone"), field(c.phone, c.phoneErr)),
		widget.NewFormItem(lang.L("Source"), c.source),
		widget.NewFormItem(lang.L("Agreed next step"), c.agreed))
	return c
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

func cardsCounter(n int) string {
	return lang.N("{{.Count}} card this session", n, map[string]any{"Count": i18n.Number(n)})
}

// cardSourceLabels are the Source choices in consent.Sources order, so the
// selected index is the source.
func cardSourceLabels() []string {
	out := make([]string, len(consent.Sources))
	for i, s := range consent.Sources {
		out[i] = i18n.Source(s)
	}
	return out
}

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
	l.SetText(asSentence(valueText(err)))
	l.Show()
}

// valueText says what is wrong with a typed value in the rep's language:
// the validators give their sentence with the value apart.
func valueText(err error) string {
	var ve *consent.ValueError
	if errors.As(err, &ve) {
		return i18n.Text(ve.Msg)
	}
	return errorText(err)
}

// refusalText says why the store refused a card: an erased person, from
// the add (a store error) or the merge (a use case error).
func refusalText(err error) string {
	var uc *usecase.Error
	var sup *store.SuppressedError
	switch {
	case errors.As(err, &uc):
		return i18n.Text(uc.Msg)
	case errors.As(err, &sup):
		return i18n.Text(sup.Message())
	}
	return errorText(err)
}

// asSentence starts a reason with a capital when it stands alone (reasons
// are worded to follow "file, card 3:" in the import list).
func asSentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// onContactChanged validates email and phone and looks for a possible
// duplicate as the rep types (in memory: fast enough for every keystroke).
func (c *cardEntry) onContactChanged() {
	c.g.touch()
	c.seen.check(c.card())
	email, eErr := consent.NormalizeEmail(c.email.Text)
	phone, pErr := consent.NormalizePhone(c.phone.Text, c.g.region())
	showFieldError(c.emailErr, eErr)
	showFieldError(c.phoneErr, pErr)
	var dupID uint64
	var field string // "email", "phone", or "" for a similar name
	if eErr == nil && pErr == nil {
		dupID, field = c.g.db.FindByContact(email, phone)
	}
	if dupID == 0 {
		if sim := c.g.db.Index().Similar(c.name.Text, c.company.Text); len(sim) > 0 {
			dupID, field = sim[0].ID, ""
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
	other, _ := c.g.db.Index().Cached(dupID)
	c.dupText.SetText(duplicateText(other, field))
	c.dupBox.Show()
}

// duplicateText says whom the card may duplicate and why, a whole sentence
// per reason: the languages word "the same email" and "a similar name" too
// differently to slot one phrase into the other.
func duplicateText(other consent.Prospect, field string) string {
	data := map[string]any{"Name": other.Name, "Details": joinNonEmpty(", ", other.Company, i18n.Source(other.Source))}
	switch field {
	case "email":
		return lang.L("Possible duplicate: {{.Name}} ({{.Details}}) has the same email address.", data)
	case "phone":
		return lang.L("Possible duplicate: {{.Name}} ({{.Details}}) has the same phone number.", data)
	}
	return lang.L("Possible duplicate: {{.Name}} ({{.Details}}) has a very similar name at the same company.", data)
}

func (c *cardEntry) decide(d string) {
	c.decision = d
	c.onSave()
}

func (c *cardEntry) card() consent.Prospect {
	return consent.Prospect{Name: c.name.Text, Company: c.company.Text, Title: c.title.Text, Email: c.email.Text,
		Phone: c.phone.Text, Source: consent.Sources[max(c.source.SelectedIndex(), 0)], Event: c.event.Text}
}

func (c *cardEntry) onSave() {
	g := c.g
	g.touch()
	p := c.card()
	// A possible duplicate needs the rep's answer first, unless the card
	// is invalid anyway (the use case says what is wrong below).
	if probe := p; c.dupID != 0 && c.decision == "" && probe.Normalize(g.region()) == nil {
		c.status.SetText(lang.L("Choose \"Merge into existing\" or \"Keep both\" first."))
		return
	}
	agreed := strings.TrimSpace(c.agreed.Text)
	var mergeInto uint64 // the prospect the card is merged into, if the rep chose so
	if c.decision == decisionMerge {
		mergeInto = c.dupID
	}
	keepBoth := c.decision == decisionKeep
	store, uc := c.store, g.uc
	merged := false
	g.background(func() error {
		var err error
		merged, err = store(uc, p, agreed, mergeInto, keepBoth)
		return err
	}, func(err error) {
		switch usecase.CodeOf(err) {
		case usecase.CodeSuppressed:
			c.status.SetText(lang.L("Refused: {{.Reason}}", map[string]any{"Reason": refusalText(err)}))
			c.status.Importance = widget.DangerImportance
		case usecase.CodeDuplicate:
			c.onContactChanged() // show the merge / keep both choice
			c.status.SetText(lang.L("Possible duplicate: choose merge or keep both."))
		case "":
			c.saved(p, merged)
		default:
			c.status.SetText(asSentence(errorText(err)))
			c.status.Importance = widget.DangerImportance
		}
		c.status.Refresh()
	})
}

// setMark shows or hides the "hard to read" mark beside a field; its row
// is laid out again, as a mark shown later takes room beside the entry.
func (c *cardEntry) setMark(e *quickEntry, on bool) {
	if on {
		c.marks[e].Show()
	} else {
		c.marks[e].Hide()
	}
	c.markRows[e].Refresh()
}

// addOrMerge is the quick entry's store: the form's use cases.
func addOrMerge(uc *usecase.App, p consent.Prospect, agreed string, mergeInto uint64, keepBoth bool) (bool, error) {
	if mergeInto != 0 {
		return uc.Prospects.Merge(p, agreed)
	}
	_, err := uc.Prospects.Add(p, usecase.AddOptions{KeepBoth: keepBoth, Agreed: agreed})
	return false, err
}

// onAdded counts the card, says so and clears the form for the next one.
func (c *cardEntry) onAdded(p consent.Prospect, merged bool) {
	g := c.g
	g.cardsThisSession++
	g.lastEvent = c.event.Text
	c.counter.SetText(cardsCounter(g.cardsThisSession))
	c.sayStored(p, merged)
	c.clear()
}

// sayStored tells the rep the card is in.
func (c *cardEntry) sayStored(p consent.Prospect, merged bool) {
	if merged { // else the card matched no one after all and was added
		c.status.SetText(lang.L("{{.Name}} merged into the existing prospect.", map[string]any{"Name": p.Name}))
	} else {
		c.status.SetText(lang.L("{{.Name}} saved.", map[string]any{"Name": p.Name}))
	}
	c.status.Importance = widget.SuccessImportance
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
