package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/consent/csvin"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// csvMapping is the CSV import's mapping screen: each column with a field
// to map it to (guessed from its header), what the first rows give through
// that mapping, and where the rows come from, which the rep must answer
// (no answer is preselected). Import checks the answers (usecase.CheckCSV)
// and runs the import off the UI goroutine.
type csvMapping struct {
	g       *GUI
	file    *usecase.CSVFile
	fields  []csvin.Field    // what a column's select offers, in order
	selects []*widget.Select // one per column, in column order
	source  *widget.Select
	sources []csvSource
	vendor  *escEntry
	event   *escEntry
	preview *widget.Table
	rows    [][]string    // the preview's cells, header first
	notes   *widget.Label // why previewed rows will not import
	problem *widget.Label
	submit  *widget.Button
	dlg     *dialog.CustomDialog
	done    func()
	run     *csvRun // the import, once started
}

// csvSource is one answer to "where do these rows come from?".
type csvSource struct {
	label  string
	source consent.Source // "": the file's source column
}

// showCSVImport reads a CSV file off the UI goroutine, then shows its
// mapping screen (or why it cannot be read).
func showCSVImport(g *GUI, path string, done func()) {
	var f *usecase.CSVFile
	g.background(func() error {
		var err error
		f, err = usecase.ReadCSV(path)
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(errors.New(lang.L("Nothing was imported: {{.Error}}", map[string]any{"Error": errorText(err)})), g.win)
			return
		}
		newCSVMapping(g, f, done).dlg.Show()
	})
}

