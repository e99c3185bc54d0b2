package ui

import (
	"bytes"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// emailPreview shows a generated email with Copy, Open in mail app and Save
// as .eml; "Mark as sent" runs onSent (which records it as evidence). The
// email itself is in the prospect's language, the buttons in the rep's.
type emailPreview struct {
	g                    *GUI
	mail                 consent.Email
	to                   *widget.Label
	body                 *widget.Entry
	copy, open, save, ok *widget.Button
	dlg                  *dialog.CustomDialog
}

func showEmailPreview(g *GUI, title string, mail consent.Email, onSent func()) *emailPreview {
	p := &emailPreview{g: g, mail: mail}
	p.body = widget.NewMultiLineEntry()
	p.body.SetText(mail.Body)
	p.body.Wrapping = fyne.TextWrapWord
	p.body.Disable() // the stored evidence must be the exact text shown
	p.to = widget.NewLabel(orDash(mail.To))
	head := widget.NewForm(widget.NewFormItem(lang.L("To"), p.to), widget.NewFormItem(lang.L("Subject"), widget.NewLabel(mail.Subject)))
	p.copy = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		g.app.Clipboard().SetContent(mail.Body)
	})
	p.open = widget.NewButtonWithIcon(lang.L("Open in mail app"), theme.MailSendIcon(), func() { g.app.OpenURL(mailtoURL(mail)) })
	p.save = widget.NewButtonWithIcon(lang.L("Save as .eml…"), theme.DocumentSaveIcon(), p.onSave)
	p.ok = widget.NewButtonWithIcon(lang.L("Mark as sent"), theme.ConfirmIcon(), func() {
		p.dlg.Hide()
		onSent()
	})
	p.ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Close"), func() { p.dlg.Hide() })
	content := container.NewBorder(container.NewVBox(head, container.NewHBox(p.copy, p.open, p.save)), nil, nil, nil, p.body)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(680, 520), content), g.win)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.ok})
	p.dlg.Show()
	return p
}

// mailtoURL opens the desktop's mail program with the email filled in.
func mailtoURL(mail consent.Email) *url.URL {
	q := url.Values{"subject": {mail.Subject}, "body": {mail.Body}}
	return &url.URL{Scheme: "mailto", Opaque: mail.To, RawQuery: q.Encode()}
}

func (p *emailPreview) onSave() {
	g := p.g
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		var buf bytes.Buffer
		err = consent.WriteEML(&buf, p.mail, time.Now())
		if err == nil {
			_, err = w.Write(buf.Bytes())
		}
		// The file is written at Close (guardSaves), or refused there.
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			g.showError(err)
		}
	}, g.win)
	d.SetFileName(safeFileName(p.mail.Subject) + ".eml")
	d.Show()
}

func orDash(s string) string {
	if s == "" {
		return lang.L("— no email address on file: deliver by post or through the introducer")
	}
	return s
}
