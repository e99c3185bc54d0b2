package store

import (
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
	ids, _, err := db.DueCandidatesUntil(now, retentionMonths) // changes.go
	return ids, err
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
