package ui

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// consentPanel answers "may I contact this person?" per channel for a
// chosen purpose, with the policy's reason under each, and shows the
// consent matrix (purpose × channel).
type consentPanel struct {
	g       *GUI
	rec     consent.Record
	purpose *widget.Select
	buttons map[consent.Channel]*widget.Button
	reasons map[consent.Channel]*widget.Label
	matrix  *widget.Table
	record  *widget.Button
	object  *widget.Button
	reply   *widget.Button
	root    fyne.CanvasObject // the contact answers and actions
	grid    fyne.CanvasObject // the consent matrix
	onSaved func()            // reload the prospect after a new event
}

// noAddress explains a disabled contact button on an allowed channel.
var noAddress = map[consent.Channel]string{
	consent.ChannelEmail: "No email address is on file yet: add it under Details.",
	consent.ChannelPhone: "No phone number is on file yet: add it under Details.",
	consent.ChannelSMS:   "No phone number is on file yet: add it under Details.",
	consent.ChannelPost:  "Warmlead keeps no postal addresses: use the address from your CRM.",
}

// channelVerbs are the contact buttons, translated with lang.L.
var channelVerbs = map[consent.Channel]string{consent.ChannelEmail: "Email them", consent.ChannelPhone: "Call them",
	consent.ChannelSMS: "Text them", consent.ChannelPost: "Write to them"}

// statusLabels name the consent matrix's states.
var statusLabels = map[consent.ConsentStatus]string{consent.StatusGranted: "Granted", consent.StatusPending: "Pending",
	consent.StatusRefused: "Refused", consent.StatusWithdrawn: "Withdrawn", consent.StatusExpired: "Expired"}

