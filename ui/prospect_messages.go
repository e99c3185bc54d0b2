package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// The first-contact messages on a prospect's Details tab: the first
// one-to-one email to a card contact, and for a LinkedIn/Xing connection
// the message asking to continue by email or phone, and its reply, which
// is recorded as the evidence that opens those channels (usecase.Messages).

type prospectMessages struct {
	d                     *prospectDetail
	first, connect, reply *widget.Button
	replyForm             *connectReplyDialog // the last reply dialog, for tests
}

func newProspectMessages(d *prospectDetail) *prospectMessages {
	m := &prospectMessages{d: d}
	m.first = widget.NewButtonWithIcon(lang.L("First email…"), theme.MailComposeIcon(), m.onFirst)
	m.connect = widget.NewButtonWithIcon(lang.L("Connection message…"), theme.MailComposeIcon(), m.onConnect)
	m.reply = widget.NewButtonWithIcon(lang.L("Record their reply…"), theme.MailReplyIcon(), m.onReply)
	return m
}

// buttons are the ones that fit r's source: the first email for a card,
// the connection message and its reply for a social contact.
func (m *prospectMessages) set(r consent.Record) {
	src := consent.SourceOf(r)
	showIf(m.first, src == consent.SourceCard)
	showIf(m.connect, src == consent.SourceSocial)
	showIf(m.reply, src == consent.SourceSocial)
}

func (m *prospectMessages) onFirst() {
	d, g := m.d, m.d.g
	g.touch()
	id, name := d.rec.Prospect.ID, d.rec.Prospect.Name
	fetchThen(g, func() (consent.Email, error) { return g.uc.Messages.FirstEmail(id, "") }, func(mail consent.Email) {
		// It informs the person, as the notice does: the same preview.
		d.previewInformed(lang.L("First email to {{.Name}}", map[string]any{"Name": name}), mail, func(id uint64, mail consent.Email) (consent.Event, error) {
			evs, err := g.uc.Messages.FirstEmailSent(id, mail)
			if err != nil {
				return consent.Event{}, err
			}
			return evs[len(evs)-1], nil
		})
	})
}

func (m *prospectMessages) onConnect() {
	g := m.d.g
	g.touch()
	platform := widget.NewRadioGroup(consent.Platforms, nil)
	platform.Horizontal = true
	platform.SetSelected(consent.Platforms[0])
	dialog.ShowCustomConfirm(lang.L("Where are you connected?"), lang.L("Write the message"), lang.L("Cancel"), platform, func(ok bool) {
		if ok {
			m.writeConnection(platform.Selected)
		}
	}, g.win)
}

// writeConnection shows the message to copy into the platform; "Mark as
// sent" records it (the person's reply answers it).
func (m *prospectMessages) writeConnection(platform string) {
	d, g := m.d, m.d.g
	id, name := d.rec.Prospect.ID, d.rec.Prospect.Name
	fetchThen(g, func() (consent.Email, error) { return g.uc.Messages.ConnectionMessage(id, platform, "") }, func(msg consent.Email) {
		p := showEmailPreview(g, lang.L("Message to {{.Name}} on {{.Platform}}", map[string]any{"Name": name, "Platform": platform}), msg, func() {
			g.background(func() error {
				_, err := g.uc.Messages.ConnectionMessageSent(id, platform, msg)
				return err
			}, func(err error) {
				if err != nil {
					dialog.ShowError(errors.New(errorText(err)), g.win)
				}
			})
		})
		p.open.Hide() // a platform message: copied into the platform, not mailed
		p.save.Hide()
		d.preview = p
	})
}

// connectReplyDialog records a connection's answer: where it came, what it
// allows (nothing ticked: consent is the person's act), and its words.
type connectReplyDialog struct {
	platform *widget.RadioGroup
	channels map[consent.Channel]*widget.Check
	text     *escEntry
	status   *widget.Label
	save     *widget.Button
	dlg      *dialog.CustomDialog
}

func (m *prospectMessages) onReply() {
	d, g := m.d, m.d.g
	g.touch()
	r := &connectReplyDialog{channels: map[consent.Channel]*widget.Check{}}
	r.status = wrappedLabel("")
	r.status.Importance = widget.DangerImportance
	clearStatus := func() { r.status.SetText("") }
	r.platform = widget.NewRadioGroup(consent.Platforms, func(string) { clearStatus() })
	r.platform.Horizontal = true
	r.platform.SetSelected(consent.Platforms[0])
	boxes := container.NewHBox()
	for _, ch := range consent.ReplyChannels {
		r.channels[ch] = widget.NewCheck(i18n.Channel(ch), func(bool) { clearStatus() })
		boxes.Add(r.channels[ch])
	}
	r.text = newEscEntry(g, true)
	r.text.SetPlaceHolder(lang.L("Paste their reply, word for word"))
	r.text.OnChanged = func(string) { clearStatus() }
	id, name := d.rec.Prospect.ID, d.rec.Prospect.Name
	r.save = primaryButton(lang.L("Record the reply"), theme.ConfirmIcon(), func() { m.saveReply(r, id) })
	cancel := widget.NewButton(lang.L("Cancel"), func() { r.dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem(lang.L("Where"), r.platform), widget.NewFormItem(lang.L("They allow"), boxes))
	body := container.NewBorder(form, r.status, nil, nil, r.text)
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Reply from {{.Name}}", map[string]any{"Name": name}), container.NewGridWrap(fyne.NewSize(560, 340), body), g.win)
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, r.save})
	m.replyForm = r
	r.dlg.Show()
}

func (m *prospectMessages) saveReply(r *connectReplyDialog, id uint64) {
	d, g := m.d, m.d.g
	g.touch()
	req := usecase.Reply{Prospect: id, Platform: r.platform.Selected, Text: r.text.Text}
	for _, ch := range consent.ReplyChannels {
		if r.channels[ch].Checked {
			req.Channels = append(req.Channels, ch)
		}
	}
	g.background(func() error {
		_, err := g.uc.Messages.RecordReply(req)
		return err
	}, func(err error) {
		if err != nil {
			r.status.SetText(errorText(err))
			return
		}
		r.dlg.Hide()
		d.show(id)
	})
}
