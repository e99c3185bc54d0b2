package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// prospectDetail shows one prospect: identity, contact details, where the
// data came from, and the ledger's timeline. Opening it is audit-logged.
type prospectDetail struct {
	g           *GUI
	id          uint64
	rec         consent.Record
	name        *widget.Label
	fields      *widget.Form
	formBox     *fyne.Container // holds fields: each prospect gets a new form
	timeline    *widget.List
	events      []consent.Event
	edit        *widget.Button
	export      *widget.Button
	notice      *widget.Button
	erase       *widget.Button
	summary     *widget.Button
	consents    *consentPanel
	messages    *prospectMessages // first email, connection message, reply
	eraseButton *widget.Button    // the erase dialog's, for tests
	preview     *emailPreview     // the last email preview opened, for tests
	tabs        *container.AppTabs
	status      *widget.Label
	root        *fyne.Container
	body        fyne.CanvasObject
	none        fyne.CanvasObject
}

func newProspectDetail(g *GUI) *prospectDetail {
	d := &prospectDetail{g: g}
	d.name = heading("")
	d.fields = widget.NewForm()
	d.formBox = container.NewStack(d.fields)
	d.status = wrappedLabel("")
	d.edit = widget.NewButtonWithIcon(lang.L("Correct details"), theme.DocumentCreateIcon(), d.onEdit)
	d.export = widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), d.onExport)
	d.notice = widget.NewButtonWithIcon(lang.L("Art. 14 notice…"), theme.MailComposeIcon(), d.onNotice)
	d.erase = widget.NewButtonWithIcon(lang.L("Erase…"), theme.DeleteIcon(), d.onErase)
	d.summary = widget.NewButtonWithIcon(lang.L("Consent summary (PDF)…"), theme.DocumentIcon(), d.onSummaryPDF)
	d.erase.Importance = widget.DangerImportance
	d.messages = newProspectMessages(d)
	d.consents = newConsentPanel(g, func() { d.show(d.id) })
	d.timeline = widget.NewList(func() int { return len(d.events) },
		func() fyne.CanvasObject {
			when := widget.NewLabel(i18n.DateTime(time.Date(2026, 12, 28, 23, 59, 0, 0, time.Local)))
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, when, nil, what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := d.events[i]
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(i18n.DateTime(ev.Time))
			c.Objects[0].(*widget.Label).SetText(eventLine(ev))
		})
	// Two columns: three would make the detail wider than its share of
	// the window in German, squeezing the list to a sliver.
	details := container.NewVScroll(container.NewVBox(d.formBox, d.status,
		container.NewGridWithColumns(2, d.edit, d.summary, d.export, d.notice, d.messages.first, d.messages.connect, d.messages.reply, d.erase)))
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Contact"), theme.MailSendIcon(), d.consents.root),
		container.NewTabItemWithIcon(lang.L("Consents"), theme.ConfirmIcon(), d.consents.grid),
		container.NewTabItemWithIcon(lang.L("Details"), theme.AccountIcon(), details),
		container.NewTabItemWithIcon(lang.L("Timeline"), theme.HistoryIcon(), d.timeline))
	d.body = container.NewBorder(d.name, nil, nil, nil, d.tabs)
	d.none = emptyState(theme.InfoIcon(), lang.L("Select a prospect"), lang.L("Their details, consents and history appear here."))
	d.root = container.NewStack(d.none)
	return d
}

func (d *prospectDetail) content() fyne.CanvasObject { return d.root }

// show loads a prospect from the file (not the cache), so damage is shown
// honestly, and writes a "viewed" entry to the audit log.
func (d *prospectDetail) show(id uint64) { d.load(id, nil) }

