// Package chart draws the insight figures (consent/insight) as PNG images
// with gonum.org/v1/plot: the same pictures on the Insight screen and on the
// team report's page "What works". It imports no Fyne and writes no file;
// every word it draws is in the language asked for (texts.go), numbers,
// shares and months as consent/locale writes them.
package chart

import (
	"bytes"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/consent/locale"
)

// Options are a chart's language and size.
type Options struct {
	Lang string // en, nl, nb, sv or de; anything else: English
	// Source labels a source; nil: consent/locale's English label (the
	// screen passes its translation, the PDF its own wording).
	Source        func(consent.Source) string
	Width, Height vg.Length // the picture's size in points; zero: 16 × 9 cm
	DPI           int       // pixels per inch; zero: 96, a screen's
	// NoTitle leaves the title out of the picture, for a page that sets
	// it as text (it wraps there); Chart.Title still has it.
	NoTitle bool
}

func (o Options) size() (vg.Length, vg.Length, int) {
	w, h, dpi := o.Width, o.Height, o.DPI
	if w <= 0 || h <= 0 {
		w, h = 16*vg.Centimeter, 9*vg.Centimeter
	}
	if dpi <= 0 {
		dpi = 96
	}
	return w, h, dpi
}

func (o Options) source(s consent.Source) string {
	if o.Source != nil {
		return o.Source(s)
	}
	if l, ok := locale.Source(s); ok {
		return l
	}
	return string(s)
}

// Chart is one figure drawn: an id for tests and file names, its title as
// drawn, and the PNG.
type Chart struct {
	ID    string
	Title string
	PNG   []byte
}

// The charts' ids, in the order Render returns them.
const (
	IDAttempts     = "attempts"
	IDFirstContact = "first-contact"
	IDFunnel       = "funnel"
	IDReferrals    = "referrals"
	IDMonths       = "months"
)

// Render draws the five figures of f in the order the screen and the PDF
// show them.
func Render(f insight.Figures, o Options) ([]Chart, error) {
	w := words(o.Lang)
	var out []Chart
	for _, c := range []struct {
		id   string
		draw func(insight.Figures, Options, texts) *plot.Plot
	}{{IDAttempts, attempts}, {IDFirstContact, firstContact}, {IDFunnel, funnel}, {IDReferrals, referrals}, {IDMonths, months}} {
		p := c.draw(f, o, w)
		title := p.Title.Text
		if o.NoTitle {
			p.Title.Text = ""
		}
		png, err := encode(p, o)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{ID: c.id, Title: title, PNG: png})
	}
	return out, nil
}

// Colours: the PDF's accent, good and bad (consent/pdfreport), and a muted
// grey for what did not happen; sources take the palette in order.
var (
	colAccent = color.RGBA{22, 66, 120, 255}
	colGood   = color.RGBA{25, 125, 65, 255}
	colBad    = color.RGBA{185, 40, 40, 255}
	colMuted  = color.RGBA{160, 167, 175, 255}
	colInk    = color.RGBA{33, 37, 41, 255}
	colGrid   = color.RGBA{226, 230, 234, 255}
	palette   = []color.Color{colAccent, color.RGBA{230, 140, 30, 255}, colGood, color.RGBA{120, 80, 160, 255},
		color.RGBA{0, 150, 170, 255}, colBad, color.RGBA{150, 110, 60, 255}, color.RGBA{90, 90, 90, 255}}
)

// newPlot is a plot with the house look: a title, a y axis of whole
// people from zero, horizontal grid lines, the legend on top.
func newPlot(title, yLabel, lang string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(11)
	p.Title.TextStyle.Color = colInk
	p.Title.Padding = 6
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(8.5)
		a.Tick.Label.Font = sans(7.5)
		a.Tick.Label.Color = colInk
		a.Color, a.Tick.Color = colMuted, colMuted
	}
	p.Y.Label.Text = yLabel
	p.Y.Min = 0
	p.Y.Tick.Marker = wholeTicks{lang}
	p.Legend.Top = true
	p.Legend.TextStyle.Font = sans(8)
	p.Legend.YOffs = 2
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = colGrid
	p.Add(grid)
	return p
}

