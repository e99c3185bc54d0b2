package store

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// snapshotPeople are prospects that try the index section's corners:
// accents, the same name and company twice (the higher id keys them), a
// number kept as written, an introducer, empty optional fields, and
// times in three zones.
func snapshotPeople() []consent.Prospect {
	amsterdam := time.FixedZone("", 3600)
	newYork := time.FixedZone("", -5*3600)
	return []consent.Prospect{
		{Name: "Jørgen Ångström", Company: "Fjord AS", Title: "Innkjøpssjef", Email: "jorgen@fjord.example", Source: consent.SourceCard, Event: "Nor-Shipping", Lang: "nb"},
		{Name: "Anna de Vries", Company: "Tulp BV", Phone: "+31 20 123 4567", Source: consent.SourceReferral, Introducer: 1},
		{Name: "Anna de Vries", Company: "TULP BV", Email: "anna2@tulp.example", Source: consent.SourceCard},
		{Name: "Zoë Müller", Company: "", PhoneRaw: "ext. 12", Source: consent.SourceColdCall, Created: time.Date(2026, 3, 1, 9, 30, 0, 123456789, amsterdam)},
		{Name: "Bob", Company: "Lists Inc", Source: consent.SourceList, ListVendor: "DataCo", Created: time.Date(2025, 12, 31, 23, 59, 59, 0, newYork)},
		{Name: "Ève Dupont", Company: "Société Générale d'Exemple", Title: "Directrice", Email: "eve@sg.example", Source: consent.SourceCard, Created: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)},
	}
}

// indexOf opens path and returns its index after the unlock, and what
// became of the snapshot.
func indexOf(t *testing.T, path string) (*DB, *searchIndex, facetSnapOutcome) {
	t.Helper()
	db := openWith(t, path, Options{}, testPass)
	t.Cleanup(func() { db.Close() })
	db.mu.Lock()
	db.index.ensureSorted()
	ix := db.index
	db.mu.Unlock()
	return db, ix, snapOutcome(db)
}

// copyIndex keeps what sameIndex compares past the close that wipes ix.
func copyIndex(ix *searchIndex) *searchIndex {
	c := &searchIndex{byID: map[uint64]*indexEntry{}, byNameCo: maps.Clone(ix.byNameCo),
		hay: slices.Clone(ix.hay), ends: slices.Clone(ix.ends)}
	for _, e := range ix.sorted {
		cp := *e
		c.sorted = append(c.sorted, &cp)
		c.byID[cp.p.ID] = &cp
	}
	return c
}

func sameIndex(t *testing.T, got, want *searchIndex) {
	t.Helper()
	if len(got.sorted) != len(want.sorted) {
		t.Fatalf("%d entries, want %d", len(got.sorted), len(want.sorted))
	}
	for i, w := range want.sorted {
		g := got.sorted[i]
		if !reflect.DeepEqual(g.p, w.p) || g.name != w.name || g.hay != w.hay || g.nameCo() != w.nameCo() {
			t.Errorf("entry %d:\n got %+v %q %q\nwant %+v %q %q", i, g.p, g.name, g.hay, w.p, w.name, w.hay)
		}
		if got.byID[w.p.ID] != g {
			t.Errorf("byID[%d] is not the sorted entry", w.p.ID)
		}
	}
	if !maps.Equal(got.byNameCo, want.byNameCo) {
		t.Errorf("byNameCo %v, want %v", got.byNameCo, want.byNameCo)
	}
	if string(got.hay) != string(want.hay) || !slices.Equal(got.ends, want.ends) {
		t.Error("the search block differs")
	}
}

