package ui

import (
	"errors"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/cardscan"
	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// scanReview shows one card photo beside the business-card form (the quick
// entry's own, newCardEntry), pre-filled with what was read, hard-to-read
// fields marked. Keyboard only: Tab goes through the fields, Enter saves
// and opens the next photo, Skip passes over one; nothing is saved without
// the rep's Enter. The form's duplicate and suppression checks apply.
type scanReview struct {
	g       *GUI
	s       *scanSession
	card    *cardEntry
	photo   *canvas.Image
	keep    *widget.Check
	counter *widget.Label
	lowHint *widget.Label
	readErr *widget.Label
	skip    *widget.Button
	leave   *widget.Button
	save    *widget.Button
	dlg     *dialog.CustomDialog
	done    func()
	gen     int // the photo on show, so a late preview of another is dropped
}

func showScanReview(g *GUI, done func()) *scanReview {
	r := &scanReview{g: g, s: g.scan, done: done}
	r.s.review = r
	r.card = newCardEntry(g)
	r.card.saved = r.onSaved
	r.photo = canvas.NewImageFromImage(nil)
	r.photo.FillMode = canvas.ImageFillContain
	r.keep = widget.NewCheck(lang.L("Keep the card image as evidence of where the data came from"), func(bool) { r.bindStore() })
	r.counter = widget.NewLabel("")
	r.lowHint = widget.NewLabelWithStyle(lang.L("Marked fields were hard to read: check them against the photo."),
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	r.lowHint.Importance = widget.WarningImportance
	r.lowHint.Wrapping = fyne.TextWrapWord
	r.readErr = widget.NewLabel("")
	r.readErr.Importance = widget.DangerImportance
	r.readErr.Wrapping = fyne.TextWrapWord
	r.skip = widget.NewButtonWithIcon(lang.L("Skip"), theme.MediaSkipNextIcon(), r.onSkip)
	r.leave = widget.NewButton(lang.L("Leave batch"), func() { r.dlg.Hide() })
	r.save = primaryButton(lang.L("Save card"), theme.DocumentSaveIcon(), r.card.onSave)
	keys := widget.NewLabel(lang.L("Tab: next field · Enter: save and open the next photo"))
	right := container.NewVBox(r.readErr, r.lowHint, r.card.form, r.keep, r.card.dupBox, r.card.status)
	left := container.NewBorder(nil, container.NewHBox(r.counter, layoutSpacer(), keys), nil, nil, r.photo)
	body := container.NewGridWithColumns(2, left, container.NewVScroll(right))
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Review scanned cards"), container.NewGridWrap(fyne.NewSize(1240, 640), body), g.win)
	r.dlg.SetButtons([]fyne.CanvasObject{r.leave, r.skip, r.save})
	r.dlg.SetOnClosed(r.onClosed)
	r.dlg.Show()
	r.show(r.s.nextOpen(r.s.cur))
	return r
}

// show puts photo i and what was read from it on screen, the cursor in the
// name (the event stays from card to card).
func (r *scanReview) show(i int) {
	s := r.s
	s.cur = i
	r.gen++
	res := s.results[i]
	c := r.card
	c.status.SetText("")
	c.dupID, c.decision = 0, ""
	p := res.Prospect(c.event.Text)
	low := false
	for _, f := range []struct {
		e *quickEntry
		v string
		f cardscan.Field
	}{{c.name, p.Name, res.Card.Name}, {c.company, p.Company, res.Card.Company}, {c.title, p.Title, res.Card.Title},
		{c.email, p.Email, res.Card.Email}, {c.phone, p.Phone, res.Phone()}} {
		f.e.SetText(f.v)
		marked := f.v != "" && f.f.Confidence < cardscan.LowConfidence
		low = low || marked
		c.setMark(f.e, marked)
	}
	c.agreed.SetText("")
	showIf(r.lowHint, low)
	r.readErr.SetText(readFailure(res.Err))
	showIf(r.readErr, res.Err != nil)
	r.counter.SetText(lang.L("{{.N}} of {{.Total}}", map[string]any{"N": i18n.Number(i + 1), "Total": i18n.Number(len(s.photos))}))
	r.bindStore()
	r.showPhoto(s.photos[i].Data)
	c.onContactChanged()
	r.g.win.Canvas().Focus(c.name)
}

// readFailure says why a photo gave no card, and that the rep can type it.
func readFailure(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, cardscan.ErrNoOCR):
		return lang.L("Reading printed text needs Tesseract, which this version of Warmlead does not have. Type the card in from the photo, or skip it.")
	}
	return lang.L("This photo could not be read ({{.Reason}}). Type the card in from the photo, or skip it.", map[string]any{"Reason": errorText(err)})
}

// showPhoto decodes the photo off the UI goroutine (a phone photo takes a
// moment) and shows it, unless the rep has moved on.
func (r *scanReview) showPhoto(data []byte) {
	gen := r.gen
	r.photo.Image = nil
	r.photo.Refresh()
	var img image.Image
	r.g.background(func() error {
		var err error
		img, err = cardscan.DecodePhoto(data)
		return err
	}, func(err error) {
		if err != nil || gen != r.gen {
			return
		}
		r.photo.Image = img
		r.photo.Refresh()
	})
}

// bindStore makes the form save this photo through the scan use case, with
// the choices on screen now (read on the UI goroutine, used off it).
func (r *scanReview) bindStore() {
	photo, keep := r.s.photos[r.s.cur], r.keep.Checked
	r.card.store = func(uc *usecase.App, p consent.Prospect, agreed string, mergeInto uint64, keepBoth bool) (bool, error) {
		saved, err := uc.Scans.Save(photo, p, usecase.SaveCard{Event: p.Event, Agreed: agreed, KeepBoth: keepBoth,
			MergeInto: mergeInto, KeepImage: keep})
		return saved.Merged, err
	}
}

// onSaved follows Enter: the photo is done, the next one opens.
func (r *scanReview) onSaved(consent.Prospect, bool) {
	r.g.lastEvent = r.card.event.Text
	r.g.cardsThisSession++
	r.s.states[r.s.cur] = usecase.ScanSaved
	r.advance()
}

func (r *scanReview) onSkip() {
	g := r.g
	g.touch()
	i := r.s.cur
	photo, uc := r.s.photos[i], g.uc
	g.background(func() error { return uc.Scans.Skip(photo) }, func(err error) {
		if err != nil {
			r.card.status.SetText(asSentence(errorText(err)))
			return
		}
		r.s.states[i] = usecase.ScanSkipped
		if r.s.cur == i {
			r.advance()
		}
	})
}

// advance opens the next photo to do, or ends the batch when none is left.
func (r *scanReview) advance() {
	if next := r.s.nextOpen(r.s.cur + 1); next >= 0 {
		r.show(next)
		return
	}
	saved, skipped := r.s.count(usecase.ScanSaved), r.s.count(usecase.ScanSkipped)
	r.g.scan = nil
	r.dlg.Hide()
	dialog.ShowInformation(lang.L("Batch done"), lang.L("Saved: {{.Saved}}, skipped: {{.Skipped}}.",
		map[string]any{"Saved": i18n.Number(saved), "Skipped": i18n.Number(skipped)}), r.g.win)
}

// onClosed: leaving keeps the batch in memory (and its marks sealed) for
// "Resume the batch".
func (r *scanReview) onClosed() {
	if r.done != nil {
		r.done()
	}
}
