package insight

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"warmlead/consent"
)

// varied makes n people over two years: three reps, every source, calls
// with every outcome, emails, referrals answered or not, consents granted
// (some pending) and withdrawn.
func varied(n int) []consent.Record {
	rng := rand.New(rand.NewPCG(16, 1))
	reps := []string{"Rita Rep", "Sam Sales", "Tom Team"}
	outcomes := []string{consent.OutcomeNoAnswer, consent.OutcomeVoicemail, consent.OutcomeReached, consent.OutcomeCallBack}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]consent.Record, n)
	for i := range out {
		src := consent.Sources[rng.IntN(len(consent.Sources))]
		rep := reps[rng.IntN(len(reps))]
		at := start.Add(time.Duration(rng.Int64N(int64(700 * 24 * time.Hour))))
		evs := []consent.Event{{Kind: consent.KindCollected, Rep: rep, Time: at, Source: src}}
		if src == consent.SourceReferral {
			evs = append(evs, consent.Event{Kind: consent.KindReferralRequested, Rep: rep, Time: at, Introducer: uint64(1 + rng.IntN(12))})
		}
		for j := rng.IntN(8); j > 0; j-- {
			at = at.Add(time.Duration(rng.Int64N(int64(9 * 24 * time.Hour))))
			e := consent.Event{Rep: reps[rng.IntN(len(reps))], Time: at}
			switch rng.IntN(6) {
			case 0, 1:
				e.Kind, e.Outcome = consent.KindCallLogged, outcomes[rng.IntN(len(outcomes))]
				if e.Outcome == consent.OutcomeReached && rng.IntN(2) == 0 {
					e.Agreed = "a demo"
				}
			case 2:
				e.Kind = consent.KindEmailGenerated
			case 3:
				e.Kind, e.Pending = consent.KindConsentGranted, rng.IntN(3) == 0
			case 4:
				e.Kind = consent.KindConsentWithdrawn
			default:
				e.Kind = []consent.EventKind{consent.KindReferralApproved, consent.KindReferralDeclined}[rng.IntN(2)]
			}
			evs = append(evs, e)
		}
		out[i] = consent.Record{Prospect: consent.Prospect{ID: uint64(i + 1), Source: src}, Events: evs}
	}
	return out
}

// Every filter of whole months gives from the cube exactly what a pass of
// its own gives; a filter of other days is not the cube's to answer.
func TestCubeAgreesWithTally(t *testing.T) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		oslo = time.UTC
	}
	recs := varied(600)
	for _, loc := range []*time.Location{time.UTC, oslo} {
		cube := NewCube(loc)
		for _, r := range recs {
			cube.Add(r)
		}
		month := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, loc) }
		for _, f := range []Filter{
			{}, {Rep: "Sam Sales"},
			{From: month(2026, 3)}, {From: month(2025, 12), Rep: "Tom Team"},
			{From: month(2025, 4), To: month(2025, 6).AddDate(0, 1, -1)},
			{To: month(2025, 9).AddDate(0, 0, -1)},
			{From: month(2025, 2), To: month(2025, 3).Add(-time.Nanosecond)}, // To a moment: the last instant of February
		} {
			f.Loc = loc
			if !cube.Answers(f) {
				t.Errorf("%v: the cube does not answer a filter of whole months", f)
				continue
			}
			tally := NewTally(f)
			for _, r := range recs {
				tally.Add(r)
			}
			want := tally.Figures()
			got, _ := cube.Figures(f)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %+v:\n cube  %+v\n tally %+v", loc, f, got, want)
			}
			if want.Prospects == 0 || len(want.Months) == 0 {
				t.Errorf("%+v: the sample leaves this filter empty, so it proves little", f)
			}
		}
		// Mid-month, the 1st as a date (the whole of that day), another zone.
		for _, f := range []Filter{{From: month(2025, 3).AddDate(0, 0, 14), Loc: loc}, {To: month(2025, 3), Loc: loc}, {Loc: time.FixedZone("X", 3600)}} {
			if _, ok := cube.Figures(f); ok {
				t.Errorf("%+v: answered by the cube", f)
			}
		}
	}
}
