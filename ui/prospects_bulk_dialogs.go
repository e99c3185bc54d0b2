package ui

import (
	"errors"
	"io"
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

// bulkConsentForm records one consent for everyone on a signed list: the
// purpose and channel, how it was given, and the one piece of evidence
// (typed, or a file: its text, or a scan's fingerprint).
type bulkConsentForm struct {
	purpose  *widget.Select
	channel  *widget.Select
	method   *widget.Select
	evidence *escEntry
	status   *widget.Label
}

// bulkMethods are the ways a list of people can give consent together.
var bulkMethods = []consent.Method{consent.MethodSigned, consent.MethodWebForm, consent.MethodEmailReply}

func (b *bulkBar) onConsent() {
	g := b.p.g
	g.touch()
	ids := b.ids()
	f := &bulkConsentForm{
		purpose:  widget.NewSelect(vocabLabels(consent.Purposes, i18n.Purpose), nil),
		channel:  widget.NewSelect(vocabLabels(consent.Channels, i18n.Channel), nil),
		method:   widget.NewSelect(vocabLabels(bulkMethods, i18n.Method), nil),
		evidence: newEscEntry(g, true),
		status:   widget.NewLabel(""),
	}
	f.purpose.SetSelectedIndex(0)
	f.channel.SetSelectedIndex(0)
	f.method.SetSelectedIndex(0)
	f.evidence.SetPlaceHolder(lang.L("What the list says, or choose the scanned list"))
	f.evidence.SetMinRowsVisible(3)
	f.status.Wrapping = fyne.TextWrapWord
	b.consentForm = f
	choose := widget.NewButton(lang.L("Choose the evidence file…"), func() { b.chooseEvidence(f) })
	form := widget.NewForm(widget.NewFormItem(lang.L("Purpose"), f.purpose), widget.NewFormItem(lang.L("Channel"), f.channel),
		widget.NewFormItem(lang.L("How"), f.method), widget.NewFormItem(lang.L("Evidence"), container.NewBorder(nil, choose, nil, nil, f.evidence)))
	title := lang.N("Record a consent for {{.Count}} person", len(ids), map[string]any{"Count": i18n.Number(len(ids))})
	d := dialog.NewCustomConfirm(title, lang.L("Record"), lang.L("Cancel"), container.NewVBox(form, f.status), func(ok bool) {
		if ok {
			b.recordConsent(ids, f)
		}
	}, g.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

func (b *bulkBar) chooseEvidence(f *bulkConsentForm) {
	g := b.p.g
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		var text string
		g.background(func() error {
			defer r.Close()
			data, err := io.ReadAll(io.LimitReader(r, 64<<20))
			if err == nil {
				text, err = usecase.EvidenceFile(r.URI().Name(), data)
			}
			return err
		}, func(err error) {
			if err != nil {
				f.status.SetText(errorText(err))
				return
			}
			f.evidence.SetText(text)
			f.status.SetText("")
		})
	}, g.win)
}

// recordConsent records the grant for each selected person (each checked
// as a single grant would be).
func (b *bulkBar) recordConsent(ids []uint64, f *bulkConsentForm) {
	g := b.p.g
	a := consent.Answer{Kind: consent.KindConsentGranted, Evidence: f.evidence.Text,
		Cell: consent.PurposeChannel{Purpose: vocabAt(consent.Purposes, f.purpose.SelectedIndex()),
			Channel: vocabAt(consent.Channels, f.channel.SelectedIndex())},
		Method: vocabAt(bulkMethods, f.method.SelectedIndex())}
	b.change(lang.L("Consent recorded"), func() (usecase.BulkReport, error) { return g.uc.Bulk.RecordConsent(ids, a) }, nil)
}

// change runs a bulk action that writes off the UI goroutine and reports
// it; refuse, when given, may handle the error itself (false: no report).
func (b *bulkBar) change(title string, work func() (usecase.BulkReport, error), refuse func(error) bool) {
	var rep usecase.BulkReport
	b.p.g.background(func() error {
		var err error
		rep, err = work()
		return err
	}, func(err error) {
		if refuse == nil || refuse(err) {
			b.report(title, rep, err, true)
		}
	})
}

// onNotices composes the Art. 14 notice for each selected person who is
// owed one, then offers to save them as one mailbox and to mark them sent.
func (b *bulkBar) onNotices() {
	g := b.p.g
	g.touch()
	ids := b.ids()
	var notices []usecase.BulkNotice
	g.background(func() error {
		var err error
		notices, err = g.uc.Bulk.Notices(ids, "")
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), g.win)
			return
		}
		b.composed = notices
		owed := 0
		for _, n := range notices {
			if n.Err == nil {
				owed++
			}
		}
		msg := widget.NewLabel(lang.L("{{.Owed}} of {{.Count}} need an Art. 14 notice. Save them as a mailbox for your mail program, send them, then mark them as sent.",
			map[string]any{"Owed": i18n.Number(owed), "Count": i18n.Number(len(notices))}))
		msg.Wrapping = fyne.TextWrapWord
		save := widget.NewButton(lang.L("Save as mailbox (.mbox)…"), b.saveNotices)
		var d dialog.Dialog
		sent := widget.NewButton(lang.L("Mark them as sent"), func() { d.Hide(); b.markNoticesSent() })
		if owed == 0 {
			save.Disable()
			sent.Disable()
		}
		d = dialog.NewCustom(lang.L("Art. 14 notices"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(save, sent)), g.win)
		d.Resize(fyne.NewSize(520, 220))
		d.Show()
	})
}

func (b *bulkBar) saveNotices() {
	g := b.p.g
	notices := b.composed
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		g.background(func() error {
			err := usecase.WriteNotices(w, notices, time.Now())
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return err
		}, func(err error) {
			if err != nil {
				dialog.ShowError(errors.New(errorText(err)), g.win)
			}
		})
	}, g.win)
	d.SetFileName(lang.L("art14-notices") + ".mbox")
	d.Show()
}

func (b *bulkBar) markNoticesSent() {
	g := b.p.g
	notices := b.composed
	b.change(lang.L("Notices recorded as sent"), func() (usecase.BulkReport, error) { return g.uc.Bulk.NoticesSent(notices), nil }, nil)
}

// onErase asks once, naming how many people, with the reason every
// tombstone keeps.
func (b *bulkBar) onErase() {
	g := b.p.g
	g.touch()
	ids := b.ids()
	b.eraseWhy = newEscEntry(g, false)
	b.eraseWhy.SetPlaceHolder(lang.L("Why (kept in the tombstone; no names)"))
	msg := widget.NewLabel(lang.N("Erase {{.Count}} person for good? Their details and ledgers are deleted; only suppression hashes remain.", len(ids),
		map[string]any{"Count": i18n.Number(len(ids))}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Erase"), lang.N("Erase {{.Count}} person", len(ids), map[string]any{"Count": i18n.Number(len(ids))}),
		lang.L("Cancel"), container.NewVBox(msg, b.eraseWhy), func(ok bool) {
			if ok {
				b.eraseSelected(ids, b.eraseWhy.Text)
			}
		}, g.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

func (b *bulkBar) eraseSelected(ids []uint64, why string) {
	g := b.p.g
	b.change(lang.L("Erased"), func() (usecase.BulkReport, error) { return g.uc.Bulk.Erase(ids, why) }, func(err error) bool {
		if usecase.CodeOf(err) == usecase.CodeInvalid {
			dialog.ShowInformation(lang.L("Not erased"), lang.L("Say why: the reason is kept in the tombstone and the audit log."), g.win)
			return false
		}
		b.p.detail.clear()
		return true
	})
}
