package store

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// snapFixture is a closed database of a few hundred prospects with the
// benchmark's ledgers (grants that expire, calls, objections) and a
// do-not-call register, closed after a session that read every ledger: it
// holds a fresh facet snapshot.
func snapFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "warmlead.db")
	if _, err := buildBenchDB(path, 400, 7); err != nil {
		t.Fatal(err)
	}
	db := openWith(t, path, Options{}, benchPass)
	if err := db.Index().PrepareFacets(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapSession opens and unlocks path; the test closes it (or Cleanup does).
func snapSession(t *testing.T, path string) *DB {
	t.Helper()
	db := openWith(t, path, Options{}, benchPass)
	t.Cleanup(func() { db.Close() })
	return db
}

func snapOutcome(db *DB) facetSnapOutcome {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.snap.outcome
}

// readyFacets runs what the first screen asks (Today's last-contact list)
// and returns the facets then in memory and how many ledgers that read.
func readyFacets(t *testing.T, db *DB) (map[uint64]ledgerFacet, int64) {
	t.Helper()
	before := db.snap.ledgersRead.Load()
	if _, err := db.Index().List(ListQuery{Order: OrderLastContact}, nil); err != nil {
		t.Fatal(err)
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	return maps.Clone(db.index.facets.ledger), db.snap.ledgersRead.Load() - before
}

// fullRead is every prospect's facet read from its ledger now, beside the
// index's facets: what a snapshot must equal.
func fullRead(t *testing.T, db *DB) map[uint64]ledgerFacet {
	t.Helper()
	db.mu.RLock()
	ix := db.index
	var jobs []facetJob
	for _, e := range ix.byID {
		jobs = append(jobs, jobFor(e))
	}
	db.mu.RUnlock()
	res, err := db.readFacets(ix, jobs)
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint64]ledgerFacet{}
	for _, r := range res {
		out[r.id] = r.lf
	}
	return out
}

func storedSnapshot(t *testing.T, db *DB) []byte {
	t.Helper()
	var raw []byte
	db.view(func(tx *bolt.Tx) error {
		raw = slices.Clone(tx.Bucket(bMeta).Get(mFacets))
		return nil
	})
	return raw
}

// A session that only read leaves the file as it was, byte for byte: its
// Close finds the same snapshot stored already.
func TestFacetSnapshotNotRewrittenUnchanged(t *testing.T) {
	path := snapFixture(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	db := snapSession(t, path)
	readyFacets(t, db)
	db.Lock()
	if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a session that wrote nothing changed the file")
	}
}

// A database closed after a session opens with its facets ready: no ledger
// is read, the facets are those a full read gives, and the lists judged at
// another now (grants expire meanwhile) are the full read's too.
func TestFacetSnapshotUsedWhenFresh(t *testing.T) {
	path := snapFixture(t)
	for round := range 2 { // the snapshot a snapshot-loaded session writes is good too
		db := snapSession(t, path)
		if got := snapOutcome(db); got != snapUsed {
			t.Fatalf("round %d: outcome %d, want used", round, got)
		}
		got, read := readyFacets(t, db)
		if read != 0 {
			t.Errorf("round %d: %d ledgers read with a fresh snapshot", round, read)
		}
		if want := fullRead(t, db); !maps.Equal(got, want) {
			t.Fatalf("round %d: the snapshot's facets differ from a full read", round)
		}
		lists := func() []string {
			var out []string
			for _, now := range []time.Time{time.Now(), time.Now().AddDate(2, 0, 0)} {
				for _, c := range []ConsentFilter{WithConsent, WithoutConsent, ObjectedOrWithdrawn, OnDoNotCall} {
					ids, err := db.Index().List(ListQuery{Order: OrderLastContact, Consent: c, Now: now}, nil)
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, fmt.Sprint(ids))
				}
			}
			return out
		}
		fromSnap := lists()
		db.Lock() // writes the snapshot again
		if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
			t.Fatal(err)
		}
		db.mu.Lock()
		db.index.facets.built = false // as if no snapshot: the next list reads every ledger
		db.mu.Unlock()
		if !slices.Equal(lists(), fromSnap) {
			t.Errorf("round %d: the lists judged later differ from a full read's", round)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// Any write after the snapshot, by a session that ends without writing a
// new one (killed), makes it stale: the unlock reads every ledger, and the
// facets show the write.
func TestFacetSnapshotStaleAfterWrite(t *testing.T) {
	for _, c := range []struct {
		name  string
		write func(db *DB) error
	}{
		{"call logged", func(db *DB) error {
			_, err := db.AppendEvent(1, consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeVoicemail, Rep: "Rita Rep", Time: time.Now()})
			return err
		}},
		{"prospect edited", func(db *DB) error {
			_, err := db.EditProspect(2, "name", "Zora Zed", AddOptions{Rep: "Rita Rep", Region: "NL"})
			return err
		}},
		{"settings saved, nothing of the ledgers", func(db *DB) error {
			return db.SaveSettings(testSettings())
		}},
		{"register imported", func(db *DB) error {
			_, err := db.ImportDNC("Other register", []string{"+31201234567"}, time.Now())
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := snapFixture(t)
			db := snapSession(t, path)
			before := storedSnapshot(t, db)
			if err := c.write(db); err != nil {
				t.Fatal(err)
			}
			db.forget() // killed: no Lock or Close writes a snapshot
			db.Close()
			if after := snapshotInFile(t, path); !slices.Equal(before, after) {
				t.Fatal("the snapshot changed without a Close or Lock")
			}
			db = snapSession(t, path)
			if got := snapOutcome(db); got != snapStale {
				t.Fatalf("outcome %d, want stale", got)
			}
			got, read := readyFacets(t, db)
			if read == 0 {
				t.Error("no ledger read with a stale snapshot")
			}
			if !maps.Equal(got, fullRead(t, db)) {
				t.Error("the facets differ from a full read")
			}
		})
	}
}

// snapshotInFile is the stored snapshot of the closed database at path.
func snapshotInFile(t *testing.T, path string) []byte {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return storedSnapshot(t, db)
}

// The stamp is what decides: a snapshot sealed with the right key and
// naming another generation, state, register print or format is not used.
func TestFacetSnapshotStampMismatch(t *testing.T) {
	for _, c := range []struct {
		name  string
		tweak func(pt []byte)
	}{
		{"generation", func(pt []byte) { pt[8]-- }},
		{"state", func(pt []byte) { pt[9] ^= 1 }},
		{"registers", func(pt []byte) { pt[41] ^= 1 }},
		{"format version", func(pt []byte) { pt[0] = facetSnapVersion + 1 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := snapFixture(t)
			db := snapSession(t, path)
			db.mu.RLock()
			want := maps.Clone(db.index.facets.ledger)
			db.mu.RUnlock()
			err := db.updateUncounted(func(tx *bolt.Tx) error {
				pt, err := db.openValue(bMeta, mFacets, tx.Bucket(bMeta).Get(mFacets))
				if err != nil {
					return err
				}
				pt = slices.Clone(pt)
				c.tweak(pt)
				sealed, err := db.sealValue(bMeta, mFacets, pt)
				if err != nil {
					return err
				}
				return tx.Bucket(bMeta).Put(mFacets, sealed)
			})
			if err != nil {
				t.Fatal(err)
			}
			db.forget()
			db.Close()
			db = snapSession(t, path)
			if got := snapOutcome(db); got != snapStale {
				t.Fatalf("outcome %d, want stale", got)
			}
			if got, read := readyFacets(t, db); read == 0 || !maps.Equal(got, want) {
				t.Errorf("%d ledgers read; facets as before: %v", read, maps.Equal(got, want))
			}
		})
	}
}

// A damaged snapshot is ignored (the facets come from the ledgers, the same
// as ever), never fatal, and stays in the file until Verify has named it;
// after that the next Close replaces it.
func TestFacetSnapshotDamaged(t *testing.T) {
	path := snapFixture(t)
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var damaged []byte
	err = b.Update(func(tx *bolt.Tx) error {
		damaged = slices.Clone(tx.Bucket(bMeta).Get(mFacets))
		damaged[len(damaged)/2] ^= 0x20
		return tx.Bucket(bMeta).Put(mFacets, damaged)
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db := snapSession(t, path)
	if got := snapOutcome(db); got != snapDamaged {
		t.Fatalf("outcome %d, want damaged", got)
	}
	got, read := readyFacets(t, db)
	if read == 0 || !maps.Equal(got, fullRead(t, db)) {
		t.Fatalf("%d ledgers read; the facets are not a full read's", read)
	}
	db.Lock() // not replaced before Verify named it
	if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(storedSnapshot(t, db), damaged) {
		t.Fatal("the damaged snapshot was replaced before Verify named it")
	}
	rep, err := db.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var ie *IntegrityError
	if len(rep.Problems) != 1 || !errors.As(rep.Problems[0], &ie) || !strings.Contains(ie.Key, "list facets") {
		t.Fatalf("Verify: %v, want the damaged snapshot named", rep.Problems)
	}
	readyFacets(t, db) // this unlock found it damaged too: its facets come from the ledgers
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = snapSession(t, path)
	if got := snapOutcome(db); got != snapUsed {
		t.Fatalf("after Verify and Close: outcome %d, want used", got)
	}
	if rep, err := db.Verify(); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("Verify after the replacement: %v %v", rep.Problems, err)
	}
}

// No snapshot is written while an update is under way: its commit hooks
// may not yet have marked what it wrote.
func TestFacetSnapshotNotDuringAnUpdate(t *testing.T) {
	path := snapFixture(t)
	db := snapSession(t, path)
	if err := db.updateUncounted(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(mFacets) }); err != nil {
		t.Fatal(err)
	}
	db.updatesInFlight.Add(1)
	db.saveFacetSnapshot()
	db.updatesInFlight.Add(-1)
	if storedSnapshot(t, db) != nil {
		t.Fatal("a snapshot was written during an update")
	}
	db.saveFacetSnapshot()
	if storedSnapshot(t, db) == nil {
		t.Fatal("no snapshot once the update was done")
	}
}
