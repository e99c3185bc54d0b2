package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// prospectDetail shows one prospect: identity, contact details, where the
// data came from, and the ledger's timeline. Opening it is audit-logged.
type prospectDetail struct {
	g        *GUI
	id       uint64
	rec      consent.Record
	name     *widget.Label
	fields   *widget.Form
	timeline *widget.List
	events   []consent.Event
	edit     *widget.Button
	export   *widget.Button
	notice   *widget.Button
	erase    *widget.Button
	summary  *widget.Button
	consents *consentPanel
	preview  *emailPreview // the last email preview opened, for tests
	tabs     *container.AppTabs
	status   *widget.Label
	root     *fyne.Container
	body     fyne.CanvasObject
	none     fyne.CanvasObject
}

func newProspectDetail(g *GUI) *prospectDetail {
	d := &prospectDetail{g: g}
	d.name = heading("")
	d.fields = widget.NewForm()
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.edit = widget.NewButtonWithIcon("Correct details", theme.DocumentCreateIcon(), d.onEdit)
	d.export = widget.NewButtonWithIcon("Export…", theme.DownloadIcon(), d.onExport)
	d.notice = widget.NewButtonWithIcon("Art. 14 notice…", theme.MailComposeIcon(), d.onNotice)
	d.erase = widget.NewButtonWithIcon("Erase…", theme.DeleteIcon(), d.onErase)
	d.summary = widget.NewButtonWithIcon("Consent summary (PDF)…", theme.DocumentIcon(), d.onSummaryPDF)
	d.erase.Importance = widget.DangerImportance
	d.consents = newConsentPanel(g, func() { d.show(d.id) })
	d.timeline = widget.NewList(func() int { return len(d.events) },
		func() fyne.CanvasObject {
			when := widget.NewLabel("2026-01-01 12:00")
			what := widget.NewLabel("event")
			what.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, when, nil, what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := d.events[i]
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(ev.Time.Local().Format("2006-01-02 15:04"))
			c.Objects[0].(*widget.Label).SetText(eventLine(ev))
		})
	details := container.NewVScroll(container.NewVBox(d.fields, d.status,
		container.NewGridWithColumns(3, d.edit, d.summary, d.export, d.notice, d.erase)))
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Contact", theme.MailSendIcon(), d.consents.root),
		container.NewTabItemWithIcon("Consents", theme.ConfirmIcon(), d.consents.grid),
		container.NewTabItemWithIcon("Details", theme.AccountIcon(), details),
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), d.timeline))
	d.body = container.NewBorder(d.name, nil, nil, nil, d.tabs)
	d.none = emptyState(theme.InfoIcon(), "Select a prospect", "Their details, consents and history appear here.")
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
		if rec, err = g.db.Record(id); err != nil {
			return err
		}
		return g.db.Audit(g.rep(), "viewed", id, "opened in the app")
	}, func(err error) {
		d.id = id
		d.root.Objects = []fyne.CanvasObject{d.body}
		if err != nil {
			d.name.SetText("Cannot show this prospect")
			d.fields.Items = nil
			d.fields.Refresh()
			d.status.SetText(err.Error())
			d.events = nil
			d.timeline.Refresh()
			d.tabs.SelectIndex(2)
			d.root.Refresh()
			return
		}
		d.rec = rec
		d.fill(rec.Prospect, rec.Events)
		d.consents.set(rec)
		d.root.Refresh()
		if then != nil {
			then()
		}
	})
}

func (d *prospectDetail) fill(p consent.Prospect, evs []consent.Event) {
	d.name.SetText(p.Name)
	d.fields.Items = nil
	add := func(label, value string) {
		if value == "" {
			return
		}
		l := widget.NewLabel(value)
		l.Wrapping = fyne.TextWrapWord
		d.fields.Append(label, l)
	}
	add("Company", p.Company)
	add("Title", p.Title)
	add("Email", p.Email)
	if p.Phone != "" {
		add("Phone", consent.FormatPhone(p.Phone))
	}
	add("Source", sourceLabel(p.Source))
	add("Event", p.Event)
	add("List vendor", p.ListVendor)
	add("Added", p.Created.Local().Format("2 Jan 2006 15:04"))
	if d.rec.DNC != nil {
		add("Do-not-call", "on "+d.rec.DNC.Register+" (imported "+d.rec.DNC.Imported.Local().Format("2 Jan 2006")+")")
	}
	if t, ok := consent.Informed(d.rec); ok {
		add("Informed", t.Local().Format("2 Jan 2006"))
	}
	if end := consent.RetentionEnds(d.rec, d.g.settings.RetentionMonths); !end.IsZero() {
		add("Kept until", end.Local().Format("2 Jan 2006"))
	}
	d.fields.Refresh()
	d.status.SetText("")
	d.events = evs
	d.timeline.Refresh()
}

func (d *prospectDetail) onEdit() {
	d.g.touch()
	if d.id == 0 {
		return
	}
	p, err := d.g.db.Prospect(d.id)
	if err != nil {
		d.status.SetText(err.Error())
		return
	}
	showProspectForm(d.g, &p, func(consent.Prospect) {
		if d.g.shell != nil {
			d.g.shell.prospects.refresh()
		}
		d.show(p.ID)
	})
}

// eventLine is one readable line of the timeline.
func eventLine(ev consent.Event) string {
	switch ev.Kind {
	case consent.KindCollected:
		s := "Added from " + sourceLabel(ev.Source)
		if ev.EventName != "" {
			s += " at " + ev.EventName
		}
		return s + " by " + ev.Rep
	case consent.KindRectified:
		return fmt.Sprintf("%s corrected by %s", ev.Field, ev.Rep)
	case consent.KindObjection:
		return "Objected: do not contact me — recorded by " + ev.Rep
	case consent.KindInformed:
		return "Informed: " + ev.Note + " — " + ev.Rep
	case consent.KindReplyAttached:
		return "Reply attached as evidence by " + ev.Rep
	case consent.KindCallLogged:
		s := "Call: " + ev.Outcome
		if ev.Agreed != "" {
			s += " — agreed: " + ev.Agreed
		}
		return s + " (" + ev.Rep + ")"
	case consent.KindEmailGenerated:
		return "Email: " + ev.Note + " — " + ev.Rep
	case consent.KindExported:
		return "Data exported (" + ev.Note + ") by " + ev.Rep
	}
	s := string(ev.Kind)
	if ev.Purpose != "" {
		s += ": " + string(ev.Purpose) + " by " + string(ev.Channel)
	}
	if ev.Method != "" {
		s += " (" + string(ev.Method) + ")"
	}
	return s + " — " + ev.Rep
}

var sourceLabels = map[consent.Source]string{
	consent.SourceCard: "business card", consent.SourceReferral: "referral", consent.SourceColdCall: "cold call",
	consent.SourceList: "purchased list", consent.SourceInbound: "inbound (web form)", consent.SourceCustomer: "customer",
	consent.SourceSocial: "social network",
}

func sourceLabel(s consent.Source) string {
	if l, ok := sourceLabels[s]; ok {
		return l
	}
	return string(s)
}
