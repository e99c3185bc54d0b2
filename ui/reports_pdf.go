package ui

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// The consent statuses the report can filter on, in the order offered.
var reportStatuses = []consent.ConsentStatus{consent.StatusGranted, consent.StatusPending, consent.StatusRefused,
	consent.StatusWithdrawn, consent.StatusExpired}

func reportStatusLabel(s consent.ConsentStatus) string {
	if label, ok := reportStatusLabels[s]; ok {
		return lang.L(label)
	}
	return string(s)
}

// reportStatusLabels are the English labels (translation keys) of the
// consent states the report filters on.
var reportStatusLabels = map[consent.ConsentStatus]string{
	consent.StatusGranted:   "Granted",
	consent.StatusPending:   "Pending",
	consent.StatusRefused:   "Refused",
	consent.StatusWithdrawn: "Withdrawn",
	consent.StatusExpired:   "Expired",
}

// filterChoices offers "any" and then each value's label; index i-1 of
// values is choice i.
func filterChoices[T any](values []T, label func(T) string) []string {
	out := []string{lang.L("Any")}
	for _, v := range values {
		out = append(out, label(v))
	}
	return out
}

// chosen is the value picked in a filterChoices select, and false for "any".
func chosen[T any](s *widget.Select, values []T) (T, bool) {
	var zero T
	if i := s.SelectedIndex(); i > 0 && i <= len(values) {
		return values[i-1], true
	}
	return zero, false
}

// pdfPanel makes the manager's documents: the team report (date range and
// filters, optionally a summary per prospect) and the Art. 30 register.
type pdfPanel struct {
	g                       *GUI
	doc                     *widget.RadioGroup
	from, to                *dateField // in the screen's date form, with a calendar
	reason                  *widget.Entry
	source, purpose, status *widget.Select
	summaries               *widget.Check
	create, open            *widget.Button
	progress                *widget.ProgressBar
	status2                 *widget.Label
	lastPath                string
	root                    fyne.CanvasObject
	scope                   *scopeSwitch // the manager's Mine / Team (team_scope.go)
}

func newPDFPanel(g *GUI) *pdfPanel {
	p := &pdfPanel{g: g}
	p.doc = widget.NewRadioGroup([]string{lang.L("Team report"), lang.L("Register of processing activities")}, nil)
	p.doc.Horizontal = true
	p.doc.SetSelected(p.doc.Options[0])
	p.from, p.to, p.reason = newDateField(g, false), newDateField(g, false), widget.NewEntry()
	p.reason.SetPlaceHolder(lang.L("why, for the audit log: e.g. quarterly review"))
	p.source = widget.NewSelect(filterChoices(consent.Sources, i18n.Source), nil)
	p.purpose = widget.NewSelect(filterChoices(consent.Purposes, i18n.Purpose), nil)
	p.status = widget.NewSelect(filterChoices(reportStatuses, reportStatusLabel), nil)
	for _, s := range []*widget.Select{p.source, p.purpose, p.status} {
		s.SetSelectedIndex(0)
	}
	p.summaries = widget.NewCheck(lang.L("One consent summary per prospect"), nil)
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.status2 = wrappedLabel("")
	p.create = primaryButton(lang.L("Create PDF…"), theme.DocumentSaveIcon(), p.onCreate)
	p.open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { openPath(g, p.lastPath) })
	p.open.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Document"), p.doc),
		widget.NewFormItem(lang.L("Collected from"), container.NewGridWithColumns(3, p.from.escEntry, widget.NewLabel(lang.L("to")), p.to.escEntry)),
		widget.NewFormItem(lang.L("Source"), p.source), widget.NewFormItem(lang.L("Purpose"), p.purpose),
		widget.NewFormItem(lang.L("Consent status"), p.status),
		widget.NewFormItem("", p.summaries), widget.NewFormItem(lang.L("Reason"), p.reason))
	p.scope = newScopeSwitch(g, nil)
	p.root = container.NewVBox(p.scope.bar, form, container.NewHBox(layoutSpacer(), p.open, p.create), p.progress, p.status2)
	return p
}

func (p *pdfPanel) filter() (pdfreport.Filter, error) {
	var f pdfreport.Filter
	for _, d := range []struct {
		field *dateField
		to    *time.Time
	}{{p.from, &f.From}, {p.to, &f.To}} {
		t, has, ok := d.field.value()
		if !ok {
			return f, errors.New(lang.L("\"{{.Value}}\" is not a date: write it like {{.Example}}.",
				map[string]any{"Value": strings.TrimSpace(d.field.Text), "Example": d.field.PlaceHolder}))
		}
		if has {
			*d.to = t
		}
	}
	f.Source, _ = chosen(p.source, consent.Sources)
	f.Purpose, _ = chosen(p.purpose, consent.Purposes)
	f.Status, _ = chosen(p.status, reportStatuses)
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
	register := p.doc.Selected == p.doc.Options[1] // by position: the labels are translated
	summaries, reason, team := p.summaries.Checked, strings.TrimSpace(p.reason.Text), p.scope.team()
	name := "warmlead-team-report.pdf"
	if register {
		name = "warmlead-register.pdf"
	}
	savePDF(g, name, func(path string, progress func(done, total int)) (usecase.Written, error) {
		uc, err := scopeApp(g, team) // the team scope: every rep's records, from the mirror
		if err != nil {
			return usecase.Written{}, err
		}
		if register { // unreadable records are left out: Verify reports them
			return uc.Documents.Register(documentLang(), reason, path)
		}
		return roomForDocument(func() (usecase.Written, error) {
			return uc.Documents.Team(usecase.TeamRequest{Filter: f, Summaries: summaries, Lang: documentLang(), Reason: reason, Path: path, Progress: progress})
		})
	}, p.progress, func(w usecase.Written, err error) {
		if err != nil {
			p.status2.SetText(errorText(err))
			return
		}
		p.lastPath = w.Path
		p.open.Show()
		p.status2.SetText(lang.L("Wrote {{.Path}} ({{.Pages}}). The export is in the audit log.", map[string]any{
			"Path": w.Path, "Pages": lang.N("{{.Count}} page", w.Pages, map[string]any{"Count": i18n.Number(w.Pages)})}) + skippedText(w.Problems))
	})
}

// documentLang is the language of the PDFs made here: the one the rep
// reads the screens in (`warmlead report` uses the settings' language).
func documentLang() string { return i18n.Current() }

// savePDF asks where to save, then has write make the document there off
// the UI goroutine, with progress (write is one Documents use case: it
// writes the file and its audit entry), and reports back.
func savePDF(g *GUI, name string, write func(path string, progress func(done, total int)) (usecase.Written, error),
	bar *widget.ProgressBar, done func(usecase.Written, error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		// The use case writes the file itself, private to the rep (0600);
		// the dialog's writer only chose it.
		path := w.URI().Path()
		w.Close()
		var written usecase.Written
		if bar != nil {
			bar.SetValue(0)
			bar.Show()
		}
		g.background(func() error {
			var err error
			written, err = write(path, func(n, total int) {
				if bar != nil {
					g.ui(func() { bar.SetValue(float64(n) / float64(max(total, 1))) })
				}
			})
			return err
		}, func(err error) {
			if bar != nil {
				bar.Hide()
			}
			done(written, err)
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
