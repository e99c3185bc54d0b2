package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// tableColumn is one column of the prospects table. Team mode adds an
// owner column as one more entry here (its value from the row's owner, its
// sort from the store): nothing else in the table counts columns.
type tableColumn struct {
	title     func() string
	sort      store.SortColumn
	width     float32 // default width
	descFirst bool    // the first click sorts newest first (dates)
	value     func(r tableRow) string
}

// tableRow is what one row shows: the prospect from the index and the
// facts from the ledger summary (both in memory, no decryption).
type tableRow struct {
	p     consent.Prospect
	facts store.RowFacts
	known bool // the ledgers were read: consent, last contact and next step are true
}

var prospectColumns = []tableColumn{
	{func() string { return lang.L("Name") }, store.SortName, 180, false, func(r tableRow) string { return r.p.Name }},
	{func() string { return lang.L("Company") }, store.SortCompany, 150, false, func(r tableRow) string { return r.p.Company }},
	{func() string { return lang.L("Job title") }, store.SortTitle, 130, false, func(r tableRow) string { return r.p.Title }},
	{func() string { return lang.L("Email") }, store.SortEmail, 180, false, func(r tableRow) string { return r.p.Email }},
	{func() string { return lang.L("Phone") }, store.SortPhone, 130, false, func(r tableRow) string { return consent.FormatPhone(r.p.Phone) }},
	{func() string { return lang.L("Source") }, store.SortSource, 120, false, func(r tableRow) string { return i18n.Source(r.p.Source) }},
	{func() string { return lang.L("Consent") }, store.SortConsent, 120, false, consentCell},
	{func() string { return lang.L("Last contact") }, store.SortLastContact, 125, true, lastContactCell},
	{func() string { return lang.L("Next step") }, store.SortNextStep, 150, false, nextStepCell},
}

func consentCell(r tableRow) string {
	if !r.known {
		return "…"
	}
	s := map[store.RowConsent]string{store.RowConsented: lang.L("Has a consent"), store.RowNoConsent: lang.L("No consent"),
		store.RowWithdrawn: lang.L("Withdrawn"), store.RowObjected: lang.L("Objected")}[r.facts.Consent]
	if r.facts.DoNotCall {
		s = joinNonEmpty(" · ", s, lang.L("Do-not-call"))
	}
	return s
}

func lastContactCell(r tableRow) string {
	switch {
	case !r.known:
		return "…"
	case r.facts.LastContact.IsZero():
		return lang.L("Never")
	}
	return i18n.Date(r.facts.LastContact)
}

func nextStepCell(r tableRow) string {
	switch {
	case !r.known:
		return "…"
	case r.facts.NoticeOwed:
		return lang.L("Send the Art. 14 notice")
	case !r.facts.Callback.IsZero():
		return lang.L("Call back {{.When}}", map[string]any{"When": i18n.DateTime(r.facts.Callback)})
	}
	return ""
}

// prospectTable is the list of prospects as a table. It keeps the Table's
// scrolling, focus and column dividers and takes over the keys and
// shortcuts: arrows move the selection, Enter opens, Ctrl+A selects the
// filtered list (prospects_select.go).
type prospectTable struct {
	widget.Table
	p *prospectsScreen
}

func newProspectTable(p *prospectsScreen) *prospectTable {
	t := &prospectTable{p: p}
	t.Length = func() (int, int) { return len(p.results), len(prospectColumns) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), l)
	}
	t.UpdateCell = p.updateCell
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(p) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { o.(*headerCell).set(id.Col) }
	t.OnSelected = p.onCellSelected
	t.ExtendBaseWidget(t)
	return t
}

// Select selects row i as a plain click would (tests and callers that
// think in rows: the table's own Select takes a cell).
func (t *prospectTable) Select(i int) { t.Table.Select(widget.TableCellID{Row: i}) }

// UnselectAll drops the rep's selection.
func (t *prospectTable) UnselectAll() { t.p.clearSelection() }

// Refresh draws the table again from the read model (the row cache goes).
func (t *prospectTable) Refresh() {
	t.p.cached = tableRow{}
	t.Table.Refresh()
}

// row reads what row i shows. The table updates a row's cells one after
// the other, so the last row read is kept: one index lookup per row, not
// one per cell.
func (p *prospectsScreen) row(i int) (tableRow, bool) {
	if i < 0 || i >= len(p.results) {
		return tableRow{}, false
	}
	id := p.results[i]
	if p.cached.p.ID == id && id != 0 {
		return p.cached, true
	}
	pr, ok := p.g.db.Index().Cached(id)
	if !ok {
		return tableRow{}, false
	}
	f, known := p.g.db.Index().Facts(id, p.now())
	p.cached = tableRow{pr, f, known}
	return p.cached, true
}

func (p *prospectsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg, l := box.Objects[0].(*canvas.Rectangle), box.Objects[1].(*widget.Label)
	r, ok := p.row(id.Row)
	if !ok || id.Col >= len(prospectColumns) {
		l.SetText("")
		bg.Hide()
		return
	}
	l.TextStyle.Bold = id.Col == 0
	l.SetText(prospectColumns[id.Col].value(r))
	if p.isSelected(r.p.ID) {
		bg.Show()
	} else {
		bg.Hide()
	}
}

// headerCell is a column title with the sort arrow; tapping sorts by it,
// dragging its right edge resizes the column (remembered).
type headerCell struct {
	widget.BaseWidget
	p      *prospectsScreen
	col    int
	label  *widget.Label
	handle *resizeHandle
}

func newHeaderCell(p *prospectsScreen) *headerCell {
	h := &headerCell{p: p, label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.handle = &resizeHandle{h: h}
	h.handle.ExtendBaseWidget(h.handle)
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) set(col int) {
	h.col = col
	if col < 0 || col >= len(prospectColumns) {
		h.label.SetText("")
		return
	}
	text := prospectColumns[col].title()
	if col == h.p.sortCol {
		if h.p.sortDesc {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	h.label.SetText(text)
}

func (h *headerCell) Tapped(*fyne.PointEvent) { h.p.onHeaderTapped(h.col) }

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.handle, h.label))
}

// resizeHandle is the right edge of a header: drag it to resize.
type resizeHandle struct {
	widget.BaseWidget
	h     *headerCell
	start float32
	moved float32
}

func (r *resizeHandle) CreateRenderer() fyne.WidgetRenderer {
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	line.SetMinSize(fyne.NewSize(3, 1))
	return widget.NewSimpleRenderer(container.NewPadded(line))
}

func (r *resizeHandle) Cursor() desktop.Cursor { return desktop.HResizeCursor }

func (r *resizeHandle) Dragged(e *fyne.DragEvent) {
	p := r.h.p
	if r.moved == 0 && r.start == 0 {
		r.start = p.widths[r.h.col]
	}
	r.moved += e.Dragged.DX
	p.setColumnWidth(r.h.col, r.start+r.moved)
}

func (r *resizeHandle) DragEnd() {
	r.start, r.moved = 0, 0
	r.h.p.saveWidths()
}
