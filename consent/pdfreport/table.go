package pdfreport

// column is one column of a table: its heading, its share of the text width
// (shares are relative: 2 is twice as wide as 1) and its alignment.
type column struct {
	title string
	share float64
	align string // "L", "C" or "R"
}

// cell is one table cell. The zero colour means the body colour. A wrap
// cell breaks into up to maxWrap lines (the last one cut with an ellipsis)
// and makes its row taller; any other cell is cut to one line.
type cell struct {
	s    string
	c    rgb
	bold bool
	mono bool
	wrap bool
}

const (
	maxWrap     = 3
	maxHeadWrap = 2
	wrapH       = 3.6 // line pitch inside a row
)

func txt(s string) cell            { return cell{s: s} }
func colored(s string, c rgb) cell { return cell{s: s, c: c} }

// table draws rows that never overflow: every cell is cut with an ellipsis
// to its column, and a row that would cross the bottom margin goes to a new
// page, under a repeat of the heading row.
type table struct {
	d      *doc
	cols   []column
	widths []float64
	titles [][]string // the headings as wrapped to their columns
	headH  float64    // the heading row's height
	rows   int
}

// newTable starts a table at the current position, with its heading row.
// It first makes sure the heading and a few rows fit on this page.
func (d *doc) newTable(cols ...column) *table {
	total := 0.0
	for _, c := range cols {
		total += c.share
	}
	t := &table{d: d, cols: cols, widths: make([]float64, len(cols))}
	for i, c := range cols {
		t.widths[i] = d.width * c.share / total
	}
	d.ensure(rowH * 3)
	t.head()
	return t
}

// head draws the heading row. A heading too wide for its column (German
// and Dutch ones are longer) wraps to a second line rather than being cut.
func (t *table) head() {
	d, p := t.d, t.d.pdf
	d.font("B", sizeTable)
	if t.titles == nil {
		t.titles = make([][]string, len(t.cols))
		for i, c := range t.cols {
			t.titles[i] = d.wrapWords(c.title, t.widths[i], maxHeadWrap)
			t.headH = max(t.headH, rowH+float64(len(t.titles[i])-1)*wrapH)
		}
	}
	d.fillColor(colHead)
	d.textColor(colAccent)
	d.drawColor(colRule)
	p.SetLineWidth(0.2)
	y0 := p.GetY()
	p.Rect(marginL, y0, d.width, t.headH, "F")
	p.Line(marginL, y0+t.headH, marginL+d.width, y0+t.headH)
	x0 := marginL
	for i, c := range t.cols {
		// Single lines sit in the middle of the row, as body cells do;
		// wrapped ones fill it.
		top := y0 + (t.headH-float64(len(t.titles[i]))*wrapH)/2
		for j, l := range t.titles[i] {
			p.SetXY(x0, top+float64(j)*wrapH)
			p.CellFormat(t.widths[i], wrapH, l, "", 0, c.align, false, 0, "")
		}
		x0 += t.widths[i]
	}
	p.SetXY(marginL, y0+t.headH)
	d.textColor(colInk)
	t.rows = 0
}

// keep moves to a new page, heading repeated, unless h millimetres are
// left: for a row and whatever must stay with it.
func (t *table) keep(h float64) {
	if t.d.room() < h {
		t.d.pdf.AddPage()
		t.head()
	}
}

// row draws one row of cells (missing cells stay empty).
func (t *table) row(cells ...cell) {
	d, p := t.d, t.d.pdf
	lines := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		if i >= len(cells) {
			continue
		}
		x := cells[i]
		t.setFont(x)
		if x.wrap {
			lines[i] = d.wrap(x.s, t.widths[i], maxWrap)
		} else {
			lines[i] = []string{d.fit(x.s, t.widths[i])}
		}
		n = max(n, len(lines[i]))
	}
	h := rowH + float64(n-1)*wrapH
	t.keep(h)
	y0 := p.GetY()
	if t.rows%2 == 1 {
		d.fillColor(colZebra)
		p.Rect(marginL, y0, d.width, h, "F")
	}
	x0 := marginL
	for i, c := range t.cols {
		if i < len(cells) {
			x := cells[i]
			t.setFont(x)
			if x.c == (rgb{}) {
				d.textColor(colInk)
			} else {
				d.textColor(x.c)
			}
			for j, l := range lines[i] {
				p.SetXY(x0, y0+(rowH-wrapH)/2+float64(j)*wrapH)
				p.CellFormat(t.widths[i], wrapH, l, "", 0, c.align, false, 0, "")
			}
		}
		x0 += t.widths[i]
	}
	p.SetXY(marginL, y0+h)
	d.textColor(colInk)
	t.rows++
}

func (t *table) setFont(x cell) {
	switch {
	case x.mono:
		t.d.mono(sizeTable - 0.5)
	case x.bold:
		t.d.font("B", sizeTable)
	default:
		t.d.font("", sizeTable)
	}
}

// end draws the closing rule under the last row.
func (t *table) end() {
	p := t.d.pdf
	t.d.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, p.GetY(), marginL+t.d.width, p.GetY())
	p.Ln(1)
}
