package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/consent/csvin"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// previewRows is how many rows the mapping screen reads through the mapping.
const previewRows = 5

// csvFieldLabels name the fields a CSV column can be mapped to (keys of
// lang.L); a consent column is named by its purpose and channel.
var csvFieldLabels = map[csvin.Field]string{
	csvin.Name:        "Name",
	csvin.FirstName:   "First name",
	csvin.MiddleName:  "Middle name",
	csvin.LastName:    "Last name",
	csvin.Company:     "Company",
	csvin.Title:       "Job title",
	csvin.Email:       "Email",
	csvin.Phone:       "Phone",
	csvin.Source:      "Source",
	csvin.Event:       "Event",
	csvin.ListVendor:  "List vendor",
	csvin.Lang:        "Language",
	csvin.ConsentTime: "Consent given at",
	csvin.ConfirmTime: "Double opt-in confirmed at",
}

// fieldLabel is a field as the mapping screen names it.
func fieldLabel(f csvin.Field) string {
	if c, ok := f.Consent(); ok {
		return lang.L("Consent: {{.Purpose}} ({{.Channel}})", map[string]any{"Purpose": i18n.Purpose(c.Purpose), "Channel": i18n.Channel(c.Channel)})
	}
	if key, ok := csvFieldLabels[f]; ok {
		return lang.L(key)
	}
	return lang.L("Ignore")
}

func (s *csvMapping) previewSize() (int, int) { return len(s.rows), 8 }

// refreshPreview reads the first rows through the mapping as the import
// will. Before a source is chosen the source cell stays empty: the preview
// must not suggest one.
func (s *csvMapping) refreshPreview() {
	t := s.file.Table
	// The file's first rows, those that cannot be read among them.
	last := previewRows + 1 // the header is row 1
	first := &csvin.Table{Header: t.Header, HeaderLine: t.HeaderLine, Sep: t.Sep}
	for _, r := range t.Rows {
		if r.Number <= last {
			first.Rows = append(first.Rows, r)
		}
	}
	for _, p := range t.Failures {
		if p.Number <= last {
			first.Failures = append(first.Failures, p)
		}
	}
	src, chosen := s.chosen()
	if !chosen {
		src = consent.SourceCard // read the rows, show no source
	}
	res := csvin.Apply(first, s.mapping(), csvin.Options{Source: src, Region: s.g.region(), DayFirst: s.g.region() != "US"})
	// What a web form's rep checks first (who, and what they ticked) comes
	// before what scrolls off to the right.
	s.rows = [][]string{{lang.L("Row"), lang.L("Name"), lang.L("Email"), lang.L("Consents"), lang.L("Source"), lang.L("Company"),
		lang.L("Job title"), lang.L("Phone")}}
	byNumber := map[int][]string{}
	var notes []string
	for _, p := range res.Failures {
		byNumber[p.Number] = []string{i18n.Number(p.Number), lang.L("not imported (see below)"), "", "", "", "", "", ""}
		notes = append(notes, asSentence(i18n.Text(p.Msg)))
	}
	for _, r := range res.Rows {
		p := r.Prospect
		source := i18n.Source(p.Source)
		if !chosen {
			source = ""
		}
		var consents []string
		for _, c := range r.Consents {
			consents = append(consents, i18n.Purpose(c.Cell.Purpose)+" ("+i18n.Channel(c.Cell.Channel)+")")
		}
		byNumber[r.Number] = []string{i18n.Number(r.Number), p.Name, p.Email, strings.Join(consents, ", "), source, p.Company, p.Title, p.Phone}
	}
	for n := 2; n <= last; n++ {
		if row, ok := byNumber[n]; ok {
			s.rows = append(s.rows, row)
		}
	}
	s.notes.SetText(strings.Join(notes, "\n"))
	s.notes.Hidden = len(notes) == 0
	s.preview.Refresh()
}

// csvRun is a CSV import under way, then its result.
type csvRun struct {
	progress *widget.ProgressBar
	dlg      *dialog.CustomDialog
	result   usecase.CSVResult
	lines    []string // the result's lines, as the result dialog lists them
	summary  *widget.Label
}

func runCSVImport(g *GUI, f *usecase.CSVFile, o usecase.CSVOptions, done func()) *csvRun {
	r := &csvRun{progress: widget.NewProgressBar()}
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Importing {{.Name}}…", map[string]any{"Name": f.Name}),
		container.NewGridWrap(fyne.NewSize(360, 40), r.progress), g.win)
	r.dlg.Show()
	uc := g.uc
	o.Progress = func(done, total int) {
		g.ui(func() { r.progress.SetValue(float64(done) / float64(max(total, 1))) })
	}
	g.background(func() error {
		var err error
		r.result, err = uc.Imports.ImportCSV(f, o)
		return err
	}, func(err error) {
		r.dlg.Hide()
		if err != nil {
			dialog.ShowError(errors.New(lang.L("Nothing was imported: {{.Error}}", map[string]any{"Error": errorText(err)})), g.win)
			return
		}
		r.showResult(g)
		if done != nil {
			done()
		}
	})
	return r
}

// showResult lists every row that failed and every row imported with
// something left out, each with its row number, under the summary.
func (r *csvRun) showResult(g *GUI) {
	s := r.result.Summary
	text := importSummaryText(s)
	if r.result.Consents > 0 {
		text += "\n" + lang.N("Recorded {{.Count}} web-form consent", r.result.Consents, map[string]any{"Count": i18n.Number(r.result.Consents)})
	}
	r.summary = widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(s.Problems) > 0 {
		r.lines = append(r.lines, lang.L("Not imported:"))
		for _, p := range s.Problems {
			r.lines = append(r.lines, csvProblemText(p))
		}
	}
	if len(r.result.Warnings) > 0 {
		r.lines = append(r.lines, lang.L("Imported, with something left out:"))
		for _, w := range r.result.Warnings {
			r.lines = append(r.lines, csvProblemText(w))
		}
	}
	list := widget.NewList(func() int { return len(r.lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(r.lines[i]) })
	dialog.ShowCustom(lang.L("Import finished"), lang.L("Close"),
		container.NewGridWrap(fyne.NewSize(760, 360), container.NewBorder(r.summary, nil, nil, nil, list)), g.win)
}

// csvProblemText is a row's problem in the language in use; a reason that
// names its row itself ("row 3 could not be read") is not prefixed again.
func csvProblemText(p store.ImportProblem) string {
	reason := p.Reason
	if p.Msg.Template != "" {
		reason = i18n.Text(p.Msg)
	}
	switch {
	case p.Number == 0:
		return lang.L("{{.File}}: {{.Reason}}", map[string]any{"File": p.File, "Reason": reason})
	case p.Msg.Data["Number"] == p.Number:
		return asSentence(reason)
	}
	return lang.L("Row {{.Number}}: {{.Reason}}", map[string]any{"Number": i18n.Number(p.Number), "Reason": reason})
}
