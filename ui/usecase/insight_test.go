package usecase

import (
	"reflect"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/store"
)

// insightDay is a moment of the insight ledgers, in the clock's zone.
func insightDay(m time.Month, d, h int) time.Time {
	y := 2026
	if m == time.December {
		y = 2025
	}
	return time.Date(y, m, d, h, 0, 0, 0, testNow.Location())
}

// insightLedgers stores seven people whose figures are counted by hand in
// TestInsightFigures, and returns the ids of Carl (a customer who
// introduced two) and Ann (a cold call reached at the third call, who
// introduced one).
func insightLedgers(t *testing.T, db *store.DB) (carl, ann uint64) {
	t.Helper()
	add := func(name string, src consent.Source, intro uint64, rep string, at time.Time, evs ...consent.Event) uint64 {
		t.Helper()
		p, err := db.AddProspect(consent.Prospect{Name: name, Source: src, Introducer: intro}, store.AddOptions{Rep: rep, Now: at, AllowDuplicate: true})
		if err != nil {
			t.Fatal(name, err)
		}
		for i := range evs {
			evs[i].Rep = rep
		}
		if len(evs) > 0 {
			if _, err := db.AppendEvents(p.ID, evs); err != nil {
				t.Fatal(name, err)
			}
		}
		return p.ID
	}
	call := func(at time.Time, outcome, agreed string) consent.Event {
		return consent.Event{Time: at, Kind: consent.KindCallLogged, Outcome: outcome, Agreed: agreed}
	}
	grant := func(at time.Time, pending bool) consent.Event {
		return consent.Event{Time: at, Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail,
			Method: consent.MethodEmailReply, Evidence: "reply: yes", Pending: pending}
	}
	email := func(at time.Time) consent.Event {
		return consent.Event{Time: at, Kind: consent.KindEmailGenerated, Note: "follow-up email sent (en)"}
	}
	refer := func(at time.Time, intro uint64, answer consent.EventKind) []consent.Event {
		evs := []consent.Event{{Time: at, Kind: consent.KindReferralRequested, Introducer: intro}}
		if answer != "" {
			evs = append(evs, consent.Event{Time: at.Add(24 * time.Hour), Kind: answer, Channel: consent.ChannelEmail, Evidence: "reply"})
		}
		return evs
	}
	const rita, sam = "Rita Rep", "Sam Sales"
	carl = add("Carl Customer", consent.SourceCustomer, 0, rita, insightDay(time.December, 1, 9),
		grant(insightDay(time.December, 2, 9), false),
		consent.Event{Time: insightDay(time.February, 15, 9), Kind: consent.KindConsentWithdrawn, Purpose: consent.PurposeNewsletter,
			Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "unsubscribe"})
	ann = add("Ann Cold", consent.SourceColdCall, 0, rita, insightDay(time.January, 5, 10),
		call(insightDay(time.January, 5, 15), consent.OutcomeNoAnswer, ""), call(insightDay(time.January, 7, 10), consent.OutcomeVoicemail, ""),
		call(insightDay(time.January, 8, 10), consent.OutcomeReached, "demo on Friday"), grant(insightDay(time.January, 9, 10), false))
	add("Bob Cold", consent.SourceColdCall, 0, rita, insightDay(time.January, 10, 10),
		call(insightDay(time.January, 12, 10), consent.OutcomeNoAnswer, ""), call(insightDay(time.January, 13, 10), consent.OutcomeNoAnswer, ""))
	add("Cy Card", consent.SourceCard, 0, rita, insightDay(time.February, 1, 10),
		email(insightDay(time.February, 3, 8)), call(insightDay(time.February, 20, 10), consent.OutcomeReached, ""), grant(insightDay(time.February, 20, 10), true))
	add("Dee Referred", consent.SourceReferral, carl, sam, insightDay(time.February, 10, 10),
		append(refer(insightDay(time.February, 10, 11), carl, consent.KindReferralApproved),
			email(insightDay(time.February, 11, 12)), grant(insightDay(time.February, 12, 9), false))...)
	add("Eve Referred", consent.SourceReferral, carl, rita, insightDay(time.February, 20, 10),
		refer(insightDay(time.February, 20, 11), carl, consent.KindReferralDeclined)...)
	add("Fay Referred", consent.SourceReferral, ann, rita, insightDay(time.March, 1, 10),
		append(refer(insightDay(time.March, 1, 11), ann, ""), email(insightDay(time.March, 9, 10)))...)
	return carl, ann
}

