package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/cli"
)

// The person's rights, one click each: export (access, portability), the
// Art. 14 notice, and erasure. Each is audit-logged by the store or here.

func (d *prospectDetail) onExport() {
	g := d.g
	g.touch()
	rec := d.rec
	format := widget.NewRadioGroup([]string{"JSON (everything, machine-readable)", "vCard 4.0 (contact card)"}, nil)
	format.SetSelected("JSON (everything, machine-readable)")
	dialog.ShowCustomConfirm("Export "+rec.Prospect.Name, "Choose file…", "Cancel", format, func(ok bool) {
		if !ok {
			return
		}
		vcf := strings.HasPrefix(format.Selected, "vCard")
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
					dialog.ShowError(err, g.win)
					return
				}
				d.show(rec.Prospect.ID)
			})
		}, g.win)
		name := safeFileName(rec.Prospect.Name)
		if vcf {
			save.SetFileName(name + ".vcf")
		} else {
			save.SetFileName(name + ".json")
		}
		save.Show()
	}, g.win)
}

func (d *prospectDetail) onNotice() {
	g := d.g
	g.touch()
	mail := consent.NoticeEmail(d.rec, g.mailContext(), d.emailLang(), time.Now())
	d.previewInformed("Art. 14 notice for "+d.rec.Prospect.Name, mail, "Art. 14 notice")
}

// emailLang is the prospect's language, else the settings'.
func (d *prospectDetail) emailLang() string {
	if d.rec.Prospect.Lang != "" {
		return d.rec.Prospect.Lang
	}
	return d.g.settings.Lang
}

// previewInformed shows an email; "Mark as sent" records the person as
// informed, with the exact text as evidence.
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
				dialog.ShowError(err, g.win)
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
	reason.SetPlaceHolder("e.g. asked by email on 2 March (no names: the reason is kept)")
	items := []*widget.FormItem{widget.NewFormItem("Reason", reason)}
	dialog.ShowForm("Erase "+p.Name+"?", "Erase for good", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		why := strings.TrimSpace(reason.Text)
		if why == "" {
			dialog.ShowInformation("Not erased", "Say why: the reason is kept in the tombstone and the audit log.", g.win)
			return
		}
		g.background(func() error { return g.db.Erase(p.ID, why, g.rep(), time.Now()) }, func(err error) {
			if err != nil {
				dialog.ShowError(err, g.win)
				return
			}
			d.id = 0
			d.root.Objects = []fyne.CanvasObject{d.none}
			d.root.Refresh()
			if g.shell != nil {
				g.shell.prospects.refresh()
			}
			dialog.ShowInformation("Erased", fmt.Sprintf("%s was erased. Only a suppression hash remains, so a re-import or a new referral of the same email or phone is refused.", p.Name), g.win)
		})
	}, g.win)
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
	d.previewInformed("Re-activation email to "+d.rec.Prospect.Name, mail, "re-activation email sent")
}

// onSummaryPDF exports this person's consent summary for a manager or an
// access request; the export is audit-logged.
func (d *prospectDetail) onSummaryPDF() {
	g := d.g
	g.touch()
	id := d.rec.Prospect.ID
	savePDF(g, safeFileName(d.rec.Prospect.Name)+" consent summary.pdf", func(func(int, int)) ([]byte, string, uint64, error) {
		pdf, _, err := cli.SummaryPDF(g.db, id, g.rep())
		return pdf, docSummary, id, err
	}, "from the prospect screen", nil, func(path string, pages int, err error) {
		if err != nil {
			dialog.ShowError(err, g.win)
			return
		}
		dialog.ShowConfirm("Consent summary written", fmt.Sprintf("%s (%s). Open it now?", path, cli.Plural(pages, "page", "pages")),
			func(ok bool) {
				if ok {
					openPath(g, path)
				}
			}, g.win)
	})
}
