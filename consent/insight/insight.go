// Package insight computes what works from the ledgers: how many calls it
// takes to reach a person, how soon people are first contacted, how far each
// source gets through the funnel, how well each introducer's referrals are
// approved, and consents granted and withdrawn per month (issue 16).
//
// It is pure Go over consent.Record values and streams: a Tally takes one
// record at a time and keeps counts, never the records, so a pass over
// 100,000 prospects needs the memory of one ledger. Where the records come
// from (the rep's store, a manager's team mirror) is the caller's business.
package insight

import (
	"cmp"
	"math"
	"slices"
	"time"

	"warmlead/consent"
)

// Filter selects what the figures cover; a zero field selects all.
//
// From and To bound, both inclusive, the day a prospect was collected (for
// the attempts, first-contact, funnel and referral figures: a cohort, so a
// person collected in March and reached in April counts for March) and the
// day of a consent event (for the per-month figure). A To at midnight, as a
// date from the command line is, includes that whole day. Rep keeps the
// prospects that rep collected (the rep of the collection event) and the
// consent events that rep recorded. Loc is the time zone days and months
// are counted in (nil: UTC).
type Filter struct {
	From, To time.Time
	Rep      string
	Loc      *time.Location
}

func (f Filter) loc() *time.Location {
	if f.Loc == nil {
		return time.UTC
	}
	return f.Loc
}

// end is the first instant after the period, zero when it is open.
func (f Filter) end() time.Time { return PeriodEnd(f.To) }

// PeriodEnd is the first instant after a period that ends at to,
// inclusive: a to at midnight, as a date typed without a time is, takes in
// that whole day. The zero time (no end) stays zero. The team report's
// filter ends the same way.
func PeriodEnd(to time.Time) time.Time {
	if to.IsZero() {
		return to
	}
	if h, m, s := to.Clock(); h == 0 && m == 0 && s == 0 && to.Nanosecond() == 0 {
		return to.AddDate(0, 0, 1)
	}
	return to.Add(time.Nanosecond)
}

// months are the first and last month of the period (zero: open ends).
func (f Filter) months() (first, last time.Time) {
	if !f.From.IsZero() {
		first = monthStart(f.From, f.loc())
	}
	if !f.To.IsZero() {
		last = monthStart(f.end().Add(-time.Nanosecond), f.loc())
	}
	return first, last
}

// in tells whether t falls in the period.
func (f Filter) in(t time.Time) bool {
	if !f.From.IsZero() && t.Before(f.From) {
		return false
	}
	end := f.end()
	return end.IsZero() || t.Before(end)
}

// Figures are the five figures for one filter. Every slice is in a fixed
// order (sources in consent.Sources order, months in time order) so that
// the screen, the PDF page and the command show the same thing.
type Figures struct {
	Filter    Filter   `json:"-"`
	Prospects int      `json:"prospects"` // collected in the period (by the rep)
	Reps      []string `json:"reps"`      // every rep in the data, sorted, whatever the filter: the screen's rep choice

	Attempts     []Attempts     `json:"attempts"`      // per source with at least one call
	FirstContact FirstContact   `json:"first_contact"` // every prospect of the period
	Funnel       []FunnelRow    `json:"funnel"`        // per source with at least one prospect
	Referrals    []Introducer   `json:"referrals"`     // most referrals first
	Months       []MonthConsent `json:"months"`        // every month of the period that has data, gaps filled
}

// AttemptBuckets are the bars of the attempts distribution: a reached
// person counts in the bucket of the call that reached them.
var AttemptBuckets = []Bucket{{1, 1, "1"}, {2, 2, "2"}, {3, 3, "3"}, {4, 5, "4–5"}, {6, 10, "6–10"}, {11, 20, "11–20"}, {21, math.MaxInt, ">20"}}

// Bucket is a closed range of whole numbers (Max math.MaxInt: no upper bound).
type Bucket struct {
	Min, Max int
	Label    string // digits and signs only, the same in every language
}

func (b Bucket) has(n int) bool { return n >= b.Min && n <= b.Max }

func bucketOf(bs []Bucket, n int) int {
	for i, b := range bs {
		if b.has(n) {
			return i
		}
	}
	return -1
}