// After a clean close the unlock takes the index from the snapshot, and it
// is the index a load of every record makes.
func TestIndexSnapshotIsTheLoadedIndex(t *testing.T) {
	db, path := newTestDB(t, Options{})
	for _, p := range snapshotPeople() {
		if _, err := db.AddProspect(p, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Index().PrepareFacets(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	snapDB, ix, outcome := indexOf(t, path)
	fromSnap := copyIndex(ix)
	if outcome != snapUsed {
		t.Fatalf("outcome %d, want the snapshot used", outcome)
	}
	if len(fromSnap.sorted) != len(snapshotPeople()) {
		t.Fatalf("%d prospects from the snapshot", len(fromSnap.sorted))
	}
	snapDB.Close()
	dropFacetSnapshot(t, path)
	_, loaded, outcome := indexOf(t, path)
	if outcome != snapNone {
		t.Fatalf("outcome %d after the snapshot was dropped", outcome)
	}
	sameIndex(t, fromSnap, loaded)
}

// A write after an unlock from the snapshot re-sorts the index into a new
// block: the entries from the snapshot keep their text, and search finds
// the old and the new.
func TestIndexSnapshotThenWrites(t *testing.T) {
	db, path := newTestDB(t, Options{})
	var ids []uint64
	for _, p := range snapshotPeople() {
		p, err := db.AddProspect(p, AddOptions{Rep: "Rita Rep", Region: "NL"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	db.Index().PrepareFacets()
	db.Close()
	db, ix, outcome := indexOf(t, path)
	if outcome != snapUsed {
		t.Fatalf("outcome %d", outcome)
	}
	before := ix.byID[ids[0]].hay
	addTest(t, db, "Aaron Aardvark", "Ångström Consulting", "aaron@aa.example", "")
	if got := db.Index().Search("angstrom"); len(got) != 2 {
		t.Errorf("search after a write found %d, want Jørgen and Aaron", len(got))
	}
	db.mu.RLock()
	after := db.index.byID[ids[0]].hay
	db.mu.RUnlock()
	if before != after || after == "" {
		t.Errorf("an entry's haystack changed under it: %q, was %q", after, before)
	}
	if got := db.Index().Search("fjord innkjopssjef"); len(got) != 1 || got[0].ID != ids[0] {
		t.Errorf("search found %v", got)
	}
}

// A record removed from the file after the snapshot was made: the state
// check names it, and the index is the file's records, not the snapshot's.
func TestIndexSnapshotNotTrustedOverTheRecords(t *testing.T) {
	db, path := newTestDB(t, Options{})
	for _, p := range snapshotPeople() {
		if _, err := db.AddProspect(p, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
			t.Fatal(err)
		}
	}
	db.Index().PrepareFacets()
	db.Close()
	behindTheBack(t, path, func(tx *bolt.Tx) error { return tx.Bucket(bProspects).Delete(u64(1)) })

	db = openLocked(t, path, Options{})
	err := db.UnlockPassphrase([]byte(testPass))
	var se StateErrors
	if !errors.As(err, &se) {
		t.Fatalf("unlock: %v, want the removed record named", err)
	}
	if n := db.Index().Count(); n != len(snapshotPeople())-1 {
		t.Errorf("the index holds %d prospects, want the %d in the file", n, len(snapshotPeople())-1)
	}
	if _, ok := db.Index().Cached(1); ok {
		t.Error("the removed prospect is in the index (from the snapshot)")
	}
}

// FuzzIndexSection: any bytes decode into an error or into entries, never
// a panic; what decodes encodes into a section that decodes to the same
// (a time may have had another of its binary forms).
func FuzzIndexSection(f *testing.F) {
	var sorted []*indexEntry
	for i, p := range snapshotPeople() {
		p.ID = uint64(i + 1)
		e, _ := newIndexEntry(p)
		sorted = append(sorted, e)
	}
	f.Add(appendIndexSection(nil, sorted))
	f.Add(appendIndexSection(nil, nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeIndexSection(slices.Clone(b))
		if err != nil {
			return
		}
		again := appendIndexSection(nil, s.sorted)
		s2, err := decodeIndexSection(slices.Clone(again))
		if err != nil {
			t.Fatalf("encoded again, it does not decode: %v", err)
		}
		if third := appendIndexSection(nil, s2.sorted); string(third) != string(again) {
			t.Fatalf("decoded and encoded again: %x, was %x", third, again)
		}
	})
}
