package consent

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// withTeamBlock is r with a block another member recorded.
func withTeamBlock(kind string, r Record) Record {
	r.TeamBlocks = append(r.TeamBlocks, TeamBlock{Kind: kind, Rep: "Ann Rep", Time: day(3)})
	return r
}

func TestDueItems(t *testing.T) {
	withObjection := func(r Record) Record {
		r.Events = append(r.Events, Event{Time: day(3), Kind: KindObjection})
		return r
	}
	cases := []struct {
		name   string
		r      Record
		now    time.Time
		months int
		want   []string // "kind date", most urgent first
		has    []string // facts some reason must name
	}{
		// Art. 14 notice: for data not collected from the person.
		{name: "referral notice", r: rec(SourceReferral, approve(2, "")), now: day(10),
			want: []string{"notice 2026-02-09"}, has: []string{"Art. 14", "referral", "2026-01-10"}},
		{name: "list notice", r: rec(SourceList), now: day(10), want: []string{"notice 2026-02-09"}, has: []string{"source list"}},
		{name: "social notice", r: rec(SourceSocial), now: day(10), want: []string{"notice 2026-02-09"}},
		{name: "notice on its last day is not overdue", r: rec(SourceList), now: day(30), want: []string{"notice 2026-02-09"}},
		{name: "notice overdue", r: rec(SourceList), now: day(31), want: []string{"notice 2026-02-09"}, has: []string{"overdue"}},
		{name: "notice sent", r: rec(SourceList, ev(KindInformed, 4)), now: day(10)},
		{name: "card is informed in the follow-up email", r: rec(SourceCard), now: day(10)},
		{name: "cold-call is informed in the follow-up email", r: rec(SourceColdCall), now: day(10)},
		{name: "inbound is informed at collection", r: rec(SourceInbound), now: day(10)},
		{name: "customer is informed at contract", r: rec(SourceCustomer), now: day(10)},

		// Retention.
		{name: "retention ending within 30 days", r: rec(SourceCard), now: t0.AddDate(1, 0, -10),
			want: []string{"retention-ending 2027-01-10"}, has: []string{"re-activation", "2026-01-10"}},
		{name: "retention ending later", r: rec(SourceCard), now: t0.AddDate(1, 0, -31)},
		{name: "retention ended", r: rec(SourceCard), now: t0.AddDate(1, 0, 5),
			want: []string{"retention-ended 2027-01-10"}, has: []string{"erase"}},
		{name: "retention setting", r: rec(SourceCard), now: t0.AddDate(0, 6, -5), months: 6,
			want: []string{"retention-ending 2026-07-10"}},
		{name: "activity pushes retention out", r: rec(SourceCard, ev(KindEmailGenerated, 100)), now: t0.AddDate(1, 0, -10)},

		// Call-backs.
		{name: "call-back agreed", r: rec(SourceColdCall, callBack(1, OutcomeReached, 20)), now: day(10),
			want: []string{"call-back 2026-01-30"}, has: []string{"2026-01-11"}},
		{name: "call-back overdue stays listed", r: rec(SourceColdCall, callBack(1, OutcomeCallBack, 20)), now: day(25),
			want: []string{"call-back 2026-01-30"}},
		{name: "call-back made", r: rec(SourceColdCall, callBack(1, OutcomeReached, 20), call(20, OutcomeVoicemail)), now: day(25)},
		{name: "call-back moved", r: rec(SourceColdCall, callBack(1, OutcomeReached, 20), callBack(20, OutcomeCallBack, 27)), now: day(25),
			want: []string{"call-back 2026-02-06"}},

		// Ask again.
		{name: "ask again within 30 days", r: rec(SourceCard, askAgain(grant(1, PurposeNewsletter, email), 40)), now: day(30),
			want: []string{"ask-again 2026-02-19"}, has: []string{"newsletter by email", "2026-01-11"}},
		{name: "ask again later", r: rec(SourceCard, askAgain(grant(1, PurposeNewsletter, email), 100)), now: day(30)},
		{name: "ask again after withdrawal", r: rec(SourceCard, askAgain(grant(1, PurposeNewsletter, email), 40), withdraw(5, PurposeNewsletter, email)), now: day(30)},
		{name: "ask again replaced by a new grant", r: rec(SourceCard, askAgain(grant(1, PurposeNewsletter, email), 40), grant(25, PurposeNewsletter, email)), now: day(30)},
		{name: "consent expiring", r: rec(SourceCard, expiring(grant(1, PurposeEvents, phone), 50)), now: day(30),
			want: []string{"ask-again 2026-03-01"}, has: []string{"expires"}},
		{name: "consent expired", r: rec(SourceCard, expiring(grant(1, PurposeEvents, phone), 20)), now: day(30),
			want: []string{"ask-again 2026-01-30"}},
		{name: "pending grant has no ask-again", r: rec(SourceCard, askAgain(pending(1, PurposeEvents, phone), 40)), now: day(30)},
		{name: "two pairs", r: rec(SourceCard, askAgain(grant(1, PurposeNewsletter, email), 45), askAgain(grant(2, PurposeEvents, email), 40)), now: day(30),
			want: []string{"ask-again 2026-02-19", "ask-again 2026-02-24"}},

		// Referral without an answer.
		{name: "referral waiting under 7 days", r: rec(SourceReferral, ev(KindReferralRequested, 2), ev(KindInformed, 2)), now: day(8)},
		{name: "referral without answer after 7 days", r: rec(SourceReferral, ev(KindReferralRequested, 2), ev(KindInformed, 2)), now: day(9),
			want: []string{"referral-no-answer 2026-01-19"}, has: []string{"introducer", "2026-01-12"}},
		{name: "referral without a request event counts from collection", r: rec(SourceReferral, ev(KindInformed, 2)), now: day(9),
			want: []string{"referral-no-answer 2026-01-17"}},
		{name: "referral approved", r: rec(SourceReferral, ev(KindReferralRequested, 2), approve(5, ""), ev(KindInformed, 5)), now: day(20)},
		{name: "referral declined", r: rec(SourceReferral, ev(KindReferralRequested, 2), ev(KindReferralDeclined, 5), ev(KindInformed, 5)), now: day(20)},
		{name: "referral asked again after a decline", r: rec(SourceReferral, ev(KindReferralDeclined, 5), ev(KindReferralRequested, 6), ev(KindInformed, 5)), now: day(20),
			want: []string{"referral-no-answer 2026-01-23"}},

		// Everything at once, sorted, and the blocks.
		{name: "several, most urgent first", r: rec(SourceReferral, ev(KindReferralRequested, 1), callBack(2, OutcomeCallBack, 35)), now: day(12),
			want: []string{"referral-no-answer 2026-01-18", "notice 2026-02-09", "call-back 2026-02-14"}},
		{name: "erased: nothing due", r: erased(rec(SourceReferral, callBack(2, OutcomeCallBack, 35))), now: t0.AddDate(2, 0, 0)},
		{name: "objection: no contact is due", r: withObjection(rec(SourceReferral, callBack(2, OutcomeCallBack, 35), askAgain(grant(1, PurposeEvents, email), 40))),
			now: t0.AddDate(1, 0, -10)},
		{name: "objection: erasure still due", r: withObjection(rec(SourceList)), now: t0.AddDate(1, 0, 1),
			want: []string{"retention-ended 2027-01-10"}},
		{name: "objection to another member: no contact is due", r: withTeamBlock(TeamObjection, rec(SourceReferral, callBack(2, OutcomeCallBack, 35), askAgain(grant(1, PurposeEvents, email), 40))),
			now: t0.AddDate(1, 0, -10)},
		{name: "do not call, said to another member: no contact is due", r: withTeamBlock(TeamDoNotCall, rec(SourceList, callBack(2, OutcomeCallBack, 35))), now: day(12)},
		{name: "objection to another member: erasure still due", r: withTeamBlock(TeamObjection, rec(SourceList)), now: t0.AddDate(1, 0, 1),
			want: []string{"retention-ended 2027-01-10"}},
		{name: "an introduction declined to another member leaves the rest", r: withTeamBlock(TeamDeclined, rec(SourceList, callBack(2, OutcomeCallBack, 35))), now: day(12),
			want: []string{"notice 2026-02-09", "call-back 2026-02-14"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := DueItems(c.r, c.now, c.months)
			SortDue(items)
			var got []string
			for _, d := range items {
				day := d.Date.Format(time.DateOnly)
				got = append(got, d.Kind+" "+day)
				if d.Prospect != 7 || !strings.Contains(d.Reason, "Jane Doe") || !strings.Contains(d.Reason, day) {
					t.Errorf("%s: prospect %d, reason %q should name Jane Doe and %s", d.Kind, d.Prospect, d.Reason, day)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("DueItems = %q, want %q", got, c.want)
			}
			all := fmt.Sprint(items)
			for _, s := range c.has {
				if !strings.Contains(all, s) {
					t.Errorf("no reason names %q: %s", s, all)
				}
			}
		})
	}
}

func TestSortDue(t *testing.T) {
	items := []Due{
		{Prospect: 2, Kind: DueCallBack, Date: day(5)},
		{Prospect: 9, Kind: DueAskAgain, Date: day(1)},
		{Prospect: 3, Kind: DueCallBack, Date: day(1)},
		{Prospect: 1, Kind: DueCallBack, Date: day(1)},
		{Prospect: 4, Kind: DueNotice, Date: day(1)},
		{Prospect: 5, Kind: DueRetentionEnded, Date: day(1)},
		{Prospect: 6, Kind: "custom", Date: day(1)},
		{Prospect: 8, Kind: DueReferralNoAnswer, Date: day(-3)},
	}
	SortDue(items)
	var got []string
	for _, d := range items {
		got = append(got, fmt.Sprintf("%d:%s", d.Prospect, d.Kind))
	}
	want := []string{"8:referral-no-answer", "5:retention-ended", "4:notice", "1:call-back", "3:call-back", "9:ask-again", "6:custom", "2:call-back"}
	if !slices.Equal(got, want) {
		t.Fatalf("SortDue order = %q, want %q", got, want)
	}
}

// Items equal in date, kind and prospect keep their order (two ask-again
// dates of one person on one day), as a stable sort keeps them.
func TestSortDueIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	kinds := []string{DueNotice, DueAskAgain, DueCallBack, "custom"}
	items := make([]Due, 2000)
	for i := range items {
		items[i] = Due{Prospect: uint64(rng.IntN(20)), Kind: kinds[rng.IntN(len(kinds))], Date: day(rng.IntN(5)), Reason: fmt.Sprint(i)}
	}
	want := slices.Clone(items)
	slices.SortStableFunc(want, func(a, b Due) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(rank(a.Kind), rank(b.Kind)), cmp.Compare(a.Prospect, b.Prospect))
	})
	SortDue(items)
	if !slices.IsSortedFunc(items, CompareDue) || !slices.EqualFunc(items, want, func(a, b Due) bool { return a.Reason == b.Reason }) {
		t.Error("SortDue is not the stable order")
	}
}