// load shows a prospect and then runs then (if any) on the UI goroutine.
func (d *prospectDetail) load(id uint64, then func()) {
	g := d.g
	var rec consent.Record
	g.background(func() error {
		var err error
		rec, err = g.uc.Rights.View(id, "opened in the app")
		return err
	}, func(err error) {
		d.id = id
		d.root.Objects = []fyne.CanvasObject{d.body}
		if err != nil {
			d.name.SetText(lang.L("Cannot show this prospect"))
			if errors.As(err, new(*usecase.Erased)) {
				// The status says when, why and by whom (the tombstone).
				d.name.SetText(lang.L("This prospect was erased"))
			}
			d.setFields(nil)
			d.status.SetText(errorText(err))
			d.events = nil
			d.timeline.Refresh()
			d.tabs.SelectIndex(2)
			d.root.Refresh()
			return
		}
		d.rec = rec
		d.fill(rec.Prospect, rec.Events)
		d.consents.set(rec)
		d.messages.set(rec)
		d.root.Refresh()
		if then != nil {
			then()
		}
	})
}

func (d *prospectDetail) fill(p consent.Prospect, evs []consent.Event) {
	d.name.SetText(p.Name)
	var items []*widget.FormItem
	add := func(label, value string) {
		if value == "" {
			return
		}
		l := wrappedLabel(value)
		items = append(items, widget.NewFormItem(label, l))
	}
	add(lang.L("Company"), p.Company)
	add(lang.L("Job title"), p.Title)
	add(lang.L("Email"), p.Email)
	if p.Phone != "" {
		add(lang.L("Phone"), consent.FormatPhone(p.Phone))
	}
	if p.PhoneUnread() {
		items = append(items, widget.NewFormItem(lang.L("Phone"), phoneFlag(p)))
	}
	add(lang.L("Source"), i18n.Source(p.Source))
	add(lang.L("Event"), p.Event)
	add(lang.L("List vendor"), p.ListVendor)
	add(lang.L("Email language"), emailLanguageName(p.Lang, d.g.settings.Lang))
	add(lang.L("Added"), i18n.DateTime(p.Created))
	if dnc := d.rec.DNC; dnc != nil {
		add(lang.L("Do-not-call"), lang.L("On {{.Register}} (imported {{.Date}})",
			map[string]any{"Register": dnc.Register, "Date": i18n.Date(dnc.Imported)}))
	}
	if t, ok := consent.Informed(d.rec); ok {
		add(lang.L("Informed"), i18n.Date(t))
	}
	if end := consent.RetentionEnds(d.rec, d.g.settings.RetentionMonths); !end.IsZero() {
		add(lang.L("Kept until"), i18n.Date(end))
	}
	d.setFields(items)
	d.status.SetText("")
	d.events = evs
	d.timeline.Refresh()
}

// setFields shows items in a new form. Reusing one form is what kept the
// previous prospect's company on screen: Form only adds rendered rows for
// new items and keeps the ones it drew before, so after Items = nil and
// Append the first row was still the old prospect's value.
func (d *prospectDetail) setFields(items []*widget.FormItem) {
	d.fields = widget.NewForm(items...)
	d.formBox.Objects = []fyne.CanvasObject{d.fields}
	d.formBox.Refresh()
}

func (d *prospectDetail) onEdit() {
	d.g.touch()
	if d.id == 0 {
		return
	}
	p, err := d.g.db.Prospect(d.id)
	if err != nil {
		d.status.SetText(errorText(err))
		return
	}
	showProspectForm(d.g, &p, func(consent.Prospect) {
		if d.g.shell != nil {
			d.g.shell.prospects.refresh()
		}
		d.show(p.ID)
	})
}

// emailLanguageName is the language emails to the prospect are written in,
// as a language picker names it; "" follows the settings.
func emailLanguageName(code, settings string) string {
	if name, ok := i18n.Names[code]; ok {
		return name
	}
	return lang.L("As in Settings ({{.Language}})", map[string]any{"Language": i18n.Names[settingsLang(settings)]})
}

func settingsLang(code string) string {
	if _, ok := i18n.Names[code]; ok {
		return code
	}
	return "en"
}