func newCSVMapping(g *GUI, f *usecase.CSVFile, done func()) *csvMapping {
	s := &csvMapping{g: g, file: f, done: done, fields: append([]csvin.Field{csvin.Ignore}, append(csvin.Fields, csvin.ConsentFields()...)...)}
	labels := make([]string, len(s.fields))
	for i, fl := range s.fields {
		labels[i] = fieldLabel(fl)
	}
	grid := container.NewVBox()
	for i, h := range f.Table.Header {
		sel := widget.NewSelect(labels, func(string) { s.onMappingChanged() })
		sel.SetSelectedIndex(slices.Index(s.fields, f.Mapping[i]))
		s.selects = append(s.selects, sel)
		head := widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Truncation = fyne.TextTruncateEllipsis
		sample := widget.NewLabel(s.sample(i))
		sample.Truncation = fyne.TextTruncateEllipsis
		grid.Add(container.New(shareLayout{0.28, 0.47, 0.25}, head, sel, sample))
	}
	s.vendor, s.event = newEscEntry(g, false), newEscEntry(g, false)
	s.vendor.SetPlaceHolder(lang.L("Who sold or rented the list"))
	s.event.SetPlaceHolder(lang.L("Trade fair or meeting (optional)"))
	s.event.SetText(g.lastEvent)
	s.source = widget.NewSelect(nil, func(string) { s.onSourceChanged() })
	s.source.PlaceHolder = lang.L("Where do these rows come from?")
	s.preview = widget.NewTable(s.previewSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(s.rows[id.Row][id.Col])
		l.TextStyle.Bold = id.Row == 0
	})
	for col, w := range []float32{56, 160, 190, 200, 110, 140, 120, 140} {
		s.preview.SetColumnWidth(col, w)
	}
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.submit = widget.NewButton(lang.L("Import"), s.onImport)
	s.submit.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { s.dlg.Hide() })

	t := f.Table
	info := widget.NewLabel(lang.L("{{.File}}: {{.Rows}} rows, {{.Failed}} that cannot be read ({{.Encoding}}, separated by {{.Sep}})", map[string]any{
		"File": f.Name, "Rows": i18n.Number(len(t.Rows)), "Failed": i18n.Number(len(t.Failures)), "Encoding": t.Encoding, "Sep": sepLabel(t.Sep)}))
	info.Truncation = fyne.TextTruncateEllipsis
	answers := widget.NewForm(widget.NewFormItem(lang.L("Source"), s.source),
		widget.NewFormItem(lang.L("List vendor"), s.vendor), widget.NewFormItem(lang.L("Event"), s.event))
	left := container.NewBorder(widget.NewLabelWithStyle(lang.L("Columns"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(grid))
	s.notes = wrappedLabel("")
	right := container.NewBorder(container.NewVBox(answers, widget.NewLabelWithStyle(lang.L("What the first rows give"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), s.notes, nil, nil, s.preview)
	split := container.NewHSplit(left, right)
	split.Offset = 0.44
	body := container.NewBorder(info, container.NewBorder(nil, nil, nil, container.NewHBox(cancel, s.submit), s.problem), nil, nil, split)
	size := fyne.NewSize(1240, 640)
	if cs := g.win.Canvas().Size(); cs.Width > 200 {
		size = fyne.NewSize(min(size.Width, cs.Width-60), min(size.Height, cs.Height-140))
	}
	s.dlg = dialog.NewCustomWithoutButtons(lang.L("Import CSV"), container.NewGridWrap(size, body), g.win)
	s.onMappingChanged()
	return s
}

// sample is the column's value in the first row, so the rep sees what
// the column holds beside what it is mapped to.
func (s *csvMapping) sample(col int) string {
	if len(s.file.Table.Rows) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(s.file.Table.Rows[0].Fields[col]), " ")
}

// mapping is the mapping the selects show.
func (s *csvMapping) mapping() csvin.Mapping {
	m := make(csvin.Mapping, len(s.selects))
	for i, sel := range s.selects {
		if j := sel.SelectedIndex(); j >= 0 {
			m[i] = s.fields[j]
		}
	}
	return m
}

// chosen is the source the rep chose, and whether they chose one.
func (s *csvMapping) chosen() (consent.Source, bool) {
	i := s.source.SelectedIndex()
	if i < 0 || i >= len(s.sources) {
		return "", false
	}
	return s.sources[i].source, true
}

// onMappingChanged offers the file's source column as an answer while a
// column is mapped to it, and redraws the preview.
func (s *csvMapping) onMappingChanged() {
	if s.source == nil {
		return // still building
	}
	was, wasChosen := s.chosen()
	s.sources = []csvSource{
		{lang.L("A bought or rented list"), consent.SourceList},
		{lang.L("Our customers"), consent.SourceCustomer},
		{lang.L("A web form (inbound leads)"), consent.SourceInbound},
		{lang.L("Cards swapped at an event or meeting"), consent.SourceCard},
		{lang.L("Cold calls"), consent.SourceColdCall},
		{lang.L("LinkedIn or Xing connections"), consent.SourceSocial},
	}
	if s.mapping().Has(csvin.Source) {
		s.sources = append(s.sources, csvSource{lang.L("As the file's source column says"), ""})
	}
	labels := make([]string, len(s.sources))
	at := -1
	for i, c := range s.sources {
		labels[i] = c.label
		if wasChosen && c.source == was {
			at = i
		}
	}
	s.source.SetOptions(labels)
	if at >= 0 {
		s.source.SetSelectedIndex(at)
	} else {
		s.source.ClearSelected() // nothing claims more than the rep chose
	}
	s.onSourceChanged()
}

func (s *csvMapping) onSourceChanged() {
	if s.preview == nil {
		return
	}
	src, ok := s.chosen()
	if src == consent.SourceList {
		s.vendor.Enable()
	} else {
		s.vendor.Disable()
	}
	if ok {
		s.submit.Enable()
	} else {
		s.submit.Disable()
	}
	s.problem.SetText("")
	s.refreshPreview()
}

// options are the rep's answers as the use case takes them.
func (s *csvMapping) options() usecase.CSVOptions {
	src, _ := s.chosen()
	o := usecase.CSVOptions{Mapping: s.mapping(), Source: src, Event: strings.TrimSpace(s.event.Text)}
	if src == consent.SourceList {
		o.Vendor = strings.TrimSpace(s.vendor.Text)
	}
	return o
}

func (s *csvMapping) onImport() {
	s.g.touch()
	if _, ok := s.chosen(); !ok {
		s.problem.SetText(lang.L("Choose where the rows come from."))
		return
	}
	o := s.options()
	if err := usecase.CheckCSV(o); err != nil {
		s.problem.SetText(asSentence(errorText(err)))
		return
	}
	s.g.lastEvent = o.Event
	s.dlg.Hide()
	s.run = runCSVImport(s.g, s.file, o, s.done)
}

// sepLabels name the separators a CSV file may use (keys of lang.L).
var sepLabels = map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs", '|': "vertical bars"}

func sepLabel(r rune) string {
	if key, ok := sepLabels[r]; ok {
		return lang.L(key)
	}
	return lang.L("commas")
}

// csvExtensions are the files the CSV file dialog offers.
var csvExtensions = []string{".csv", ".CSV", ".tsv", ".txt"}

// chooseCSVButton is the import dialog's "Choose a CSV file…": hide closes
// that dialog, then a .csv file chosen opens the mapping screen.
func chooseCSVButton(g *GUI, hide, done func()) *widget.Button {
	return widget.NewButton(lang.L("Choose a CSV file…"), func() {
		hide()
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			showCSVImport(g, r.URI().Path(), done)
		}, g.win)
		d.SetFilter(storage.NewExtensionFileFilter(csvExtensions))
		d.Show()
	})
}

// shareLayout gives each object its share of the width (a column's header,
// its field, its first value), so a long field name is not cut to fit a
// third.
type shareLayout []float32

func (l shareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := size.Width * l[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w-theme.Padding(), size.Height))
		x += w
	}
}

func (l shareLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width + theme.Padding()
		s.Height = max(s.Height, m.Height)
	}
	return s
}
