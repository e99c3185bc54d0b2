package store

import (
	"errors"
	"testing"
	"time"

	"warmlead/consent"
)

// AppendLedgers chains each prospect's events after its existing ones, all
// in one transaction, and a missing prospect rolls the whole batch back.
func TestAppendLedgers(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	a := addTest(t, db, "Anna Alpha", "Acme", "anna@a.example", "")
	b := addTest(t, db, "Bert Beta", "Acme", "bert@b.example", "")
	if _, err := db.AppendEvent(a.ID, consent.Event{Kind: consent.KindInformed, Rep: "Rita Rep"}); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	grant := consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail,
		Method: consent.MethodWebForm, Evidence: "form 12", Rep: "Rita Rep", Time: day}
	if err := db.AppendLedgers([]uint64{a.ID, b.ID}, [][]consent.Event{{grant, grant}, {grant}}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[uint64]int{a.ID: 4, b.ID: 2} { // the collection event + what was appended
		evs, err := db.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != want {
			t.Errorf("prospect %d: %d events, want %d", id, len(evs), want)
		}
		if err := consent.VerifyChain(evs); err != nil {
			t.Errorf("prospect %d: chain broken: %v", id, err)
		}
	}

	before, _ := db.Events(b.ID)
	err := db.AppendLedgers([]uint64{b.ID, 999}, [][]consent.Event{{grant}, {grant}})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown prospect: err = %v, want ErrNotFound", err)
	}
	if after, _ := db.Events(b.ID); len(after) != len(before) {
		t.Errorf("a failed batch left %d events behind", len(after)-len(before))
	}
	if err := db.AppendLedgers([]uint64{a.ID}, nil); err == nil {
		t.Error("ids and ledgers of different lengths were accepted")
	}
}

// ForEachRecord visits every prospect once, in id order, with the same
// content Records returns, and stops at fn's error.
func TestForEachRecordMatchesRecords(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	for _, n := range []string{"Anna Alpha", "Bert Beta", "Cees Gamma"} {
		addTest(t, db, n, "Acme", "", "")
	}
	all, _, err := db.Records()
	if err != nil {
		t.Fatal(err)
	}
	var seen []consent.Record
	if _, err := db.ForEachRecord(func(r consent.Record) error { seen = append(seen, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || len(all) != 3 {
		t.Fatalf("visited %d, Records %d, want 3", len(seen), len(all))
	}
	for i := range seen {
		if seen[i].Prospect.Name != all[i].Prospect.Name || len(seen[i].Events) != len(all[i].Events) {
			t.Errorf("record %d differs: %+v vs %+v", i, seen[i].Prospect, all[i].Prospect)
		}
		if i > 0 && seen[i].Prospect.ID <= seen[i-1].Prospect.ID {
			t.Error("not in id order")
		}
	}
	stop := errors.New("stop")
	n := 0
	_, err = db.ForEachRecord(func(consent.Record) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: got %v after %d calls, want stop after 1", err, n)
	}
}
