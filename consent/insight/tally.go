package insight

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"warmlead/consent"
)

// Tally adds records one at a time and keeps only counts: what a streaming
// pass over the store feeds (Add) and reads at the end (Figures).
type Tally struct {
	f        Filter
	n        int
	reps     map[string]bool
	attempts map[consent.Source]*Attempts
	first    FirstContact
	funnel   map[consent.Source]*FunnelRow
	intro    map[uint64]*Introducer
	months   map[time.Time]*MonthConsent
}

// NewTally starts the figures for f.
func NewTally(f Filter) *Tally {
	return &Tally{f: f, reps: map[string]bool{}, attempts: map[consent.Source]*Attempts{},
		first:  FirstContact{ByDays: make([]int, len(FirstContactBuckets))},
		funnel: map[consent.Source]*FunnelRow{}, intro: map[uint64]*Introducer{}, months: map[time.Time]*MonthConsent{}}
}

// Collector is the rep who collected r: the rep of its collection event,
// else of its first event ("" for a prospect with no ledger).
func Collector(r consent.Record) string {
	for i := range r.Events {
		if r.Events[i].Kind == consent.KindCollected {
			return r.Events[i].Rep
		}
	}
	if len(r.Events) > 0 {
		return r.Events[0].Rep
	}
	return ""
}

// Add counts r. It keeps nothing of r but counts (and the introducer's id).
func (t *Tally) Add(r consent.Record) {
	for i := range r.Events {
		e := &r.Events[i]
		if e.Rep != "" {
			t.reps[e.Rep] = true
		}
		t.month(e)
	}
	if t.f.Rep != "" && Collector(r) != t.f.Rep {
		return
	}
	collected := consent.Collected(r)
	if !t.f.in(collected) {
		return
	}
	t.n++
	src := consent.SourceOf(r)
	var (
		calls, reachedAt     int
		firstContact         time.Time
		reached, granted, ns bool
	)
	for i := range r.Events {
		e := &r.Events[i]
		switch e.Kind {
		case consent.KindCallLogged:
			calls++
			if e.Outcome == consent.OutcomeReached {
				reached = true
				if reachedAt == 0 {
					reachedAt = calls
				}
			}
			ns = ns || e.Agreed != ""
			firstContact = earliest(firstContact, e.Time)
		case consent.KindEmailGenerated:
			firstContact = earliest(firstContact, e.Time)
		case consent.KindReferralApproved:
			reached = true
		case consent.KindConsentGranted:
			granted = granted || !e.Pending
		}
	}
	if calls > 0 {
		a := t.attemptsOf(src)
		if reachedAt > 0 {
			a.Reached++
			a.CallsToReach += reachedAt
			a.ByAttempts[bucketOf(AttemptBuckets, reachedAt)]++
		} else {
			a.NeverReached++
			a.CallsUnmet += calls
		}
	}
	if firstContact.IsZero() {
		t.first.Never++
	} else {
		t.first.ByDays[bucketOf(FirstContactBuckets, max(0, t.days(collected, firstContact)))]++
	}
	row := t.funnel[src]
	if row == nil {
		row = &FunnelRow{Source: src}
		t.funnel[src] = row
	}
	row.Collected++
	row.Reached += one(reached)
	row.Granted += one(granted)
	row.NextStep += one(ns)
	t.referral(r)
}

// month counts a confirmed grant or a withdrawal in its month, when it is
// in the period and by the filter's rep.
func (t *Tally) month(e *consent.Event) {
	grant := e.Kind == consent.KindConsentGranted && !e.Pending
	if (!grant && e.Kind != consent.KindConsentWithdrawn) || !t.f.in(e.Time) || (t.f.Rep != "" && e.Rep != t.f.Rep) {
		return
	}
	m := t.monthOf(e.Time)
	if grant {
		m.Granted++
	} else {
		m.Withdrawn++
	}
}

