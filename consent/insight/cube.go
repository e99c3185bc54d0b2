package insight

import (
	"maps"
	"slices"
	"time"

	"warmlead/consent"
)

// Cube keeps the counts of one pass over every record by collection month
// and collecting rep, and the consents by month and recording rep, so that
// every filter of whole months (this month, the last 3 or 12, all time; any
// rep) is a sum of cells, with no second pass over the store. Its size is
// months × reps cells, not the number of records.
type Cube struct {
	loc    *time.Location
	cells  map[cell]*counts
	months map[cell]*MonthConsent
	reps   map[string]bool
}

type cell struct {
	month time.Time
	rep   string
}

// NewCube starts a cube counting months in loc (nil: UTC).
func NewCube(loc *time.Location) *Cube {
	if loc == nil {
		loc = time.UTC
	}
	return &Cube{loc: loc, cells: map[cell]*counts{}, months: map[cell]*MonthConsent{}, reps: map[string]bool{}}
}

// Add counts r in its cells.
func (c *Cube) Add(r consent.Record) {
	for i := range r.Events {
		e := &r.Events[i]
		if e.Rep != "" {
			c.reps[e.Rep] = true
		}
		if counted, granted := consentEvent(e); counted {
			k := cell{monthStart(e.Time, c.loc), e.Rep}
			mc := c.months[k]
			if mc == nil {
				mc = &MonthConsent{Month: k.month}
				c.months[k] = mc
			}
			mc.count(granted)
		}
	}
	collected := consent.Collected(r)
	k := cell{monthStart(collected, c.loc), Collector(r)}
	cs := c.cells[k]
	if cs == nil {
		cs = newCounts()
		c.cells[k] = cs
	}
	cs.add(r, collected, c.loc)
}

// Answers tells whether f is made of whole months in the cube's zone: From
// zero or the first instant of a month, To zero or a month's last day (or
// the first instant of the next month), and f's zone the cube's.
func (c *Cube) Answers(f Filter) bool {
	if f.loc().String() != c.loc.String() {
		return false
	}
	whole := func(t time.Time) bool { return t.IsZero() || t.Equal(monthStart(t, c.loc)) }
	return whole(f.From) && whole(PeriodEnd(f.To))
}

// Figures sums the cells f selects; false when f is not made of whole
// months (Answers), which a Tally must count instead.
func (c *Cube) Figures(f Filter) (Figures, bool) {
	if !c.Answers(f) {
		return Figures{}, false
	}
	out := Figures{Filter: f, Reps: slices.Sorted(maps.Keys(c.reps))}
	sum := newCounts()
	for k, cs := range c.cells {
		if f.in(k.month) && (f.Rep == "" || k.rep == f.Rep) {
			sum.merge(cs)
		}
	}
	sum.figures(&out)
	have := map[time.Time]*MonthConsent{}
	for k, mc := range c.months {
		if f.in(k.month) && (f.Rep == "" || k.rep == f.Rep) {
			h := have[k.month]
			if h == nil {
				h = &MonthConsent{Month: k.month}
				have[k.month] = h
			}
			h.Granted += mc.Granted
			h.Withdrawn += mc.Withdrawn
		}
	}
	first, last := f.months()
	out.Months = monthRange(have, first, last)
	return out, true
}