// eventLines are the lines of the kinds whose line depends on nothing but
// the event's values (eventLine writes the others); keys of lang.L.
var eventLines = map[consent.EventKind]string{
	consent.KindObjection:         "Objected: do not contact me. Recorded by {{.Rep}}",
	consent.KindInformed:          "Informed: {{.Note}} ({{.Rep}})",
	consent.KindReplyAttached:     "Reply attached as evidence by {{.Rep}}",
	consent.KindCardImage:         "Card photo kept as evidence of the source ({{.Rep}})",
	consent.KindEmailGenerated:    "Email: {{.Note}} ({{.Rep}})",
	consent.KindExported:          "Data exported ({{.Note}}) by {{.Rep}}",
	consent.KindConsentRefused:    "Consent refused: {{.Scope}} ({{.Rep}})",
	consent.KindConsentWithdrawn:  "Consent withdrawn: {{.Scope}} ({{.Rep}})",
	consent.KindReferralRequested: "Referred by a customer; waiting for the person's answer ({{.Rep}})",
	consent.KindReferralApproved:  "The person agreed to the introduction ({{.Rep}})",
	consent.KindReferralDeclined:  "The person declined the introduction ({{.Rep}})",
	consent.KindMerged:            "Merged with a duplicate record of this person; both histories are kept ({{.Rep}})",
	consent.KindReactivated:       "Asked to stay in touch ({{.Rep}})",
}

// fieldLabels name the fields a rectification event records.
var fieldLabels = map[string]string{"name": "Name", "company": "Company", "title": "Job title", "email": "Email",
	"phone": "Phone", "lang": "Email language", "event": "Event"}

// eventLine is one readable line of the timeline. The notes inside some
// events ("Art. 14 notice (nl)") are the ledger's own words and stay as
// recorded.
func eventLine(ev consent.Event) string {
	data := map[string]any{"Rep": ev.Rep, "Note": ev.Note, "Event": ev.EventName,
		"Source": i18n.InSentence(i18n.Source(ev.Source)), "Outcome": i18n.InSentence(i18n.Outcome(ev.Outcome)),
		"Agreed": ev.Agreed, "Scope": consentScope(ev.Purpose, ev.Channel), "Method": i18n.InSentence(i18n.Method(ev.Method))}
	switch ev.Kind {
	case consent.KindCollected:
		if ev.EventName != "" {
			return lang.L("Added by {{.Rep}} at {{.Event}}, source: {{.Source}}", data)
		}
		return lang.L("Added by {{.Rep}}, source: {{.Source}}", data)
	case consent.KindRectified:
		field := ev.Field
		if l, ok := fieldLabels[field]; ok {
			field = lang.L(l)
		}
		data["Field"] = field
		return lang.L("{{.Field}} corrected by {{.Rep}}", data)
	case consent.KindCallLogged:
		if ev.Agreed != "" {
			return lang.L("Call: {{.Outcome}}, agreed: {{.Agreed}} ({{.Rep}})", data)
		}
		return lang.L("Call: {{.Outcome}} ({{.Rep}})", data)
	case consent.KindConsentGranted:
		switch {
		case ev.Pending:
			return lang.L("Said yes to {{.Scope}}, to be confirmed by email ({{.Rep}})", data)
		case ev.Method != "":
			return lang.L("Consent granted: {{.Scope}}, {{.Method}} ({{.Rep}})", data)
		}
		return lang.L("Consent granted: {{.Scope}} ({{.Rep}})", data)
	}
	if key, ok := eventLines[ev.Kind]; ok {
		return lang.L(key, data)
	}
	return string(ev.Kind) + " (" + ev.Rep + ")"
}

// consentScope names what a consent event covers; a refusal or withdrawal
// without purpose or channel covers them all.
func consentScope(p consent.Purpose, c consent.Channel) string {
	data := map[string]any{"Purpose": i18n.InSentence(i18n.Purpose(p)), "Channel": i18n.InSentence(i18n.Channel(c))}
	switch {
	case p != "" && c != "":
		return lang.L("{{.Purpose}} by {{.Channel}}", data)
	case p != "":
		return lang.L("{{.Purpose}} on any channel", data)
	case c != "":
		return lang.L("every purpose by {{.Channel}}", data)
	}
	return lang.L("everything")
}
