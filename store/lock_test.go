package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"warmlead/consent"
)

// Issue 8: the app locks after the idle timeout (or the Lock button) while
// an import may still run in the background. Lock wipes the key in place;
// a write running at that moment must not seal values under the wiped
// (all-zero) key, which would lose them for good and put them under a key
// anyone knows. The write either completes under the real key or fails as
// a whole with ErrNotUnlocked; it never panics.
func TestLockDuringBackgroundWriteLosesNothing(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	cards := func(round int) []ImportItem {
		items := make([]ImportItem, 100)
		for i := range items {
			items[i] = ImportItem{Number: i + 1, Prospect: consent.Prospect{Name: fmt.Sprintf("Round %d Card %d", round, i),
				Email: fmt.Sprintf("r%d.c%d@lock.example", round, i), Source: consent.SourceCard}}
		}
		return items
	}
	// How long one import takes here: the locks below land anywhere from
	// before its start to after its end.
	var span int64
	for warm := range 2 {
		start := time.Now()
		if _, err := db.ImportProspects(cards(-1-warm), AddOptions{Rep: "Rita Rep"}, nil); err != nil {
			t.Fatal(err)
		}
		span = int64(time.Since(start)) * 3 / 2
	}
	t.Logf("an import takes %v", time.Duration(span*2/3))
	imported, completed := 200, 0
	for round := range 20 {
		items := cards(round)
		done := make(chan error, 1)
		go func() {
			sum, err := db.ImportProspects(items, AddOptions{Rep: "Rita Rep"}, nil)
			if err == nil && sum.Imported != len(items) {
				err = fmt.Errorf("imported %d of %d", sum.Imported, len(items))
			}
			done <- err
		}()
		time.Sleep(time.Duration(rand.Int64N(span)))
		db.Lock()
		err := <-done
		switch {
		case err == nil:
			imported += len(items)
			completed++
		case !errors.Is(err, ErrNotUnlocked):
			t.Fatalf("round %d: import during Lock: %v", round, err)
		}
		if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
			t.Fatal(err)
		}
		r, err := db.Verify()
		if err != nil || !r.OK() {
			t.Fatalf("round %d: after a Lock during an import: %v, %v", round, err, r.Problems)
		}
		if r.Prospects != imported || db.Index().Count() != imported {
			t.Fatalf("round %d: %d prospects in the file, %d in memory, want %d (all or nothing of each import)", round, r.Prospects, db.Index().Count(), imported)
		}
	}
	t.Logf("%d of 20 imports completed before the lock, the others were refused whole", completed)
}

// After Lock nothing decrypted stays reachable: the key and its subkeys are
// zeroed in place, the search index's folded text block is zeroed, and
// every reading call answers ErrNotUnlocked (the idle lock relies on it).
func TestLockWipesKeysAndDecryptedIndex(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	p := addTest(t, db, "Wiped Wilhelmina", "Forget Me GmbH", "wilhelmina@forget.example", "+49 30 1234567")
	db.Index().Search("wilhelmina") // builds the folded block
	db.mu.RLock()
	dk, ik, sk := db.dataKey, db.idxKey, db.supKey
	hay := db.index.hay
	db.mu.RUnlock()
	if len(hay) == 0 {
		t.Fatal("no folded index block to watch: this test would prove nothing")
	}
	db.Lock()
	for name, b := range map[string][]byte{"data key": dk, "index key": ik, "suppression key": sk, "folded index": hay} {
		for _, c := range b {
			if c != 0 {
				t.Errorf("%s not zeroed after Lock", name)
				break
			}
		}
	}
	if db.Unlocked() || db.Index().Count() != 0 || len(db.Index().Search("")) != 0 || len(db.Index().SearchIDs("", nil)) != 0 {
		t.Fatal("prospects still served from memory after Lock")
	}
	if _, ok := db.Index().Cached(p.ID); ok {
		t.Fatal("Cached serves a prospect after Lock")
	}
	if got := db.Index().Similar("Wiped Wilhelmina", "Forget Me GmbH"); len(got) != 0 {
		t.Fatal("Similar serves a prospect after Lock")
	}
	checks := map[string]error{}
	_, checks["Prospect"] = db.Prospect(p.ID)
	_, checks["Record"] = db.Record(p.ID)
	_, _, checks["Records"] = db.Records()
	_, checks["Events"] = db.Events(p.ID)
	_, checks["Settings"] = db.Settings()
	_, checks["AuditLog"] = db.AuditLog()
	_, checks["Tombstones"] = db.Tombstones()
	_, checks["Verify"] = db.Verify()
	_, checks["AppendEvent"] = db.AppendEvent(p.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindObjection, Evidence: "stop"})
	_, checks["AddProspect"] = db.AddProspect(consent.Prospect{Name: "New", Source: consent.SourceCard}, AddOptions{})
	for name, err := range checks {
		if !errors.Is(err, ErrNotUnlocked) {
			t.Errorf("%s on a locked database: %v, want ErrNotUnlocked", name, err)
		}
	}
}