func newConsentPanel(g *GUI, onSaved func()) *consentPanel {
	c := &consentPanel{g: g, onSaved: onSaved, buttons: map[consent.Channel]*widget.Button{}, reasons: map[consent.Channel]*widget.Label{}}
	names := make([]string, len(consent.Purposes))
	for i, p := range consent.Purposes {
		names[i] = i18n.Purpose(p)
	}
	c.purpose = widget.NewSelect(names, func(string) { c.update() })
	c.purpose.SetSelectedIndex(0) // follow-up
	rows := container.NewVBox()
	for _, ch := range consent.Channels {
		b := widget.NewButton(lang.L(channelVerbs[ch]), func() { c.onContact(ch) })
		r := wrappedLabel("")
		c.buttons[ch], c.reasons[ch] = b, r
		rows.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, 36), b), nil, r))
	}
	c.matrix = widget.NewTableWithHeaders(
		func() (int, int) { return len(consent.Purposes), len(consent.Channels) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(c.cellText(consent.Purposes[id.Row], consent.Channels[id.Col]))
		})
	c.matrix.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	c.matrix.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Row < 0 && id.Col >= 0:
			l.SetText(i18n.Channel(consent.Channels[id.Col]))
		case id.Col < 0 && id.Row >= 0:
			l.SetText(i18n.Purpose(consent.Purposes[id.Row]))
		default:
			l.SetText("")
		}
	}
	// The purposes' column as wide as its longest label in this language,
	// so no header is cut; the channels scroll sideways under their
	// sticky header when the pane is narrower than the four of them.
	headW := float32(0)
	for _, p := range consent.Purposes {
		headW = max(headW, widget.NewLabelWithStyle(i18n.Purpose(p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width)
	}
	c.matrix.SetColumnWidth(-1, headW+theme.Padding())
	for i := range consent.Channels {
		c.matrix.SetColumnWidth(i, 260)
	}
	c.record = widget.NewButtonWithIcon(lang.L("Record consent…"), theme.DocumentCreateIcon(), c.onRecord)
	c.object = widget.NewButtonWithIcon(lang.L("Do not contact me…"), theme.CancelIcon(), func() { showObjectionDialog(g, c.rec.Prospect, c.onSaved) })
	c.object.Importance = widget.DangerImportance
	c.reply = widget.NewButtonWithIcon(lang.L("Attach reply…"), theme.MailReplyIcon(), func() { showReplyDialog(g, c.rec.Prospect, c.onSaved) })
	c.root = container.NewVScroll(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("May I contact them for")), nil, c.purpose),
		rows,
		// The objection apart from the everyday actions, and the row
		// narrow enough for the list beside it in every language.
		container.NewHBox(c.record, c.reply), container.NewHBox(c.object)))
	hint := wrappedLabel(lang.L("Status, date and method of the latest grant, refusal or withdrawal per purpose and channel."))
	c.grid = container.NewBorder(container.NewVBox(hint, container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Record consent…"), theme.DocumentCreateIcon(), c.onRecord))), nil, nil, nil, c.matrix)
	return c
}

func (c *consentPanel) onRecord() { showConsentDialog(c.g, c.rec.Prospect, c.onSaved) }

// selectedPurpose is the purpose the contact answers are for.
func (c *consentPanel) selectedPurpose() consent.Purpose {
	if i := c.purpose.SelectedIndex(); i >= 0 {
		return consent.Purposes[i]
	}
	return consent.PurposeFollowUp
}

// cellText is one matrix cell: status, date and method.
func (c *consentPanel) cellText(p consent.Purpose, ch consent.Channel) string {
	cell := c.rec.ConsentStateAt(p, ch, time.Now())
	if cell.Status == consent.StatusNone {
		return "—"
	}
	s := string(cell.Status)
	if l, ok := statusLabels[cell.Status]; ok {
		s = lang.L(l)
	}
	if !cell.Time.IsZero() {
		s += " " + i18n.DateTime(cell.Time)
	}
	if cell.Method != "" {
		s += " · " + i18n.Method(cell.Method)
	}
	return s
}

func (c *consentPanel) set(rec consent.Record) {
	c.rec = rec
	c.update()
	c.matrix.Refresh()
}

// update asks the policy for each channel and enables only what is allowed.
func (c *consentPanel) update() {
	if c.rec.Prospect.ID == 0 {
		return
	}
	purpose := c.selectedPurpose()
	now := time.Now()
	for _, ch := range consent.Channels {
		d := consent.Decide(c.rec, ch, purpose, now, c.g.settings.RetentionMonths)
		b, r := c.buttons[ch], c.reasons[ch]
		reason := i18n.TextOr(d.Message, d.Reason)
		if d.Allowed && c.contactURL(ch) == nil {
			// Allowed, but there is nothing to call or write to: say so,
			// or a green "Allowed" beside a disabled button confuses.
			reason += " " + lang.L(noAddress[ch])
		}
		r.SetText(reason)
		if d.Allowed {
			r.Importance = widget.SuccessImportance
		} else {
			r.Importance = widget.DangerImportance
		}
		r.Refresh()
		if d.Allowed && c.contactURL(ch) != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// contactURL is how the desktop starts the contact; nil when Warmlead holds
// no address for that channel (it stores no postal addresses).
func (c *consentPanel) contactURL(ch consent.Channel) *url.URL {
	p := c.rec.Prospect
	switch {
	case ch == consent.ChannelEmail && p.Email != "":
		return &url.URL{Scheme: "mailto", Opaque: p.Email}
	case ch == consent.ChannelPhone && p.Phone != "":
		return &url.URL{Scheme: "tel", Opaque: p.Phone}
	case ch == consent.ChannelSMS && p.Phone != "":
		return &url.URL{Scheme: "sms", Opaque: p.Phone}
	}
	return nil
}

func (c *consentPanel) onContact(ch consent.Channel) {
	c.g.touch()
	if u := c.contactURL(ch); u != nil {
		openOrOffer(c.g, u, noProgramText(u), u.Opaque, nil)
	}
}