// Attempts is how many calls one source's people took to reach: calls are
// counted until the first call whose outcome is "reached"; people called
// but never reached are counted apart, with their calls.
type Attempts struct {
	Source       consent.Source `json:"source"`
	Reached      int            `json:"reached"`        // people reached
	ByAttempts   []int          `json:"by_attempts"`    // reached people per AttemptBuckets entry
	CallsToReach int            `json:"calls_to_reach"` // calls up to and including the reaching one, summed
	NeverReached int            `json:"never_reached"`  // called, never reached
	CallsUnmet   int            `json:"calls_unmet"`    // the calls to those
}

// Mean is the mean number of calls it took to reach a person (0 when no one
// was reached).
func (a Attempts) Mean() float64 { return ratio(a.CallsToReach, a.Reached) }

// CallsPerReached is every call made to this source's people (those never
// reached included) per person reached: the seeds' "18 calls per contact".
func (a Attempts) CallsPerReached() float64 { return ratio(a.CallsToReach+a.CallsUnmet, a.Reached) }

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// FirstContactBuckets are the bars of the time to first contact, in
// calendar days between the collection and the first call or email.
var FirstContactBuckets = []Bucket{{0, 0, "0"}, {1, 1, "1"}, {2, 3, "2–3"}, {4, 7, "4–7"}, {8, 30, "8–30"}, {31, math.MaxInt, ">30"}}

// FirstContact is the distribution of the time from collecting a person to
// the first call logged or email sent to them.
type FirstContact struct {
	ByDays []int `json:"by_days"` // people per FirstContactBuckets entry
	Never  int   `json:"never"`   // not contacted yet
}

// FunnelRow is how far one source's people got. Each stage counts the
// people who reached it at any time, so a stage can exceed the one before
// (an inbound form grants consent without a call).
type FunnelRow struct {
	Source    consent.Source `json:"source"`
	Collected int            `json:"collected"`
	Reached   int            `json:"reached_or_approved"` // a call reached them, or they approved their referral
	Granted   int            `json:"consent_granted"`     // a confirmed consent (a verbal yes still pending does not count)
	NextStep  int            `json:"next_step_agreed"`    // a call recorded an agreed next step
}

// Introducer is one introducer's referrals; ID 0 gathers referrals whose
// introducer is not recorded. Name is filled by the caller (the figures
// hold no personal data of their own).
type Introducer struct {
	ID       uint64 `json:"introducer"`
	Name     string `json:"name,omitempty"`
	Referred int    `json:"referred"`
	Approved int    `json:"approved"`
	Declined int    `json:"declined"`
}

// ApprovalRate is the share of referred people who approved, 0 to 1.
func (i Introducer) ApprovalRate() float64 { return ratio(i.Approved, i.Referred) }

// MonthConsent is one calendar month's confirmed grants and withdrawals.
type MonthConsent struct {
	Month     time.Time `json:"month"` // the first day of the month, at midnight in the filter's zone
	Granted   int       `json:"granted"`
	Withdrawn int       `json:"withdrawn"`
}

// Total is the funnel summed over every source.
func (f Figures) Total() FunnelRow {
	var t FunnelRow
	for _, r := range f.Funnel {
		t.add(r)
	}
	return t
}

// AllAttempts is the attempts figure summed over every source.
func (f Figures) AllAttempts() Attempts {
	t := Attempts{ByAttempts: make([]int, len(AttemptBuckets))}
	for _, a := range f.Attempts {
		t.add(a)
	}
	return t
}

// add sums o's counts into a (its source stays).
func (a *Attempts) add(o Attempts) {
	a.Reached += o.Reached
	a.CallsToReach += o.CallsToReach
	a.NeverReached += o.NeverReached
	a.CallsUnmet += o.CallsUnmet
	for i, n := range o.ByAttempts {
		a.ByAttempts[i] += n
	}
}

// add sums o's stages into r (its source stays).
func (r *FunnelRow) add(o FunnelRow) {
	r.Collected += o.Collected
	r.Reached += o.Reached
	r.Granted += o.Granted
	r.NextStep += o.NextStep
}

// Empty tells whether the period holds nothing to show.
func (f Figures) Empty() bool { return f.Prospects == 0 && len(f.Months) == 0 }

// sourceOrder sorts sources as consent.Sources lists them, unknown ones last.
func sourceOrder(a, b consent.Source) int {
	ia, ib := slices.Index(consent.Sources, a), slices.Index(consent.Sources, b)
	if ia < 0 {
		ia = len(consent.Sources)
	}
	if ib < 0 {
		ib = len(consent.Sources)
	}
	if ia != ib {
		return ia - ib
	}
	return cmp.Compare(a, b)
}
