package ui

import (
	"bytes"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent/insight/chart"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// insightScreen shows what works, as charts to look at rather than tables
// to read (issue 16): the figures of usecase.Insight over a period and,
// when the data has more than one rep, for one of them. Figures and
// pictures are made off the UI goroutine; the screen paints its filters and
// a "computing" line at once, and the charts when they are ready.
type insightScreen struct {
	g        *GUI
	period   *widget.RadioGroup
	rep      *widget.Select
	status   *widget.Label
	busy     *widget.ProgressBarInfinite
	grid     *fyne.Container // the charts, two to a row
	body     *fyne.Container // the grid, or the empty state
	empty    fyne.CanvasObject
	root     fyne.CanvasObject
	gen      int      // the latest computation; older results are dropped
	reps     []string // the reps of the last result
	last     usecase.InsightResult
	charts   []chart.Chart
	computed int // results shown, for tests
}

// The period choices, by how far back they reach in calendar months (0:
// all time); the labels are functions so each lang.L key is a literal.
var insightPeriods = []struct {
	months int
	label  func() string
}{
	{1, func() string { return lang.L("This month") }},
	{3, func() string { return lang.L("Last 3 months") }},
	{12, func() string { return lang.L("Last 12 months") }},
	{0, func() string { return lang.L("All time") }},
}

// One chart on screen is insightChartW × insightChartH in Fyne's units
// (pixels at scale 1): two side by side fit the default 1100 × 720 window
// beside the sidebar. It is laid out as insightChartPt points wide, so its
// 7.5-point labels show at about 10 pixels, and drawn at 2.4 times the
// pixels it shows at (sharp on a high-density screen).
const (
	insightChartW, insightChartH = 420, 236
	insightChartPt               = 320
)

// insightChartDPI is a variable for the tests, which draw coarse charts
// (the race detector makes drawing sharp ones take seconds).
var insightChartDPI = 12 * insightChartW * 72 / insightChartPt / 5

func newInsightScreen(g *GUI) *insightScreen {
	s := &insightScreen{g: g, status: widget.NewLabel(""), busy: widget.NewProgressBarInfinite()}
	var labels []string
	for _, p := range insightPeriods {
		labels = append(labels, p.label())
	}
	s.period = widget.NewRadioGroup(labels, func(string) { s.refresh() })
	s.period.Horizontal = true
	s.period.Required = true
	s.period.Selected = insightPeriods[2].label() // a year: enough to see a trend, short enough to be now
	s.rep = widget.NewSelect(nil, func(string) { s.refresh() })
	s.rep.Hide()
	s.busy.Hide()
	s.grid = container.NewGridWithColumns(2)
	s.empty = emptyState(theme.InfoIcon(), lang.L("Nothing to show for this period"),
		lang.L("Collect people, log your calls and record consents: this screen then shows what works for you, such as how many calls it takes to reach someone, how soon you follow up, and which sources and introducers bring results."))
	s.body = container.NewStack()
	top := container.NewVBox(heading(lang.L("Insight")), container.NewHBox(s.period, s.rep), container.NewBorder(nil, nil, nil, nil, s.status), s.busy)
	s.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.body))
	return s
}

func (s *insightScreen) content() fyne.CanvasObject { return s.root }

// request is the figures the filters ask for, at now.
func (s *insightScreen) request(now time.Time) usecase.InsightRequest {
	var req usecase.InsightRequest
	for _, p := range insightPeriods {
		if p.label() == s.period.Selected && p.months > 0 {
			y, m, _ := now.Date()
			req.From = time.Date(y, m-time.Month(p.months-1), 1, 0, 0, 0, 0, now.Location())
		}
	}
	if s.rep.Visible() && s.rep.SelectedIndex() > 0 {
		req.Rep = s.rep.Selected
	}
	return req
}

// refresh computes the figures and draws the charts in the background; a
// filter changed meanwhile starts a newer computation, and the older
// result is dropped when it arrives.
func (s *insightScreen) refresh() {
	g := s.g
	if g.uc == nil {
		return
	}
	s.gen++
	gen, req := s.gen, s.request(time.Now())
	s.status.SetText(lang.L("Computing the figures…"))
	s.busy.Show()
	opts := chart.Options{Lang: i18n.Current(), Source: i18n.Source, Width: insightChartPt,
		Height: insightChartPt * insightChartH / insightChartW, DPI: insightChartDPI}
	var (
		res    usecase.InsightResult
		charts []chart.Chart
	)
	g.background(func() error {
		var err error
		if res, err = g.uc.Insight.Figures(req); err != nil {
			return err
		}
		charts, err = chart.Render(res.Figures, opts)
		return err
	}, func(err error) {
		if gen != s.gen {
			return
		}
		s.busy.Hide()
		if err != nil {
			s.status.SetText("")
			g.showError(err)
			return
		}
		s.show(res, charts)
	})
}

// show puts a result on screen.
func (s *insightScreen) show(res usecase.InsightResult, charts []chart.Chart) {
	s.last, s.charts = res, charts
	s.computed++
	s.setReps(res.Reps)
	text := lang.N("{{.Count}} person collected in this period", res.Prospects, map[string]any{"Count": i18n.Number(res.Prospects)})
	if n := len(res.Problems); n > 0 {
		text += " · " + lang.N("{{.Count}} prospect could not be read and is left out", n, map[string]any{"Count": i18n.Number(n)})
	}
	s.status.SetText(text)
	if res.Empty() {
		s.body.Objects = []fyne.CanvasObject{s.empty}
		s.body.Refresh()
		return
	}
	s.grid.Objects = s.grid.Objects[:0]
	for _, c := range charts {
		img := canvas.NewImageFromReader(bytes.NewReader(c.PNG), c.ID+".png")
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(insightChartW, insightChartH))
		s.grid.Objects = append(s.grid.Objects, img)
	}
	s.body.Objects = []fyne.CanvasObject{s.grid}
	s.body.Refresh()
}

// setReps offers the rep filter only when the data has more than one rep
// (in team mode); "all reps" comes first and stays the default.
func (s *insightScreen) setReps(reps []string) {
	if len(reps) <= 1 {
		s.rep.Hide()
		return
	}
	if !slices.Equal(reps, s.reps) {
		s.reps = reps
		sel := s.rep.Selected
		s.rep.OnChanged = nil // setting the options must not compute again
		s.rep.SetOptions(append([]string{lang.L("All reps")}, reps...))
		if sel == "" || !slices.Contains(reps, sel) {
			sel = lang.L("All reps")
		}
		s.rep.SetSelected(sel)
		s.rep.OnChanged = func(string) { s.refresh() }
	}
	s.rep.Show()
}