func TestInsightFigures(t *testing.T) {
	app, db := newTestApp(t)
	carl, ann := insightLedgers(t, db)
	cold := func(reached, calls, never, unmet int, at ...int) insight.Attempts {
		a := insight.Attempts{Source: consent.SourceColdCall, Reached: reached, CallsToReach: calls, NeverReached: never, CallsUnmet: unmet,
			ByAttempts: make([]int, len(insight.AttemptBuckets))}
		for _, i := range at {
			a.ByAttempts[i]++
		}
		return a
	}
	card := insight.Attempts{Source: consent.SourceCard, Reached: 1, CallsToReach: 1, ByAttempts: []int{1, 0, 0, 0, 0, 0, 0}}
	month := func(m time.Month, granted, withdrawn int) insight.MonthConsent {
		return insight.MonthConsent{Month: insightDay(m, 1, 0), Granted: granted, Withdrawn: withdrawn}
	}
	row := func(src consent.Source, n ...int) insight.FunnelRow {
		return insight.FunnelRow{Source: src, Collected: n[0], Reached: n[1], Granted: n[2], NextStep: n[3]}
	}
	cases := []struct {
		name      string
		req       InsightRequest
		prospects int
		attempts  []insight.Attempts
		first     insight.FirstContact
		funnel    []insight.FunnelRow
		referrals []insight.Introducer
		months    []insight.MonthConsent
	}{
		{"everything", InsightRequest{}, 7,
			[]insight.Attempts{card, cold(1, 3, 1, 2, 2)},
			insight.FirstContact{ByDays: []int{1, 1, 2, 0, 1, 0}, Never: 2},
			[]insight.FunnelRow{row(consent.SourceCard, 1, 1, 0, 0), row(consent.SourceReferral, 3, 1, 1, 0),
				row(consent.SourceColdCall, 2, 1, 1, 1), row(consent.SourceCustomer, 1, 0, 1, 0)},
			[]insight.Introducer{{ID: carl, Name: "Carl Customer", Referred: 2, Approved: 1, Declined: 1}, {ID: ann, Name: "Ann Cold", Referred: 1}},
			[]insight.MonthConsent{month(time.December, 1, 0), month(time.January, 1, 0), month(time.February, 1, 1)}},
		{"January, a date as the end includes its day", InsightRequest{From: insightDay(time.January, 1, 0), To: insightDay(time.January, 31, 0)}, 2,
			[]insight.Attempts{cold(1, 3, 1, 2, 2)},
			insight.FirstContact{ByDays: []int{1, 0, 1, 0, 0, 0}},
			[]insight.FunnelRow{row(consent.SourceColdCall, 2, 1, 1, 1)}, nil,
			[]insight.MonthConsent{month(time.January, 1, 0)}},
		{"February and March: a month without consents is shown", InsightRequest{From: insightDay(time.February, 1, 0), To: insightDay(time.March, 31, 0)}, 4,
			[]insight.Attempts{card},
			insight.FirstContact{ByDays: []int{0, 1, 1, 0, 1, 0}, Never: 1},
			[]insight.FunnelRow{row(consent.SourceCard, 1, 1, 0, 0), row(consent.SourceReferral, 3, 1, 1, 0)},
			[]insight.Introducer{{ID: carl, Name: "Carl Customer", Referred: 2, Approved: 1, Declined: 1}, {ID: ann, Name: "Ann Cold", Referred: 1}},
			[]insight.MonthConsent{month(time.February, 1, 1), month(time.March, 0, 0)}},
		{"6 January to 10 February: days, not whole months, take a pass of their own", InsightRequest{From: insightDay(time.January, 6, 0), To: insightDay(time.February, 10, 0)}, 3,
			[]insight.Attempts{card, cold(0, 0, 1, 2)},
			insight.FirstContact{ByDays: []int{0, 1, 2, 0, 0, 0}},
			[]insight.FunnelRow{row(consent.SourceCard, 1, 1, 0, 0), row(consent.SourceReferral, 1, 1, 1, 0), row(consent.SourceColdCall, 1, 0, 0, 0)},
			[]insight.Introducer{{ID: carl, Name: "Carl Customer", Referred: 1, Approved: 1}},
			[]insight.MonthConsent{month(time.January, 1, 0), month(time.February, 0, 0)}},
		{"one rep: the people Sam collected and the consents Sam recorded", InsightRequest{Rep: "Sam Sales"}, 1, nil,
			insight.FirstContact{ByDays: []int{0, 1, 0, 0, 0, 0}},
			[]insight.FunnelRow{row(consent.SourceReferral, 1, 1, 1, 0)},
			[]insight.Introducer{{ID: carl, Name: "Carl Customer", Referred: 1, Approved: 1}},
			[]insight.MonthConsent{month(time.February, 1, 0)}},
	}
	for _, c := range cases {
		got, err := app.Insight.Figures(c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Prospects != c.prospects || len(got.Problems) > 0 || !reflect.DeepEqual(got.Reps, []string{"Rita Rep", "Sam Sales"}) {
			t.Errorf("%s: %d prospects (want %d), reps %q, problems %v", c.name, got.Prospects, c.prospects, got.Reps, got.Problems)
		}
		for what, pair := range map[string][2]any{
			"attempts": {got.Attempts, c.attempts}, "first contact": {got.FirstContact, c.first},
			"funnel": {got.Funnel, c.funnel}, "referrals": {got.Referrals, c.referrals}, "months": {got.Months, c.months},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("%s: %s\n got %+v\nwant %+v", c.name, what, pair[0], pair[1])
			}
		}
	}
}

