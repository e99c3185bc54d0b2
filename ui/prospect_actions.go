package ui

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/cli"
	"warmlead/ui/i18n"
)

// The person's rights, one click each: export (access, portability), the
// Art. 14 notice, and erasure. Each is audit-logged by the store or here.

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

// exportTo asks where to write rec's export and writes it, recording the
// export in the ledger and the audit log (in English: they are records).
func (d *prospectDetail) exportTo(rec consent.Record, vcf bool) {
	g := d.g
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		g.background(func() error {
			defer w.Close()
			var buf bytes.Buffer
			kind := "json"
			if vcf {
				kind = "vcf"
				err = consent.ExportVCard(&buf, []consent.Prospect{rec.Prospect})
			} else {
				err = consent.ExportJSON(&buf, rec, g.rep(), time.Now())
			}
			if err != nil {
				return err
			}
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			where := filepath.Base(path)
			if _, err := g.db.AppendEvent(rec.Prospect.ID, consent.Event{Rep: g.rep(), Kind: consent.KindExported, Note: kind + " to " + where}); err != nil {
				return err
			}
			// The audit entry outlives an erasure: it names no file.
			return g.db.Audit(g.rep(), "exported", rec.Prospect.ID, kind+": from the app")
		}, func(err error) {
			if err != nil {
				dialog.ShowError(errors.New(errorText(err)), g.win)
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
	d.previewInformed(lang.L("Art. 14 notice for {{.Name}}", map[string]any{"Name": d.rec.Prospect.Name}), mail, "Art. 14 notice")
}

// emailLang is the prospect's language, else the settings'.
func (d *prospectDetail) emailLang() string {
	if d.rec.Prospect.Lang != "" {
		return d.rec.Prospect.Lang
	}
	return d.g.settings.Lang
}

// previewInformed shows an email; "Mark as sent" records the person as
// informed, with the exact text as evidence. what is the ledger's note,
// in English like the rest of the ledger.
func (d *prospectDetail) previewInformed(title string, mail consent.Email, what string) {
	g := d.g
	id := d.rec.Prospect.ID
	d.preview = showEmailPreview(g, title, mail, func() {
		g.background(func() error {
			_, err := g.db.AppendEvent(id, consent.Event{Rep: g.rep(), Kind: consent.KindInformed,
				Note: what + " (" + mail.Lang + ")", Evidence: "Subject: " + mail.Subject + "\n\n" + mail.Body})
			return err
		}, func(err error) {
			if err != nil {
				dialog.ShowError(errors.New(errorText(err)), g.win)
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
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("e.g. asked by email on 2 March (no names: the reason is kept)"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Reason"), reason)}
	dialog.ShowForm(lang.L("Erase {{.Name}}?", map[string]any{"Name": p.Name}), lang.L("Erase for good"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			d.eraseFor(p, strings.TrimSpace(reason.Text))
		}
	}, g.win)
}

func (d *prospectDetail) eraseFor(p consent.Prospect, why string) {
	g := d.g
	if why == "" {
		dialog.ShowInformation(lang.L("Not erased"), lang.L("Say why: the reason is kept in the tombstone and the audit log."), g.win)
		return
	}
	g.background(func() error { return g.db.Erase(p.ID, why, g.rep(), time.Now()) }, func(err error) {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), g.win)
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
	d.previewInformed(lang.L("Re-activation email to {{.Name}}", map[string]any{"Name": d.rec.Prospect.Name}), mail, "re-activation email sent")
}

// onSummaryPDF exports this person's consent summary for a manager or an
// access request; the export is audit-logged.
func (d *prospectDetail) onSummaryPDF() {
	g := d.g
	g.touch()
	id := d.rec.Prospect.ID
	name := lang.L("{{.Name}} consent summary", map[string]any{"Name": d.rec.Prospect.Name})
	savePDF(g, safeFileName(name)+".pdf", func(func(int, int)) ([]byte, string, uint64, error) {
		pdf, _, err := cli.SummaryPDF(g.db, id, g.rep(), documentLang())
		return pdf, docSummary, id, err
	}, "from the prospect screen", nil, func(path string, pages int, err error) {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), g.win)
			return
		}
		n := lang.N("{{.Count}} page", pages, map[string]any{"Count": i18n.Number(pages)})
		dialog.ShowConfirm(lang.L("Consent summary written"), lang.L("{{.Path}} ({{.Pages}}). Open it now?", map[string]any{"Path": path, "Pages": n}),
			func(ok bool) {
				if ok {
					openPath(g, path)
				}
			}, g.win)
	})
}
