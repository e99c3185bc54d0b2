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
	body                 *widget.Label // read-only and readable (a disabled Entry greys it out)
	status               *widget.Label // what Copy and Save did
	copy, open, save, ok *widget.Button
	dlg                  *dialog.CustomDialog
}

func showEmailPreview(g *GUI, title string, mail consent.Email, onSent func()) *emailPreview {
	p := &emailPreview{g: g, mail: mail}
	// A label, not an entry: the stored evidence must be the exact text
	// shown, so it cannot be edited, and a disabled entry is grey on grey.
	// It is selectable, so a part can still be copied.
	p.body = wrappedLabel(mail.Body)
	p.body.Selectable = true
	p.status = wrappedLabel("")
	p.status.Hide()
	p.to = widget.NewLabel(orDash(mail.To))
	head := widget.NewForm(widget.NewFormItem(lang.L("To"), p.to), widget.NewFormItem(lang.L("Subject"), widget.NewLabel(mail.Subject)))
	p.copy = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		g.app.Clipboard().SetContent(mail.Body)
		p.say(lang.L("Copied the email text to the clipboard."), true)
	})
	p.open = widget.NewButtonWithIcon(lang.L("Open in mail app"), theme.MailSendIcon(), func() {
		openOrOffer(g, mailtoURL(mail), lang.L("No mail program is set up on this computer, so the email could not be opened. Copy it and paste it into the mail you use."), mail.Body, nil)
	})
	p.save = widget.NewButtonWithIcon(lang.L("Save as .eml…"), theme.DocumentSaveIcon(), p.onSave)
	p.ok = widget.NewButtonWithIcon(lang.L("Mark as sent"), theme.ConfirmIcon(), func() {
		p.dlg.Hide()
		onSent()
	})
	p.ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Close"), func() { p.dlg.Hide() })
	content := container.NewBorder(container.NewVBox(head, container.NewHBox(p.copy, p.open, p.save)), p.status, nil, nil, container.NewVScroll(p.body))
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
			p.say(errorText(err), false)
			return
		}
		p.say(lang.L("Saved the email to {{.Path}}.", map[string]any{"Path": w.URI().Path()}), true)
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

// say shows what an action did under the email: green when it worked.
func (p *emailPreview) say(text string, ok bool) { sayOn(p.status, text, ok) }

// sayOn shows text on l: green (success) when ok, else as an error.
func sayOn(l *widget.Label, text string, ok bool) {
	l.Importance = widget.DangerImportance
	if ok {
		l.Importance = widget.SuccessImportance
	}
	l.SetText(text)
	l.Show()
}
