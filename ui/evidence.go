package ui

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// replyDialog attaches a reply the person sent (pasted, or an .eml file) to
// their record as evidence.
type replyDialog struct {
	g      *GUI
	p      consent.Prospect
	text   *escEntry
	status *widget.Label
	save   *widget.Button
	dlg    *dialog.CustomDialog
	done   func()
}

func showReplyDialog(g *GUI, p consent.Prospect, done func()) *replyDialog {
	r := &replyDialog{g: g, p: p, done: done, text: newEscEntry(g, true), status: widget.NewLabel("")}
	r.text.SetPlaceHolder(lang.L("Paste the reply here, or choose the saved email (.eml)"))
	r.text.SetMinRowsVisible(10)
	r.text.Wrapping = fyne.TextWrapWord
	r.status.Wrapping = fyne.TextWrapWord
	r.status.Importance = widget.DangerImportance
	choose := widget.NewButton(lang.L("Choose .eml file…"), r.onChoose)
	r.save = widget.NewButton(lang.L("Attach as evidence"), r.onSave)
	r.save.Importance = widget.HighImportance
	r.dlg = showActionDialog(g, lang.L("Reply from {{.Name}}", map[string]any{"Name": p.Name}), fyne.NewSize(620, 420),
		container.NewBorder(container.NewHBox(choose), r.status, nil, nil, r.text), r.save)
	return r
}

func (r *replyDialog) onChoose() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		r.loadEML(rc)
	}, r.g.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".eml", ".EML"}))
	d.Show()
}

func (r *replyDialog) onSave() {
	g := r.g
	g.touch()
	text := r.text.Text
	saveFromDialog(g, func() error {
		_, err := g.uc.Consents.AttachReply(r.p.ID, text)
		return err
	}, evidenceProblem(lang.L("Paste the reply or choose its .eml file first.")), r.status, r.dlg, r.done)
}

// loadEML parses a dropped or chosen email file; anything that is not an
// email message is refused with a clear error and changes nothing.
func (r *replyDialog) loadEML(rd io.Reader) {
	text, err := usecase.EvidenceFromEML(rd)
	switch {
	case errors.Is(err, consent.ErrNotEmail):
		r.status.SetText(lang.L("This file is not an email message (.eml)."))
		return
	case err != nil:
		r.status.SetText(errorText(err))
		return
	}
	r.status.SetText("")
	r.text.SetText(text)
}
