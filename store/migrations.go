package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrations[i] upgrades a file from schema i+1 to i+2. They run in one
// transaction at open, the new version written last, so a crash leaves the
// old version in place. Version 1 is the first layout; none exist yet.
var migrations []func(tx *bolt.Tx) error

func (db *DB) migrate() error {
	// Look first: an Update that changes nothing still rewrites a meta page,
	// and opening with a wrong passphrase must leave the file's bytes alone.
	current := false
	db.view(func(tx *bolt.Tx) error {
		current = getU64(tx.Bucket(bMeta).Get(mSchema)) == schemaVersion
		for _, name := range allBuckets {
			current = current && tx.Bucket(name) != nil
		}
		return nil
	})
	if current {
		return nil
	}
	return db.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		v := getU64(m.Get(mSchema))
		if v == 0 {
			return ErrNotWarmlead
		}
		if v > schemaVersion+1000 { // no release will ever get this far
			return fmt.Errorf("the schema version in the meta bucket is damaged (%d): restore a backup", v)
		}
		if v > schemaVersion {
			return ErrNewerSchema
		}
		// Buckets added since the file was created.
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		for ; v < schemaVersion; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("upgrading the database to version %d failed: %w", v+1, err)
			}
		}
		return m.Put(mSchema, u64(schemaVersion))
	})
}
