package insight

import (
	"maps"
	"slices"
	"time"

	"warmlead/consent"
)

// Tally adds records one at a time for one filter and keeps only counts:
// what a streaming pass over the store feeds (Add) and reads at the end
// (Figures). A filter of whole months is answered by a Cube without a
// pass of its own.
type Tally struct {
	f      Filter
	c      *counts
	reps   map[string]bool
	months map[time.Time]*MonthConsent
}

// NewTally starts the figures for f.
func NewTally(f Filter) *Tally {
	return &Tally{f: f, c: newCounts(), reps: map[string]bool{}, months: map[time.Time]*MonthConsent{}}
}

// Add counts r.
func (t *Tally) Add(r consent.Record) {
	loc := t.f.loc()
	for i := range r.Events {
		e := &r.Events[i]
		if e.Rep != "" {
			t.reps[e.Rep] = true
		}
		if counted, granted := consentEvent(e); counted && t.f.in(e.Time) && (t.f.Rep == "" || e.Rep == t.f.Rep) {
			addMonth(t.months, monthStart(e.Time, loc), granted)
		}
	}
	if t.f.Rep != "" && Collector(r) != t.f.Rep {
		return
	}
	if collected := consent.Collected(r); t.f.in(collected) {
		t.c.add(r, collected, loc)
	}
}

// Figures are the counts so far, in their fixed orders. The per-month
// figure runs from the period's first month (or the first with data) to
// its last (or the last with data).
func (t *Tally) Figures() Figures {
	out := Figures{Filter: t.f, Reps: slices.Sorted(maps.Keys(t.reps))}
	t.c.figures(&out)
	first, last := t.f.months()
	out.Months = monthRange(t.months, first, last)
	return out
}

func addMonth(ms map[time.Time]*MonthConsent, m time.Time, granted bool) {
	mc := ms[m]
	if mc == nil {
		mc = &MonthConsent{Month: m}
		ms[m] = mc
	}
	mc.count(granted)
}

// count adds a grant or a withdrawal.
func (mc *MonthConsent) count(granted bool) {
	if granted {
		mc.Granted++
	} else {
		mc.Withdrawn++
	}
}
