package store

import (
	"slices"
	"testing"
	"time"

	"warmlead/consent"
)

// DueCandidates holds every prospect with something due, follows writes
// (a call-back agreed on a call makes a prospect due at once), and leaves
// out the ones with nothing due for a long time.
func TestDueCandidatesFollowWrites(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	now := time.Now()
	card := addTest(t, db, "Carla Card", "Acme", "carla@a.example", "")
	listed, err := db.AddProspect(consent.Prospect{Name: "Lars List", Company: "Bought", Email: "lars@b.example",
		Source: consent.SourceList, ListVendor: "LeadCo"}, AddOptions{Rep: "Rita Rep", Region: "NL"})
	if err != nil {
		t.Fatal(err)
	}
	called := addTest(t, db, "Cees Call", "Acme", "", "+31 20 555 0199")
	granted := addTest(t, db, "Gina Grant", "Acme", "gina@a.example", "")
	if _, err := db.AppendEvent(granted.ID, consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodWebForm, Evidence: "form", AskAgain: now.AddDate(0, 0, 10)}); err != nil {
		t.Fatal(err)
	}

	check := func(want ...uint64) {
		t.Helper()
		ids, err := db.DueCandidates(now, 12)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("candidates %v, want %v", ids, want)
		}
		// Whatever the hints say, nobody with an item is missing.
		recs, _, _ := db.Records()
		for _, r := range recs {
			if len(consent.DueItems(r, now, 12)) > 0 && !slices.Contains(ids, r.Prospect.ID) {
				t.Errorf("%s has something due but is no candidate", r.Prospect.Name)
			}
		}
	}
	check(listed.ID, granted.ID) // the Art. 14 notice; the ask-again date within the look-ahead

	// A call with a call-back: due from now on, through the write hook.
	if _, err := db.AppendEvent(called.ID, consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeCallBack,
		Callback: now.AddDate(0, 2, 0)}); err != nil {
		t.Fatal(err)
	}
	check(listed.ID, called.ID, granted.ID)

	// The notice sent: nothing more due for the bought list.
	if _, err := db.AppendEvent(listed.ID, consent.Event{Kind: consent.KindInformed}); err != nil {
		t.Fatal(err)
	}
	check(called.ID, granted.ID)

	// Retention: a year on, everyone's data is due for review.
	ids, err := db.DueCandidates(now.AddDate(1, 0, 0), 12)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ids, card.ID) {
		t.Errorf("a year later the business card's retention end is no candidate: %v", ids)
	}

	// Only the candidates are opened.
	var seen []uint64
	if _, err := db.ForEachRecordOf([]uint64{called.ID, 999, granted.ID}, func(r consent.Record) error {
		seen = append(seen, r.Prospect.ID)
		if len(r.Events) == 0 {
			t.Errorf("%s read without its ledger", r.Prospect.Name)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seen, []uint64{called.ID, granted.ID}) {
		t.Errorf("ForEachRecordOf visited %v", seen)
	}
}
