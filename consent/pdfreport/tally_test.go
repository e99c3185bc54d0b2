package pdfreport

import (
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"warmlead/consent"
)

func tallyOf(recs []consent.Record, now time.Time) *RegisterTally {
	t := NewRegisterTally(now)
	for _, r := range recs {
		t.Add(r)
	}
	return t
}

// A tally built one record at a time counts exactly what the register's
// whole-slice counts give, including purposes that appear only late (their
// earlier records count as "none").
func TestRegisterTallyMatchesSliceCounts(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(3, 4))
	kinds := []consent.EventKind{consent.KindConsentGranted, consent.KindConsentRefused, consent.KindConsentWithdrawn,
		consent.KindObjection, consent.KindCallLogged, consent.KindInformed}
	purposes := append(slices.Clone(consent.Purposes), "webinar", "trade-fair")
	var recs []consent.Record
	for i := range 400 {
		r := consent.Record{Prospect: consent.Prospect{ID: uint64(i + 1), Source: consent.Sources[rng.IntN(len(consent.Sources))]}}
		if rng.IntN(2) == 0 {
			r.Prospect.Email = "x@y.example"
		}
		if rng.IntN(3) == 0 {
			r.Prospect.Phone = "+31205550100"
			r.DNC = &consent.DNCHit{Register: "NL"}
		}
		for range rng.IntN(6) {
			p := purposes[rng.IntN(len(purposes))]
			if i < 200 && (p == "webinar" || p == "trade-fair") {
				p = consent.PurposeNewsletter // the extra purposes appear only halfway
			}
			r.Events = append(r.Events, consent.Event{Kind: kinds[rng.IntN(len(kinds))], Purpose: p,
				Channel: consent.Channels[rng.IntN(len(consent.Channels))], Time: now.AddDate(0, 0, -rng.IntN(400)),
				Method: consent.MethodWebForm, Evidence: "form"})
		}
		recs = append(recs, r)
	}
	tally := tallyOf(recs, now)
	if want := countHeld(recs, now); !reflect.DeepEqual(tally.held, want) {
		t.Errorf("held counts %+v, want %+v", tally.held, want)
	}
	wantPurposes := purposesOf(recs)
	if !slices.Equal(tally.purposes, wantPurposes) {
		t.Fatalf("purposes %v, want %v", tally.purposes, wantPurposes)
	}
	want := statusCounts(recs, wantPurposes, now)
	for _, p := range wantPurposes {
		if !maps.Equal(tally.status[p], want[p]) {
			t.Errorf("%s: %v, want %v", p, tally.status[p], want[p])
		}
	}
	if tally.status["webinar"][consent.StatusNone] < 200 {
		t.Errorf("a late purpose does not count the earlier records as none: %v", tally.status["webinar"])
	}
}
