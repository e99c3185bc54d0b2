package consent

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func TestDueStableUntil(t *testing.T) {
	ends := t0.AddDate(1, 0, 0) // a card's retention end, 12 months
	callback := ev(KindCallLogged, 1)
	callback.Outcome, callback.Callback = OutcomeCallBack, day(5)
	askAgain := grant(1, PurposeFollowUp, ChannelEmail)
	askAgain.AskAgain = day(100)
	suppressed := rec(SourceList)
	suppressed.Suppressed = true
	cases := []struct {
		name   string
		r      Record
		now    time.Time
		months int
		want   time.Time
	}{
		{"a card until its retention end nears", rec(SourceCard), day(10), 12, beforeHorizon(ends)},
		{"retention months count", rec(SourceCard), day(10), 24, beforeHorizon(t0.AddDate(2, 0, 0))},
		{"retention ending turns ended at its end", rec(SourceCard), ends.AddDate(0, 0, -10), 12, ends},
		{"retention ended stays", rec(SourceCard), ends.AddDate(0, 1, 0), 12, time.Time{}},
		{"within the day of slack: look again now", rec(SourceCard), ends.AddDate(0, 0, -30).Add(-time.Hour), 12, ends.AddDate(0, 0, -30).Add(-time.Hour)},
		{"the notice turns overdue after its last day", rec(SourceList), day(10), 12, day(30).Add(time.Nanosecond)},
		{"an overdue notice stays overdue", rec(SourceList), day(31), 12, beforeHorizon(ends)},
		{"a sent notice has no date", rec(SourceList, ev(KindInformed, 2)), day(3), 12, beforeHorizon(ends)},
		{"a call-back is due from the call on", rec(SourceCard, callback), day(2), 12, beforeHorizon(ends)},
		{"an ask-again date enters the horizon", rec(SourceCard, askAgain), day(10), 12, beforeHorizon(day(100))},
		{"an ask-again date within the horizon stays", rec(SourceCard, askAgain), day(80), 12, beforeHorizon(t0.AddDate(1, 0, 1))},
		{"the referral reminder after a week", rec(SourceReferral), day(2), 12, day(ReferralWaitDays)},
		{"an answered referral has no reminder", rec(SourceReferral, approve(3, ChannelEmail)), day(4), 12, day(30).Add(time.Nanosecond)},
		{"after an objection only the retention end", rec(SourceList, ev(KindObjection, 2)), day(3), 12, ends},
		{"an erased person never", suppressed, day(3), 12, time.Time{}},
	}
	for _, c := range cases {
		if got := DueStableUntil(c.r, c.now, c.months); !got.Equal(c.want) {
			t.Errorf("%s: DueStableUntil = %s, want %s", c.name, got, c.want)
		}
	}
}

// Until the instant DueStableUntil names, DueItems gives the same items and
// texts as at now: sampled over generated ledgers, at random instants, just
// before the instant, and far on when it says never. It is also worth
// having: most answers are later than now.
func TestDueStableUntilHolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	zones := []*time.Location{time.UTC, time.FixedZone("CET", 3600)}
	if ams, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
		zones = append(zones, ams) // daylight-saving changes
	}
	checked, lookAgain := 0, 0
	for i := range 1000 {
		r := randomRecord(rng)
		for _, months := range []int{1, 12} {
			for d := -40; d <= 420; d += 17 {
				loc := zones[rng.IntN(len(zones))]
				now := t0.AddDate(0, 0, d).Add(time.Duration(rng.IntN(86400)) * time.Second).In(loc)
				until := DueStableUntil(r, now, months)
				if !until.IsZero() && until.Before(now) {
					t.Fatalf("record %d at %s: until %s is before now", i, now, until)
				}
				if until.Equal(now) {
					lookAgain++
					continue
				}
				want := DueItems(r, now, months)
				end := until
				if end.IsZero() {
					end = now.AddDate(3, 0, 0)
				}
				span := end.Sub(now)
				samples := []time.Time{end.Add(-time.Nanosecond), end.Add(-time.Second), end.Add(-time.Hour)}
				for range 4 {
					samples = append(samples, now.Add(time.Duration(rng.Int64N(int64(span)))))
				}
				for _, at := range samples {
					if at = at.In(loc); at.Before(now) {
						continue
					}
					if got := DueItems(r, at, months); !reflect.DeepEqual(got, want) {
						t.Fatalf("record %d, retention %d: stable from %s until %s, but at %s DueItems has %v, at now %v", i, months, now, until, at, got, want)
					}
					checked++
				}
			}
		}
	}
	if lookAgain*20 > checked/7 {
		t.Errorf("%d of %d answers were 'look again now'", lookAgain, checked/7)
	}
}
