package ui

import (
	"bytes"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// emailPreview shows a generated email with Copy, Open in mail app and Save
// as .eml; "Mark as sent" runs onSent (which records it as evidence).
type emailPreview struct {
	to                   *widget.Label
	body                 *widget.Entry
	copy, open, save, ok *widget.Button
	dlg                  *dialog.CustomDialog
}

func showEmailPreview(g *GUI, title string, mail consent.Email, onSent func()) *emailPreview {
	p := &emailPreview{}
	p.body = widget.NewMultiLineEntry()
	p.body.SetText(mail.Body)
	p.body.Wrapping = fyne.TextWrapWord
	p.body.Disable() // the stored evidence must be the exact text shown
	p.to = widget.NewLabel(orDash(mail.To))
	head := widget.NewForm(widget.NewFormItem("To", p.to), widget.NewFormItem("Subject", widget.NewLabel(mail.Subject)))
	p.copy = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		g.app.Clipboard().SetContent(mail.Body)
	})
	p.open = widget.NewButtonWithIcon("Open in mail app", theme.MailSendIcon(), func() {
		q := url.Values{"subject": {mail.Subject}, "body": {mail.Body}}
		g.app.OpenURL(&url.URL{Scheme: "mailto", Opaque: mail.To, RawQuery: q.Encode()})
	})
	p.save = widget.NewButtonWithIcon("Save as .eml…", theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			defer w.Close()
			var buf bytes.Buffer
			if err := consent.WriteEML(&buf, mail, time.Now()); err != nil {
				dialog.ShowError(err, g.win)
				return
			}
			if _, err := w.Write(buf.Bytes()); err != nil {
				dialog.ShowError(err, g.win)
			}
		}, g.win)
		d.SetFileName(safeFileName(mail.Subject) + ".eml")
		d.Show()
	})
	p.ok = widget.NewButtonWithIcon("Mark as sent", theme.ConfirmIcon(), func() {
		p.dlg.Hide()
		onSent()
	})
	p.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Close", func() { p.dlg.Hide() })
	content := container.NewBorder(container.NewVBox(head, container.NewHBox(p.copy, p.open, p.save)), nil, nil, nil, p.body)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(680, 520), content), g.win)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.ok})
	p.dlg.Show()
	return p
}

func orDash(s string) string {
	if s == "" {
		return "— no email address on file: deliver by post or through the introducer"
	}
	return s
}
