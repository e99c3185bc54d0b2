package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/ui/cli"
)

// The audit actions and document kinds match `warmlead report/register`.
const (
	docTeam     = "team report"
	docRegister = "register of processing activities"
	docSummary  = "consent summary"
	anyChoice   = "any"
)

// pdfPanel makes the manager's documents: the team report (date range and
// filters, optionally a summary per prospect) and the Art. 30 register.
type pdfPanel struct {
	g                       *GUI
	doc                     *widget.RadioGroup
	from, to, reason        *widget.Entry
	source, purpose, status *widget.Select
	summaries               *widget.Check
	create, open            *widget.Button
	progress                *widget.ProgressBar
	status2                 *widget.Label
	lastPath                string
	root                    fyne.CanvasObject
}

func newPDFPanel(g *GUI) *pdfPanel {
	p := &pdfPanel{g: g}
	p.doc = widget.NewRadioGroup([]string{docTeam, docRegister}, nil)
	p.doc.Horizontal = true
	p.doc.SetSelected(docTeam)
	p.from, p.to, p.reason = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	p.from.SetPlaceHolder("YYYY-MM-DD")
	p.to.SetPlaceHolder("YYYY-MM-DD")
	p.reason.SetPlaceHolder("why, for the audit log: e.g. quarterly review")
	p.source = widget.NewSelect(append([]string{anyChoice}, stringsOf(consent.Sources)...), nil)
	p.purpose = widget.NewSelect(append([]string{anyChoice}, stringsOf(consent.Purposes)...), nil)
	p.status = widget.NewSelect([]string{anyChoice, "granted", "pending", "refused", "withdrawn", "expired"}, nil)
	for _, s := range []*widget.Select{p.source, p.purpose, p.status} {
		s.SetSelected(anyChoice)
	}
	p.summaries = widget.NewCheck("One consent summary per prospect", nil)
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.status2 = widget.NewLabel("")
	p.status2.Wrapping = fyne.TextWrapWord
	p.create = widget.NewButtonWithIcon("Create PDF…", theme.DocumentSaveIcon(), p.onCreate)
	p.create.Importance = widget.HighImportance
	p.open = widget.NewButtonWithIcon("Open", theme.FileIcon(), func() { openPath(g, p.lastPath) })
	p.open.Hide()
	form := widget.NewForm(
		widget.NewFormItem("Document", p.doc),
		widget.NewFormItem("Collected from", container.NewGridWithColumns(3, p.from, widget.NewLabel("to"), p.to)),
		widget.NewFormItem("Source", p.source), widget.NewFormItem("Purpose", p.purpose), widget.NewFormItem("Consent status", p.status),
		widget.NewFormItem("", p.summaries), widget.NewFormItem("Reason", p.reason))
	p.root = container.NewVBox(form, container.NewHBox(layoutSpacer(), p.open, p.create), p.progress, p.status2)
	return p
}

func (p *pdfPanel) filter() (pdfreport.Filter, error) {
	var f pdfreport.Filter
	var err error
	if s := strings.TrimSpace(p.from.Text); s != "" {
		if f.From, err = cli.ParseDate(s); err != nil {
			return f, err
		}
	}
	if s := strings.TrimSpace(p.to.Text); s != "" {
		if f.To, err = cli.ParseDate(s); err != nil {
			return f, err
		}
	}
	if p.source.Selected != anyChoice {
		f.Source = consent.Source(p.source.Selected)
	}
	if p.purpose.Selected != anyChoice {
		f.Purpose = consent.Purpose(p.purpose.Selected)
	}
	if p.status.Selected != anyChoice {
		f.Status = consent.ConsentStatus(p.status.Selected)
	}
	return f, nil
}

func (p *pdfPanel) onCreate() {
	g := p.g
	g.touch()
	f, err := p.filter()
	if err != nil {
		p.status2.SetText(err.Error())
		return
	}
	doc, summaries, reason := p.doc.Selected, p.summaries.Checked, strings.TrimSpace(p.reason.Text)
	name := "warmlead-team-report.pdf"
	if doc == docRegister {
		name = "warmlead-register.pdf"
	}
	savePDF(g, name, func(progress func(done, total int)) ([]byte, string, uint64, error) {
		if doc == docRegister {
			pdf, _, err := cli.RegisterPDF(g.db, g.rep())
			return pdf, docRegister, 0, err
		}
		pdf, _, err := cli.TeamPDF(g.db, f, summaries, g.rep(), progress)
		return pdf, docTeam, 0, err
	}, reason, p.progress, func(path string, pages int, err error) {
		if err != nil {
			p.status2.SetText(err.Error())
			return
		}
		p.lastPath = path
		p.open.Show()
		p.status2.SetText(fmt.Sprintf("Wrote %s (%s). The export is in the audit log.", path, cli.Plural(pages, "page", "pages")))
	})
}

// savePDF asks where to save, builds the document off the UI goroutine with
// progress, writes it and its audit entry, and reports back.
func savePDF(g *GUI, name string, build func(progress func(done, total int)) ([]byte, string, uint64, error), reason string,
	bar *widget.ProgressBar, done func(path string, pages int, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		var pages int
		if bar != nil {
			bar.SetValue(0)
			bar.Show()
		}
		g.background(func() error {
			defer w.Close()
			pdf, kind, prospect, err := build(func(n, total int) {
				if bar != nil {
					g.ui(func() { bar.SetValue(float64(n) / float64(max(total, 1))) })
				}
			})
			if err != nil {
				return err
			}
			if _, err := w.Write(pdf); err != nil {
				return err
			}
			pages = pdfreport.CountPages(pdf)
			detail := kind
			if reason != "" {
				detail += ": " + reason
			}
			action := "report"
			if kind == docRegister {
				action = "register"
			}
			return g.db.Audit(g.rep(), action, prospect, detail)
		}, func(err error) {
			if bar != nil {
				bar.Hide()
			}
			done(path, pages, err)
		})
	}, g.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// openPath opens a written file with the desktop's viewer.
func openPath(g *GUI, path string) {
	if path != "" {
		g.app.OpenURL(&url.URL{Scheme: "file", Path: path})
	}
}