// The means are over people reached; every call, the unanswered ones
// included, per person reached is the seeds' "calls per contact".
func TestInsightMeans(t *testing.T) {
	app, db := newTestApp(t)
	insightLedgers(t, db)
	got, err := app.Insight.Figures(InsightRequest{})
	if err != nil {
		t.Fatal(err)
	}
	all := got.AllAttempts()
	cold := got.Attempts[1]
	if cold.Mean() != 3 || cold.CallsPerReached() != 5 || all.Mean() != 2 || all.CallsPerReached() != 3 {
		t.Errorf("cold call: mean %v, calls per reached %v; all: %v, %v", cold.Mean(), cold.CallsPerReached(), all.Mean(), all.CallsPerReached())
	}
	if r := got.Referrals[0].ApprovalRate(); r != 0.5 {
		t.Errorf("approval rate %v", r)
	}
	if tot := got.Total(); tot != (insight.FunnelRow{Collected: 7, Reached: 3, Granted: 3, NextStep: 1}) {
		t.Errorf("funnel total %+v", tot)
	}
}

func TestInsightRefusals(t *testing.T) {
	app, db := newTestApp(t)
	insightLedgers(t, db)
	cases := []struct {
		name string
		req  InsightRequest
		code Code
		text string
	}{
		{"period backwards", InsightRequest{From: insightDay(time.March, 1, 0), To: insightDay(time.February, 1, 0)}, CodeInvalid,
			"insight: the period starts on 2026-03-01, after it ends on 2026-02-01"},
		{"a rep no event names", InsightRequest{Rep: "Nina Nobody"}, CodeNotFound,
			"insight: no event in this database was recorded by that rep: 'warmlead insight --json' lists the reps who recorded events"},
	}
	for _, c := range cases {
		_, err := app.Insight.Figures(c.req)
		if CodeOf(err) != c.code || err.Error() != c.text {
			t.Errorf("%s: %v (%s)", c.name, err, CodeOf(err))
		}
	}
}

// InsightOver computes the same figures over another database, as the
// team code does over a manager's mirror.
func TestInsightOverAnotherDatabase(t *testing.T) {
	app, _ := newTestApp(t)
	_, other := newTestApp(t)
	insightLedgers(t, other)
	var calls []int
	got, err := InsightOver(other, Env{Now: func() time.Time { return testNow }}).Figures(InsightRequest{Progress: func(done, total int) { calls = append(calls, done, total) }})
	if err != nil || got.Prospects != 7 {
		t.Fatalf("%d prospects, %v", got.Prospects, err)
	}
	if !reflect.DeepEqual(calls, []int{7, 7}) {
		t.Errorf("progress %v", calls)
	}
	if own, err := app.Insight.Figures(InsightRequest{}); err != nil || !own.Empty() {
		t.Errorf("the app's own empty database: %+v %v", own.Figures, err)
	}
}

// Filters of whole months are summed from the last pass until a write
// moves the store's generation; then the next request reads again.
func TestInsightReusesItsPassUntilAWrite(t *testing.T) {
	app, db := newTestApp(t)
	carl, _ := insightLedgers(t, db)
	passes := 0
	req := func(from time.Time) InsightResult {
		t.Helper()
		res, err := app.Insight.Figures(InsightRequest{From: from, Progress: func(done, total int) {
			if done == total {
				passes++
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	all := req(time.Time{})
	if feb := req(insightDay(time.February, 1, 0)); passes != 1 || all.Prospects != 7 || feb.Prospects != 4 {
		t.Fatalf("%d passes for two filters of whole months (%d, %d prospects)", passes, all.Prospects, feb.Prospects)
	}
	if _, err := db.AppendEvents(carl, []consent.Event{{Time: insightDay(time.March, 2, 9), Rep: "Rita Rep", Kind: consent.KindConsentGranted,
		Purpose: consent.PurposeEvents, Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "reply: yes"}}); err != nil {
		t.Fatal(err)
	}
	after := req(time.Time{})
	if passes != 2 || len(after.Months) != 4 || after.Months[3].Granted != 1 {
		t.Errorf("after a write: %d passes, months %+v", passes, after.Months)
	}
	req(insightDay(time.January, 15, 0)) // not a whole month: a pass of its own
	if passes != 3 {
		t.Errorf("%d passes after a filter of days", passes)
	}
}
