package store

import (
	"bytes"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// The facet snapshot across a rekey, an erasure and a restore, and its
// encoding (index_facets_snapshot_test.go has the fixture).

// A rekey drops the snapshot sealed with the old key; the Close after it
// writes one under the new key, which the next unlock uses.
func TestFacetSnapshotAfterRekey(t *testing.T) {
	path := snapFixture(t)
	db := snapSession(t, path)
	if err := db.Rekey([]byte(benchPass), nil); err != nil {
		t.Fatal(err)
	}
	if raw := storedSnapshot(t, db); raw != nil {
		t.Fatal("the rekeyed file kept the snapshot sealed with the old key")
	}
	want := fullRead(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = snapSession(t, path)
	if got := snapOutcome(db); got != snapUsed {
		t.Fatalf("outcome %d, want used", got)
	}
	if got, read := readyFacets(t, db); read != 0 || !maps.Equal(got, want) {
		t.Errorf("%d ledgers read; facets as a full read: %v", read, maps.Equal(got, want))
	}
}

// An erasure deletes the snapshot in its own transaction (before the
// compaction), and the next one holds no facet of the erased person.
func TestFacetSnapshotAfterErasure(t *testing.T) {
	path := snapFixture(t)
	db := snapSession(t, path)
	if err := db.Erase(5, "asked to be forgotten", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	if raw := storedSnapshot(t, db); raw != nil {
		t.Fatal("the snapshot survived the erasure")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = snapSession(t, path)
	if got := snapOutcome(db); got != snapUsed {
		t.Fatalf("outcome %d, want used", got)
	}
	var ids map[uint64]ledgerFacet
	var sec indexSection
	db.view(func(tx *bolt.Tx) error {
		pt, err := db.openValue(bMeta, mFacets, tx.Bucket(bMeta).Get(mFacets))
		var rest []byte
		if err == nil {
			_, ids, rest, err = decodeFacetsPrefix(pt)
		}
		if err == nil {
			sec, err = decodeIndexSection(bytes.Clone(rest))
		}
		if err != nil {
			t.Fatal(err)
		}
		return nil
	})
	if _, ok := ids[5]; ok || len(ids) != 399 {
		t.Errorf("the snapshot holds %d prospects, the erased one: %v", len(ids), ok)
	}
	if len(sec.sorted) != 399 || slices.ContainsFunc(sec.sorted, func(e *indexEntry) bool { return e.p.ID == 5 }) {
		t.Errorf("the snapshot's index holds %d prospects, or the erased one", len(sec.sorted))
	}
	if got, read := readyFacets(t, db); read != 0 || !maps.Equal(got, fullRead(t, db)) {
		t.Errorf("%d ledgers read, or the facets differ from a full read", read)
	}
}

// A backup holds the snapshot of its moment; the restore writes to the
// file (its generation), so the restored file reads its ledgers once, with
// the facets a full read gives, and its Close writes a fresh snapshot.
func TestFacetSnapshotAcrossRestore(t *testing.T) {
	path := snapFixture(t)
	db := snapSession(t, path)
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AppendEvent(1, consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeVoicemail, Rep: "Rita Rep", Time: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	unlock := func(d *DB) error { return d.UnlockPassphrase([]byte(benchPass)) }
	if _, err := Restore(path, bak, Options{}, unlock); err != nil {
		t.Fatal(err)
	}
	db = snapSession(t, path)
	if got := snapOutcome(db); got != snapStale {
		t.Fatalf("restored file: outcome %d, want stale", got)
	}
	got, read := readyFacets(t, db)
	if read == 0 || !maps.Equal(got, fullRead(t, db)) {
		t.Fatalf("%d ledgers read, or the facets differ from a full read", read)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db = snapSession(t, path); snapOutcome(db) != snapUsed {
		t.Fatalf("after the restored file's first close: outcome %d, want used", snapOutcome(db))
	}
}

func TestFacetSnapshotEncoding(t *testing.T) {
	st := facetStamp{gen: 1<<40 + 3}
	st.state[0], st.regs[31] = 7, 9
	ledger := map[uint64]ledgerFacet{
		1:       {},
		2:       {contact: 1_700_000_000, until: forever, objected: true, calls: 3, lastCall: 1_700_000_100, callback: 1_700_100_000, callBackAt: 1_700_100_000},
		9:       {until: 1_800_000_000, withdrawn: true, dnc: true, notice: true, dueAny: true, dueFrom: time.Time{}.Unix(), lastActivity: 5},
		1 << 50: {until: -1, dueFrom: -62135596800, calls: 1<<31 - 1},
	}
	ids := slices.Sorted(maps.Keys(ledger))
	enc := encodeFacets(st, ids, ledger)
	gotSt, got, err := decodeFacets(enc)
	if err != nil || gotSt != st || !maps.Equal(got, ledger) {
		t.Fatalf("round trip: %v %v, stamp equal %v", err, got, gotSt == st)
	}
	for _, cut := range []int{0, 1, facetHeaderLen, len(enc) - 1} {
		if _, _, err := decodeFacets(enc[:cut]); err == nil {
			t.Errorf("cut at %d: decoded", cut)
		}
	}
	if _, _, err := decodeFacets(append(slices.Clone(enc), 0)); err == nil {
		t.Error("a trailing byte: decoded")
	}
}
