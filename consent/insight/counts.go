package insight

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"warmlead/consent"
)

// counts are the per-person figures of a set of prospects (a cohort): the
// attempts, the first contact, the funnel and the referrals. They add up,
// so a cohort's counts are the merge of its parts (Cube).
type counts struct {
	n        int
	attempts map[consent.Source]*Attempts
	first    FirstContact
	funnel   map[consent.Source]*FunnelRow
	intro    map[uint64]*Introducer
}

func newCounts() *counts {
	return &counts{attempts: map[consent.Source]*Attempts{}, first: FirstContact{ByDays: make([]int, len(FirstContactBuckets))},
		funnel: map[consent.Source]*FunnelRow{}, intro: map[uint64]*Introducer{}}
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

// add counts one person, collected at collected; days are counted on the
// calendar of loc. Nothing of r is kept but counts (and an introducer's id).
func (c *counts) add(r consent.Record, collected time.Time, loc *time.Location) {
	c.n++
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
		a := c.attemptsOf(src)
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
		c.first.Never++
	} else {
		c.first.ByDays[bucketOf(FirstContactBuckets, max(0, days(collected, firstContact, loc)))]++
	}
	row := c.rowOf(src)
	row.Collected++
	row.Reached += one(reached)
	row.Granted += one(granted)
	row.NextStep += one(ns)
	c.referral(r)
}

// referral counts r for its introducer when it was referred: the
// introducer is the referral request's (else the collection event's), and
// the newest approval or decline is the answer.
func (c *counts) referral(r consent.Record) {
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
	in := c.introOf(id)
	in.Referred++
	in.Approved += one(answer == consent.KindReferralApproved)
	in.Declined += one(answer == consent.KindReferralDeclined)
}

// merge adds o's counts to c.
func (c *counts) merge(o *counts) {
	c.n += o.n
	for src, a := range o.attempts {
		c.attemptsOf(src).add(*a)
	}
	for i, n := range o.first.ByDays {
		c.first.ByDays[i] += n
	}
	c.first.Never += o.first.Never
	for src, r := range o.funnel {
		c.rowOf(src).add(*r)
	}
	for id, in := range o.intro {
		t := c.introOf(id)
		t.Referred += in.Referred
		t.Approved += in.Approved
		t.Declined += in.Declined
	}
}

// figures sets f's per-person figures from c, in their fixed orders.
func (c *counts) figures(f *Figures) {
	f.Prospects = c.n
	f.FirstContact = FirstContact{ByDays: slices.Clone(c.first.ByDays), Never: c.first.Never}
	f.Attempts, f.Funnel, f.Referrals = nil, nil, nil
	for _, src := range slices.SortedFunc(maps.Keys(c.attempts), sourceOrder) {
		a := *c.attempts[src]
		a.ByAttempts = slices.Clone(a.ByAttempts)
		f.Attempts = append(f.Attempts, a)
	}
	for _, src := range slices.SortedFunc(maps.Keys(c.funnel), sourceOrder) {
		f.Funnel = append(f.Funnel, *c.funnel[src])
	}
	for _, in := range c.intro {
		f.Referrals = append(f.Referrals, *in)
	}
	slices.SortFunc(f.Referrals, func(a, b Introducer) int {
		if a.Referred != b.Referred {
			return b.Referred - a.Referred
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

func (c *counts) attemptsOf(src consent.Source) *Attempts {
	a := c.attempts[src]
	if a == nil {
		a = &Attempts{Source: src, ByAttempts: make([]int, len(AttemptBuckets))}
		c.attempts[src] = a
	}
	return a
}

func (c *counts) rowOf(src consent.Source) *FunnelRow {
	r := c.funnel[src]
	if r == nil {
		r = &FunnelRow{Source: src}
		c.funnel[src] = r
	}
	return r
}

func (c *counts) introOf(id uint64) *Introducer {
	in := c.intro[id]
	if in == nil {
		in = &Introducer{ID: id}
		c.intro[id] = in
	}
	return in
}

// consentEvent tells whether e counts in the per-month figure: a confirmed
// grant (granted true) or a withdrawal.
func consentEvent(e *consent.Event) (counted, granted bool) {
	granted = e.Kind == consent.KindConsentGranted && !e.Pending
	return granted || e.Kind == consent.KindConsentWithdrawn, granted
}

// monthStart is the first instant of t's month in loc.
func monthStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, loc)
}

// days is the number of calendar days from a to b in loc.
func days(a, b time.Time, loc *time.Location) int {
	day := func(x time.Time) int64 {
		l := x.In(loc)
		return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	return int(day(b) - day(a))
}

// monthRange lists per month the counts of have, from first to last (zero
// ends: the first or last month that has data), empty months included.
func monthRange(have map[time.Time]*MonthConsent, first, last time.Time) []MonthConsent {
	keys := slices.SortedFunc(maps.Keys(have), time.Time.Compare)
	if len(keys) > 0 {
		if first.IsZero() {
			first = keys[0]
		}
		if last.IsZero() {
			last = keys[len(keys)-1]
		}
	}
	if first.IsZero() || last.IsZero() {
		return nil
	}
	var out []MonthConsent
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		mc := MonthConsent{Month: m}
		if h := have[m]; h != nil {
			mc.Granted, mc.Withdrawn = h.Granted, h.Withdrawn
		}
		out = append(out, mc)
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
