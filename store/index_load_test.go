package store

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"
)

// TestParallelLoadMatchesOneByOne: the index the two-core load builds at
// unlock is the one putting each prospect in key order builds: same
// entries, same name order, same name-and-company lookups (where two
// prospects share them, the later id wins in both).
func TestParallelLoadMatchesOneByOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warmlead.db")
	if _, err := buildBenchDB(path, loadParallelMin+700, 3); err != nil {
		t.Fatal(err)
	}
	db := openWith(t, path, Options{}, benchPass)
	defer db.Close()
	ix := db.index
	if len(ix.byID) != loadParallelMin+700 {
		t.Fatalf("loaded %d prospects", len(ix.byID))
	}
	seq := newSearchIndex()
	for _, id := range slices.Sorted(maps.Keys(ix.byID)) {
		seq.put(ix.byID[id].p)
	}
	seq.ensureSorted()
	if ix.dirty {
		t.Fatal("the loaded index is not sorted")
	}
	idsOf := func(es []*indexEntry) []uint64 {
		out := make([]uint64, len(es))
		for i, e := range es {
			out[i] = e.p.ID
		}
		return out
	}
	if !slices.Equal(idsOf(ix.sorted), idsOf(seq.sorted)) {
		t.Error("the name order differs from a one-by-one load")
	}
	if !slices.Equal(ix.hay, seq.hay) || !slices.Equal(ix.ends, seq.ends) {
		t.Error("the search block differs from a one-by-one load")
	}
	if !maps.Equal(ix.byNameCo, seq.byNameCo) {
		t.Error("the name-and-company lookups differ from a one-by-one load")
	}
}
