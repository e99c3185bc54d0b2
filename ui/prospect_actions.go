package ui

import (
	"strings"
	"time"

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

// The person's rights, one click each: export (access, portability), the
// Art. 14 notice, and erasure. Each is one Rights or Documents use case,
// which writes the ledger's event and the audit entry together.

func (d *prospectDetail) onExport() {
	g := d.g
	g.touch()
	rec := d.rec
	jsonLabel, vcardLabel := lang.L("JSON (everything, machine-readable)"), lang.L("vCard 4.0 (contact card)")
	format := widget.NewRadioGroup([]string{jsonLabel, vcardLabel}, nil)
	format.SetSelected(jsonLabel)
	dialog.ShowCustomConfirm(lang.L("Export {{.Name}}", map[string]any{"Name": rec.Prospect.Name}), lang.L("Choose file…"), lang.L("Cancel"), format,
		func(ok bool) {
			if ok {
				d.exportTo(rec, format.Selected == vcardLabel)
			}
		}, g.win)
}

// exportTo asks where to write rec's export and has the use case write
// it, with its event in the ledger and its entry in the audit log (in
// English: they are records).
func (d *prospectDetail) exportTo(rec consent.Record, vcf bool) {
	g := d.g
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		// The use case writes the file itself, private to the rep (0600);
		// the dialog's writer only chose it.
		path := w.URI().Path()
		w.Close()
		format := usecase.FormatJSON
		if vcf {
			format = usecase.FormatVCard
		}
		g.background(func() error {
			_, err := g.uc.Rights.Export(usecase.ExportRequest{ID: rec.Prospect.ID, Format: format, Reason: "from the app", Path: path})
			return err
		}, func(err error) {
			if err != nil {
				g.showError(err)
				return
			}
			d.show(rec.Prospect.ID)
		})
	}, g.win)
	ext := ".json"
	if vcf {
		ext = ".vcf"
	}
	save.SetFileName(safeFileName(rec.Prospect.Name) + ext)
	save.Show()
}

func (d *prospectDetail) onNotice() {
	g := d.g
	g.touch()
	mail := consent.NoticeEmail(d.rec, g.mailContext(), d.emailLang(), time.Now())
	d.previewInformed(lang.L("Art. 14 notice for {{.Name}}", map[string]any{"Name": d.rec.Prospect.Name}), mail, g.uc.Rights.NoticeSent)
}

// emailLang is the prospect's language, else the settings'.
func (d *prospectDetail) emailLang() string {
	if d.rec.Prospect.Lang != "" {
		return d.rec.Prospect.Lang
	}
	return d.g.settings.Lang
}

// previewInformed shows an email; "Mark as sent" records the person as
// informed, with the exact text as evidence, through sent (a Rights use
// case: the notice or the re-activation email).
func (d *prospectDetail) previewInformed(title string, mail consent.Email, sent func(uint64, consent.Email) (consent.Event, error)) {
	g := d.g
	id := d.rec.Prospect.ID
	d.preview = showEmailPreview(g, title, mail, func() {
		g.background(func() error {
			_, err := sent(id, mail)
			return err
		}, func(err error) {
			if err != nil {
				g.showError(err)
				return
			}
			d.show(id)
		})
	})
}

func (d *prospectDetail) onErase() {
	g := d.g
	g.touch()
	p := d.rec.Prospect
	reason := newEscEntry(g, false)
	reason.SetPlaceHolder(lang.L("e.g. asked by email on 2 March (no names: the reason is kept)"))
	what := wrappedLabel(lang.L("Everything about {{.Name}} is deleted and the file compacted; only a suppression hash and a tombstone remain. This cannot be undone.", map[string]any{"Name": p.Name}))
	var dlg *dialog.CustomDialog
	erase := widget.NewButtonWithIcon(lang.L("Erase for good"), theme.DeleteIcon(), func() {
		dlg.Hide()
		d.eraseFor(p, strings.TrimSpace(reason.Text))
	})
	erase.Importance = widget.DangerImportance // asked once, red, naming what happens
	reason.OnSubmitted = func(string) { erase.OnTapped() }
	cancel := widget.NewButton(lang.L("Cancel"), func() { dlg.Hide() })
	body := container.NewVBox(what, widget.NewForm(widget.NewFormItem(lang.L("Reason"), reason)))
	dlg = dialog.NewCustomWithoutButtons(lang.L("Erase {{.Name}}?", map[string]any{"Name": p.Name}), container.NewGridWrap(fyne.NewSize(520, 170), body), g.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, erase})
	d.eraseButton = erase
	dlg.Show()
	g.win.Canvas().Focus(reason)
}

func (d *prospectDetail) eraseFor(p consent.Prospect, why string) {
	g := d.g
	g.background(func() error { return g.uc.Rights.Erase(p.ID, why) }, func(err error) {
		if usecase.CodeOf(err) == usecase.CodeInvalid { // no reason: the use case refuses
			dialog.ShowInformation(lang.L("Not erased"), lang.L("Say why: the reason is kept in the tombstone and the audit log."), g.win)
			return
		}
		if err != nil {
			g.showError(err)
			return
		}
		d.id = 0
		d.root.Objects = []fyne.CanvasObject{d.none}
		d.root.Refresh()
		if g.shell != nil {
			g.shell.prospects.refresh()
		}
		dialog.ShowInformation(lang.L("Erased"), lang.L("{{.Name}} was erased. Only a suppression hash remains, so a re-import or a new referral of the same email or phone is refused.",
			map[string]any{"Name": p.Name}), g.win)
	})
}

func (g *GUI) mailContext() consent.MailContext {
	return consent.MailContext{Rep: g.rep(), Company: g.settings.Company, PrivacyURL: g.settings.PrivacyURL,
		PreferencesURL: g.settings.PreferencesURL, RetentionMonths: g.settings.RetentionMonths}
}

func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "prospect"
	}
	return s
}

// onReactivate offers the re-activation email before retention ends: stay
// in touch, or the details are deleted on the date it names. Sending it
// does not extend retention; only the person's answer may.
func (d *prospectDetail) onReactivate() {
	g := d.g
	g.touch()
	mail := consent.ReactivationEmail(d.rec, g.mailContext(), d.emailLang(), time.Now())
	d.previewInformed(lang.L("Re-activation email to {{.Name}}", map[string]any{"Name": d.rec.Prospect.Name}), mail, g.uc.Rights.ReactivationSent)
}

// onSummaryPDF exports this person's consent summary for a manager or an
// access request; the export is audit-logged.
func (d *prospectDetail) onSummaryPDF() {
	g := d.g
	g.touch()
	id := d.rec.Prospect.ID
	name := lang.L("{{.Name}} consent summary", map[string]any{"Name": d.rec.Prospect.Name})
	savePDF(g, safeFileName(name)+".pdf", func(path string, _ func(int, int)) (usecase.Written, error) {
		return g.uc.Documents.Summary(id, documentLang(), "from the prospect screen", path)
	}, nil, func(w usecase.Written, err error) {
		if err != nil {
			g.showError(err)
			return
		}
		n := lang.N("{{.Count}} page", w.Pages, map[string]any{"Count": i18n.Number(w.Pages)})
		dialog.ShowConfirm(lang.L("Consent summary written"), lang.L("{{.Path}} ({{.Pages}}). Open it now?", map[string]any{"Path": w.Path, "Pages": n}),
			func(ok bool) {
				if ok {
					openPath(g, w.Path)
				}
			}, g.win)
	})
}