// series is one row of bars: its legend entry, a value per category, a colour.
type series struct {
	label  string
	values []float64
	color  color.Color
}

// grouped adds the series side by side within each category (stacked:
// one on top of the other) over categories named by names. Bar widths are
// in points, so they are worked out from the picture's size; the value
// axis gets room beyond the longest bar for the legend.
func grouped(p *plot.Plot, o Options, names []string, ss []series, stacked, horizontal bool) {
	if len(names) == 0 || len(ss) == 0 {
		return
	}
	w, h, _ := o.size()
	length := w - 70 // the data area, about: the canvas less the value axis and padding
	if horizontal {
		length = h - 70
	}
	slot := length / vg.Length(len(names))
	width := slot * 0.75
	if !stacked {
		width /= vg.Length(len(ss))
	}
	var below *plotter.BarChart
	top, entries := 0.0, 0
	sums := make([]float64, len(names))
	for i, s := range ss {
		b, err := plotter.NewBarChart(plotter.Values(s.values), max(width, 1))
		if err != nil {
			continue // width is positive and values finite: cannot happen
		}
		b.Color, b.LineStyle.Width, b.Horizontal = s.color, 0, horizontal
		if stacked {
			if below != nil {
				b.StackOn(below)
			}
			below = b
		} else {
			b.Offset = width * (vg.Length(i) - vg.Length(len(ss)-1)/2)
		}
		for j, v := range s.values {
			if stacked {
				sums[j] += v
				v = sums[j]
			}
			top = max(top, v)
		}
		p.Add(b)
		if s.label != "" {
			p.Legend.Add(s.label, b)
			entries++
		}
	}
	// The legend sits on top of the data area: the value axis reaches so
	// far beyond the longest bar that the legend stays clear of it.
	legend := vg.Length(entries) * p.Legend.TextStyle.Font.Size * 1.25
	if horizontal {
		p.NominalY(names...)
		rows := vg.Length(len(names))
		p.Y.Min, p.Y.Max = -0.5, float64(len(names))-0.5+float64(legend/(length/rows))
		p.X.Min, p.X.Max = 0, max(top, 1)*1.05
		return
	}
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5 // whole bars at both ends
	room := float64((h - 60 - legend) / (h - 60))
	p.Y.Max = max(top, 1) * 1.05 / max(room, 0.3)
	// Names that would run into each other are set aslant.
	var sum vg.Length
	for _, n := range names {
		sum += p.X.Tick.Label.Width(n) + 10 // and the room a reader needs between them
	}
	if sum > length {
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}
}

// sans is the charts' type: Liberation Sans, which gonum embeds, with the
// Latin, Greek and Cyrillic letters names are written in.
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// empty says so on a plot with nothing to draw.
func empty(p *plot.Plot, w texts) *plot.Plot {
	p.HideAxes()
	p.X.Label.Text, p.Y.Label.Text = "", ""
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: 0.5, Y: 0.5}}, Labels: []string{w["none"]}})
	if err == nil {
		l.TextStyle[0].Font = sans(10)
		l.TextStyle[0].Color = colMuted
		l.TextStyle[0].XAlign, l.TextStyle[0].YAlign = draw.XCenter, draw.YCenter
		p.Add(l)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	return p
}

func encode(p *plot.Plot, o Options) ([]byte, error) {
	w, h, dpi := o.size()
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// wholeTicks marks whole numbers only (counts of people have no halves),
// written as the language writes numbers.
type wholeTicks struct{ lang string }

func (w wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value == float64(int64(t.Value)) {
			if t.Label != "" {
				t.Label = locale.Number(w.lang, int(t.Value))
			}
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		out = []plot.Tick{{Value: 0, Label: "0"}}
	}
	return out
}
