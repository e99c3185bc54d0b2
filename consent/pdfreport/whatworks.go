package pdfreport

import (
	"bytes"
	"io"

	"github.com/jung-kurt/gofpdf"
	"gonum.org/v1/plot/vg"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/consent/insight/chart"
)

// TeamSelectedWithInsight is TeamSelected with the page "What works": the
// insight charts (consent/insight/chart, the pictures the Insight screen
// shows) of works, after the prospects table and before any summary. The
// caller computes works in the same streaming pass that selects sel.
func TeamSelectedWithInsight(w io.Writer, sel []consent.Record, all int, f Filter, m Meta, withSummaries bool, progress func(done, total int), works insight.Figures) error {
	d := newDoc(m)
	d.works = &works
	d.team(sel, all, f, withSummaries, progress)
	return d.finish(w)
}

// The page's grid: two columns of charts, three rows.
const (
	worksGap    = 6.0                                      // mm between the columns
	worksChartW = (210 - marginL - marginR - worksGap) / 2 // mm, A4 less the margins
	worksChartH = 60.0                                     // mm
	worksDPI    = 200                                      // sharp in print, about 160 KB a chart
)

// whatWorks draws the page when the document has figures; a chart that
// cannot be drawn leaves its title and a note, never a failed report.
func (d *doc) whatWorks() {
	if d.works == nil {
		return
	}
	p := d.pdf
	p.AddPage()
	d.title(d.t("works.title"), d.tf("works.subtitle", d.num(d.works.Prospects)))
	d.para(d.t("works.note"), colMuted)
	p.Ln(2)
	if d.works.Empty() {
		d.para(d.t("works.none"), colMuted)
		return
	}
	charts, err := chart.Render(*d.works, chart.Options{Lang: d.lang, NoTitle: true, DPI: worksDPI,
		Source: func(s consent.Source) string { return d.word("source", string(s)) },
		Width:  vg.Length(worksChartW) * vg.Millimeter, Height: vg.Length(worksChartH) * vg.Millimeter})
	if err != nil {
		d.para(d.t("works.failed"), colBad)
		return
	}
	top := p.GetY()
	const titleH = 9.0 // two lines of the chart's title
	for i, c := range charts {
		x := marginL + float64(i%2)*(worksChartW+worksGap)
		y := top + float64(i/2)*(titleH+worksChartH+3)
		p.SetXY(x, y)
		d.font("B", sizeBody)
		d.textColor(colInk)
		p.MultiCell(worksChartW, lineH, clean(c.Title), "", "L", false)
		name := "insight-" + c.ID
		p.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(c.PNG))
		p.ImageOptions(name, x, y+titleH, worksChartW, worksChartH, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	p.SetXY(marginL, top+3*(titleH+worksChartH+3))
}
