package store

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store/storetest"
)

// Issue 20: a damaged ledger page, found after unlock (which reads the
// prospects, not the ledgers), is an IntegrityError naming the ledger for
// the reads of that record, a skipped prospect for the passes over all of
// them, and an error (not a panic) for a write into it.
func TestDamagedLedgerPageAfterUnlock(t *testing.T) {
	db, path := newTestDB(t, Options{})
	var ids []uint64
	for range 120 {
		p := addTest(t, db, "Ledger Person", "Pages BV", "", "")
		if _, err := db.AppendEvent(p.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
			Channel: consent.ChannelEmail, Method: consent.MethodSigned, Evidence: "signed at the stand, with a longer note to fill the pages"}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if err := db.Compact(); err != nil { // no spare room: the damage lands in used pages
		t.Fatal(err)
	}
	db.Close()
	target, first, last := ids[60], ids[0], ids[len(ids)-1]
	page := storetest.PageOfEvent(t, path, target, 1)
	if page == storetest.PageOfEvent(t, path, first, 1) || page == storetest.PageOfEvent(t, path, last, 1) {
		t.Fatal("the ledgers share one page")
	}
	good, _ := os.ReadFile(path)
	for _, c := range []struct {
		name          string
		damage        func([]byte)
		mayReadIntact bool
	}{
		{"type", func(b []byte) { b[page+8] = 0x99 }, false},
		{"count", func(b []byte) { b[page+10], b[page+11] = 0xff, 0x7f }, true},
		{"elements", func(b []byte) { // every element header: which one holds the ledger depends on the sizes
			n := int(binary.LittleEndian.Uint16(b[page+10:]))
			for i := 16; i < 16+16*n; i++ {
				b[page+i] = 0xee
			}
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := append([]byte(nil), good...)
			c.damage(b)
			os.WriteFile(path, b, 0o600)
			db := unlockedAfterTamper(t, path, Options{})

			rec, err := db.Record(target)
			var ie *IntegrityError
			if c.mayReadIntact {
				// A damaged count may still let bbolt's search find the
				// ledger's keys, or fail on a neighbour's (the layout
				// decides): the ledger reads whole and true or is named,
				// and nothing else may panic.
				if err == nil && (len(rec.Events) != 2 || consent.VerifyChain(rec.Events) != nil) {
					t.Fatalf("the ledger read without an error but not whole: %d events", len(rec.Events))
				}
				if err != nil && (!errors.As(err, &ie) || ie.Bucket != string(bEvents)) {
					t.Fatalf("Record of the damaged ledger: %v", err)
				}
				db.Records()
				if cands, err := db.DueCandidates(time.Now(), 24); err == nil {
					db.ForEachRecordOf(cands, func(consent.Record) error { return nil })
				}
				if r, err := db.Verify(); err != nil || r.OK() {
					t.Fatalf("Verify: %v %v", r, err)
				}
				return
			}
			if !errors.As(err, &ie) || ie.Key != ledgerName(target) || ie.Bucket != string(bEvents) {
				t.Fatalf("Record of the damaged ledger: %v", err)
			}
			if _, err := db.Record(first); err != nil {
				t.Fatalf("Record of an undamaged one: %v", err)
			}
			// A write may touch the damaged page (or not, when the last
			// event is elsewhere): an error or a success, never a panic.
			for _, id := range []uint64{target - 1, target, target + 1} {
				if _, err := db.AppendEvent(id, consent.Event{Rep: "Rita Rep", Kind: consent.KindInformed}); err != nil && !errors.Is(err, ErrDamaged) && !errIntegrity(err) {
					t.Fatalf("append to %d: %v", id, err)
				}
			}

			recs, problems, err := db.Records()
			if err != nil {
				t.Fatal(err)
			}
			var skipped []uint64
			for _, p := range problems {
				var se *SkippedError
				if !errors.As(p, &se) || se.Part != "ledger" || !errors.As(p, &ie) {
					t.Fatalf("problem %v is not a skipped ledger", p)
				}
				skipped = append(skipped, se.Prospect)
			}
			if len(recs)+len(skipped) != len(ids) || !containsID(skipped, target) || containsID(skipped, first) || containsID(skipped, last) {
				t.Fatalf("%d records read, skipped %v", len(recs), skipped)
			}

			// The due list's hints read every ledger: the damaged one is
			// a candidate, so the due list opens it and names it.
			cands, err := db.DueCandidates(time.Now(), 24)
			if err != nil || !containsID(cands, target) {
				t.Fatalf("due candidates %v: %v", cands, err)
			}
			problems, err = db.ForEachRecordOf(cands, func(consent.Record) error { return nil })
			if err != nil || len(problems) == 0 || !errors.As(problems[0], new(*SkippedError)) {
				t.Fatalf("ForEachRecordOf: %v %v", problems, err)
			}
			if r, err := db.Verify(); err != nil || r.OK() {
				t.Fatalf("Verify: %v %v", r, err)
			}
			// The compaction after an erasure reads every page: it fails
			// (the erasure stands), the database stays usable.
			if err := db.Erase(last, eraseReason, "Rita Rep", day2); err == nil || !strings.Contains(err.Error(), "compact") {
				t.Fatalf("erase with a damaged page elsewhere: %v", err)
			}
			if _, err := db.Record(last); !errors.Is(err, ErrNotFound) {
				t.Fatalf("the erasure did not stand: %v", err)
			}
			if _, err := db.Record(first); err != nil {
				t.Fatalf("after the failed compaction: %v", err)
			}
		})
	}
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
