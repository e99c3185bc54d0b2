package store

import (
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// DueCandidates lists, in id order, the prospects that may have something
// due at now (consent.DueHint): the only ledgers Today has to open. The
// hints come with the list's facets, read once per unlock and kept up to
// date on every write, so at 100,000 prospects this costs the facets' first
// read once and about a millisecond after that.
func (db *DB) DueCandidates(now time.Time, retentionMonths int) ([]uint64, error) {
	if err := db.refreshFacets(false); err != nil {
		return nil, err
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	ix := db.index
	if ix == nil {
		return nil, ErrNotUnlocked
	}
	var ids []uint64
	for id := range ix.byID {
		lf, ok := ix.facets.ledger[id]
		// No facet yet (written after the read began): open it to be safe.
		if !ok || lf.due().MayBeDue(now, retentionMonths) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// ForEachRecordOf is ForEachRecord for the given ids (ascending), skipping
// ids that no longer exist (erased in between).
func (db *DB) ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error) {
	if len(ids) >= releaseAfter {
		defer db.releaseMapped() // many ledgers' pages were read (mapped_linux.go)
	}
	return db.eachRecord(func(tx *bolt.Tx, visit func(k, v []byte) error) error {
		b := tx.Bucket(bProspects)
		for _, id := range ids {
			k := u64(id)
			if v := b.Get(k); v != nil {
				if err := visit(k, v); err != nil {
					return err
				}
			}
		}
		return nil
	}, fn)
}