// referral counts r for its introducer when it was referred: the
// introducer is the referral request's (else the collection event's), and
// the newest approval or decline is the answer.
func (t *Tally) referral(r consent.Record) {
	var (
		id             uint64
		referred       bool
		answer         consent.EventKind
		collectedIntro uint64
	)
	for i := range r.Events {
		e := &r.Events[i]
		switch e.Kind {
		case consent.KindCollected:
			if collectedIntro == 0 {
				collectedIntro = e.Introducer
			}
		case consent.KindReferralRequested:
			if !referred {
				id, referred = e.Introducer, true
			}
		case consent.KindReferralApproved, consent.KindReferralDeclined:
			answer = e.Kind
		}
	}
	if !referred && consent.SourceOf(r) != consent.SourceReferral {
		return
	}
	if id == 0 {
		id = collectedIntro
	}
	in := t.intro[id]
	if in == nil {
		in = &Introducer{ID: id}
		t.intro[id] = in
	}
	in.Referred++
	in.Approved += one(answer == consent.KindReferralApproved)
	in.Declined += one(answer == consent.KindReferralDeclined)
}

func (t *Tally) attemptsOf(src consent.Source) *Attempts {
	a := t.attempts[src]
	if a == nil {
		a = &Attempts{Source: src, ByAttempts: make([]int, len(AttemptBuckets))}
		t.attempts[src] = a
	}
	return a
}

func (t *Tally) monthOf(at time.Time) *MonthConsent {
	l := at.In(t.f.loc())
	k := time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, t.f.loc())
	m := t.months[k]
	if m == nil {
		m = &MonthConsent{Month: k}
		t.months[k] = m
	}
	return m
}

// days is the number of calendar days from a to b in the filter's zone.
func (t *Tally) days(a, b time.Time) int {
	day := func(x time.Time) int64 {
		l := x.In(t.f.loc())
		return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	return int(day(b) - day(a))
}

// Figures are the counts so far, in their fixed orders.
func (t *Tally) Figures() Figures {
	out := Figures{Filter: t.f, Prospects: t.n, Reps: slices.Sorted(maps.Keys(t.reps)), FirstContact: t.first}
	out.FirstContact.ByDays = slices.Clone(t.first.ByDays)
	for _, src := range slices.SortedFunc(maps.Keys(t.attempts), sourceOrder) {
		out.Attempts = append(out.Attempts, *t.attempts[src])
	}
	for _, src := range slices.SortedFunc(maps.Keys(t.funnel), sourceOrder) {
		out.Funnel = append(out.Funnel, *t.funnel[src])
	}
	for _, in := range t.intro {
		out.Referrals = append(out.Referrals, *in)
	}
	slices.SortFunc(out.Referrals, func(a, b Introducer) int {
		if a.Referred != b.Referred {
			return b.Referred - a.Referred
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out.Months = t.monthRange()
	return out
}

// monthRange lists the months from the period's first (or the first with
// data) to its last (or the last with data), empty months included.
func (t *Tally) monthRange() []MonthConsent {
	keys := slices.SortedFunc(maps.Keys(t.months), time.Time.Compare)
	var first, last time.Time
	if len(keys) > 0 {
		first, last = keys[0], keys[len(keys)-1]
	}
	if !t.f.From.IsZero() {
		first = t.monthOf(t.f.From).Month
	}
	if !t.f.To.IsZero() && (len(keys) > 0 || !first.IsZero()) {
		last = t.monthOf(t.f.end().Add(-time.Nanosecond)).Month
	}
	if first.IsZero() || last.IsZero() {
		return nil
	}
	var out []MonthConsent
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, *t.monthOf(m))
	}
	return out
}

func earliest(cur, t time.Time) time.Time {
	if cur.IsZero() || t.Before(cur) {
		return t
	}
	return cur
}

func one(b bool) int {
	if b {
		return 1
	}
	return 0
}
