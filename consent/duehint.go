package consent

import "time"

// DueHint says, without the ledger, when a record can first have something
// due. Today's list over 100,000 prospects then opens only the ledgers that
// may have an item (the store keeps a hint per prospect, updated on writes),
// instead of decrypting a million events each time.
//
// The hint may say "maybe" when DueItems finds nothing (DueItems decides);
// it never says "no" when DueItems would find something
// (TestDueHintNeverMisses). Every item DueItems makes appears at some moment
// and stays as time passes, so one "from" instant per record is enough.
type DueHint struct {
	LastActivity time.Time // retention runs from here (zero: no activity)
	From         time.Time // earliest moment another item can be due
	Any          bool      // whether such an item exists at all; From is then valid
}

// HintDue summarises r for MayBeDue. It reads only these event fields:
// Kind, Time, Outcome, Purpose, Channel, Pending, Expires, AskAgain,
// Callback, Source; and the prospect's Created and Source.
func HintDue(r Record) DueHint {
	h := DueHint{LastActivity: LastActivity(r)}
	if r.Suppressed || r.Objected() {
		return h // only retention remains (DueItems)
	}
	always := time.Time{} // the zero time is before any now
	at := func(t time.Time) {
		if !h.Any || t.Before(h.From) {
			h.From, h.Any = t, true
		}
	}
	src := SourceOf(r)
	if _, informed := Informed(r); noticeSources[src] && !informed && !Collected(r).IsZero() {
		at(always)
	}
	for i := len(r.Events) - 1; i >= 0; i-- {
		if e := &r.Events[i]; e.Kind == KindCallLogged {
			if !e.Callback.IsZero() {
				at(always)
			}
			break
		}
	}
	for _, date := range askAgainDates(r) {
		at(beforeHorizon(date))
	}
	if src == SourceReferral && !referralAnswered(r.Events) {
		if asked := referralAsked(r); !asked.IsZero() {
			at(asked.AddDate(0, 0, ReferralWaitDays))
		}
	}
	return h
}

// beforeHorizon is a moment by which date has come within DueItems'
// look-ahead. A day of slack covers AddDate across daylight-saving changes.
func beforeHorizon(date time.Time) time.Time {
	return date.AddDate(0, 0, -(LookaheadDays + 1))
}

// MayBeDue tells whether DueItems can find anything at now.
func (h DueHint) MayBeDue(now time.Time, retentionMonths int) bool {
	from, ok := h.DueFrom(retentionMonths)
	return ok && !now.Before(from)
}

// DueFrom is the instant from which MayBeDue says maybe, for good (ok
// false: never). Today's cache asks the store's hints again only then
// (store.DB.DueCandidatesUntil), not on every call.
func (h DueHint) DueFrom(retentionMonths int) (from time.Time, ok bool) {
	if h.Any {
		from, ok = h.From, true
	}
	if h.LastActivity.IsZero() {
		return from, ok
	}
	ends := RetentionEndsAfter(h.LastActivity, retentionMonths)
	if bh := beforeHorizon(ends); !ok || bh.Before(from) {
		from, ok = bh, true
	}
	return from, ok
}

// askAgainDates is, for each pair whose latest word is a confirmed grant,
// its ask-again date or else its expiry: the dates DueItems shows as
// "ask again" once they come within the look-ahead (HintDue and
// DueStableUntil both watch them).
func askAgainDates(r Record) []time.Time {
	var out []time.Time
	for _, pc := range grantedPairs(r.Events) {
		e := latestConsent(r.Events, pc.p, pc.ch)
		if e == nil || e.Kind != KindConsentGranted {
			continue
		}
		date := e.AskAgain
		if date.IsZero() {
			date = e.Expires
		}
		if !date.IsZero() {
			out = append(out, date)
		}
	}
	return out
}
