package store

// The search index from the snapshot (issue 16: unlock at most five times
// bbolt's raw iterate-and-open). The facet snapshot's value carries the
// index too (index_snapshot_codec.go); this is where the unlock turns it
// into the index a load of every record would have made, and where Close
// and Lock add it to the value they write.
//
// Why it may stand in for the records: the snapshot's stamp holds a digest
// of the sealed state value, and the state holds a MAC of every record of
// the prospects bucket (state.go). The unlock uses the decoded index only
// once the state check has found the bucket to be what that state says
// (finishUnlock), so it is the index of exactly these records. A record
// that was damaged, removed or put back since makes the check fail, and
// the unlock then loads every record as before, leaving a damaged one out.

// indexFromSection is the index of a decoded index section, as buildIndex
// would make it from the same records: byNameCo holds, for a name and
// company shared by several prospects, the highest id (a load puts them
// in key order, the last one wins).
func indexFromSection(s indexSection) *searchIndex {
	ix := newSearchIndex()
	n := len(s.sorted)
	ix.byID = make(map[uint64]*indexEntry, n)
	ix.byNameCo = make(map[string]uint64, n)
	done := make(chan struct{})
	go func() {
		for _, e := range s.sorted {
			ix.byID[e.p.ID] = e
		}
		close(done)
	}()
	for i, e := range s.sorted {
		k := s.nameCo[i]
		if old, ok := ix.byNameCo[k]; !ok || e.p.ID > old {
			ix.byNameCo[k] = e.p.ID
		}
	}
	<-done
	ix.sorted, ix.hay, ix.ends, ix.dirty, ix.shared = s.sorted, s.hay, s.ends, false, true
	// As buildIndex: what n puts would have told the facets.
	ix.facets.layout += uint64(n)
	ix.facets.version += uint64(n)
	return ix
}

// snapshotPlain is the snapshot's plaintext for the facets of ids and the
// index ix, which the caller holds db.mu for writing for (the name order
// may need sorting first).
func snapshotPlain(st facetStamp, ids []uint64, ledger map[uint64]ledgerFacet, ix *searchIndex) []byte {
	ix.ensureSorted()
	return appendIndexSection(encodeFacets(st, ids, ledger), ix.sorted)
}
