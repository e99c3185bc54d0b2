package ui

import (
	"slices"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// teamProspects is the Prospects screen's team scope (the manager): every
// rep's prospects from the team mirror, with a Rep column and a rep
// filter. It only reads: each rep changes their own prospects.
type teamProspects struct {
	g      *GUI
	search *widget.Entry
	rep    *widget.Select // "All reps", then each rep seen
	reps   []string
	count  *widget.Label
	table  *widget.Table
	rows   []usecase.TeamRow
	gen    atomic.Uint64
	root   fyne.CanvasObject
}

// teamColumns are the team table's columns: who the person is and whose
// prospect they are.
var teamColumns = []struct {
	title func() string
	value func(r usecase.TeamRow) string
	width float32
}{
	{func() string { return lang.L("Name") }, func(r usecase.TeamRow) string { return r.Prospect.Name }, 220},
	{func() string { return lang.L("Company") }, func(r usecase.TeamRow) string { return r.Prospect.Company }, 180},
	{func() string { return lang.L("Email") }, func(r usecase.TeamRow) string { return r.Prospect.Email }, 240},
	{func() string { return lang.L("Phone") }, func(r usecase.TeamRow) string { return r.Prospect.Phone }, 160},
	{func() string { return lang.L("Source") }, func(r usecase.TeamRow) string { return sourceLabel(r.Prospect.Source) }, 140},
	{func() string { return lang.L("Rep") }, func(r usecase.TeamRow) string { return r.Rep }, 180},
}

func sourceLabel(s consent.Source) string {
	if s == "" {
		return ""
	}
	return i18n.Source(s)
}

func newTeamProspects(g *GUI) *teamProspects {
	t := &teamProspects{g: g}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(lang.L("Search the team's prospects"))
	t.search.OnChanged = func(string) { t.refresh() }
	t.rep = widget.NewSelect([]string{lang.L("All reps")}, nil)
	t.rep.SetSelectedIndex(0)
	t.rep.OnChanged = func(string) { t.refresh() }
	t.count = widget.NewLabel("")
	t.table = widget.NewTableWithHeaders(func() (int, int) { return len(t.rows), len(teamColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(t.rows) {
				o.(*widget.Label).SetText(teamColumns[id.Col].value(t.rows[id.Row]))
			}
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(teamColumns[id.Col].title())
		}
	}
	for i, c := range teamColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	hint := wrappedLabel(lang.L("Every rep's prospects, from the team mirror as of the last sync. Each rep changes their own."))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(t.count, t.rep), t.search)
	t.root = container.NewBorder(container.NewVBox(top, hint), nil, nil, nil, t.table)
	return t
}

func (t *teamProspects) content() fyne.CanvasObject { return t.root }

// selectedRep is the rep filter ("" for every rep).
func (t *teamProspects) selectedRep() string {
	if i := t.rep.SelectedIndex(); i > 0 && i <= len(t.reps) {
		return t.reps[i-1]
	}
	return ""
}

// refresh reads the mirror off the UI goroutine; a newer keystroke makes
// older results obsolete.
func (t *teamProspects) refresh() {
	g := t.g
	g.touch()
	gen := t.gen.Add(1)
	query, rep := t.search.Text, t.selectedRep()
	tm := teamOf(g)
	fetchLatest(g, &t.gen, gen, func() ([]usecase.TeamRow, error) { return tm.Rows(query, rep) }, func(rows []usecase.TeamRow, err error) {
		if err != nil {
			t.count.SetText(teamErrorText(err))
			return
		}
		t.rows = rows
		t.learnReps(rows)
		t.count.SetText(lang.N("{{.Count}} prospect", len(rows), map[string]any{"Count": i18n.Number(len(rows))}))
		t.table.Refresh()
	})
}

// learnReps adds the reps of rows to the filter's choices, sorted, keeping
// the choice made.
func (t *teamProspects) learnReps(rows []usecase.TeamRow) {
	reps := slices.Clone(t.reps)
	for _, r := range rows {
		if r.Rep != "" && !slices.Contains(reps, r.Rep) {
			reps = append(reps, r.Rep)
		}
	}
	if len(reps) == len(t.reps) {
		return
	}
	slices.Sort(reps)
	chosen := t.selectedRep()
	t.reps = reps
	t.rep.OnChanged = nil
	t.rep.SetOptions(append([]string{lang.L("All reps")}, reps...))
	t.rep.SetSelectedIndex(slices.Index(reps, chosen) + 1) // -1 + 1: All reps
	t.rep.OnChanged = func(string) { t.refresh() }
}
