package consent

import "time"

// DueStableUntil is the earliest instant, not before now, at which
// DueItems(r, ·, retentionMonths) may answer differently (other items, or
// other texts) than at now without any write to r; the zero time when that
// never happens. Today's screen keeps each prospect's items until then
// instead of reading its ledger again (ui/usecase/today_cache.go).
//
// It may answer earlier than necessary, never later
// (TestDueStableUntilHolds): DueItems changes with time only where it
// compares now, or the look-ahead horizon now+LookaheadDays, with a date
// of the record, and every such date is listed here. Entry into the
// horizon uses beforeHorizon's day of slack, as DueHint does. When the
// earliest such instant is already past (within that day of slack), the
// answer is now: the caller looks again each time.
func DueStableUntil(r Record, now time.Time, retentionMonths int) time.Time {
	if r.Suppressed {
		return time.Time{} // nothing is ever due for an erased person
	}
	var until time.Time
	at := func(t time.Time) {
		if t.Before(now) {
			t = now
		}
		if until.IsZero() || t.Before(until) {
			until = t
		}
	}
	horizon := now.AddDate(0, 0, LookaheadDays)
	// enters is when date comes within the horizon, if it is not yet.
	enters := func(date time.Time) {
		if !date.Before(horizon) {
			at(beforeHorizon(date))
		}
	}
	objected := r.Objected()

	// Retention: ending (within the horizon) becomes ended at ends.
	if ends := RetentionEnds(r, retentionMonths); !ends.IsZero() && now.Before(ends) {
		at(ends)
		if !objected {
			enters(ends)
		}
	}
	if objected {
		return until // only retention remains (DueItems)
	}

	// The notice turns overdue just after by (DueItems: now.After(by)).
	src := SourceOf(r)
	if _, informed := Informed(r); noticeSources[src] && !informed {
		if c := Collected(r); !c.IsZero() {
			if by := c.AddDate(0, 0, NoticeDays); !now.After(by) {
				at(by.Add(time.Nanosecond))
			}
		}
	}

	// A call-back is due from the call on, whatever the time: no instant.

	// Ask-again and expiry dates show once within the horizon.
	for _, date := range askAgainDates(r) {
		enters(date)
	}

	// The referral reminder appears ReferralWaitDays after the request.
	if src == SourceReferral && !referralAnswered(r.Events) {
		if asked := referralAsked(r); !asked.IsZero() {
			if remind := asked.AddDate(0, 0, ReferralWaitDays); now.Before(remind) {
				at(remind)
			}
		}
	}
	return until
}
