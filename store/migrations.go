package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// migrations[i] upgrades a file from schema i+1 to i+2. They rewrite sealed
// values, so they need the data key: Open only reads the version (a file
// newer than this code is refused there, before anything is written), and
// the first unlock runs every step due in one transaction, the new version
// written last. A crash or a failing step leaves the file as it was, at its
// old version, and the next unlock tries again.
//
//	1 → 2: ledger events are stored as CBOR (consent.MarshalEvent) instead
//	       of JSON. They keep their encoding version and hash: a v1 event
//	       still verifies with its v1 canonical JSON.
var migrations = []func(db *DB, tx *bolt.Tx) error{
	(*DB).migrateEventsToCBOR,
}

// migrate checks the schema at Open. A current file whose buckets are all
// there is left alone (an Update that changes nothing still rewrites a meta
// page, and opening with a wrong passphrase must leave the file's bytes
// alone); a current file missing a bucket added since it was created gets
// it; an older file is upgraded at unlock (upgrade).
func (db *DB) migrate() error {
	var v uint64
	complete := true
	db.view(func(tx *bolt.Tx) error {
		v = getU64(tx.Bucket(bMeta).Get(mSchema))
		for _, name := range allBuckets {
			complete = complete && tx.Bucket(name) != nil
		}
		return nil
	})
	switch {
	case v == 0:
		return ErrNotWarmlead
	case v > schemaVersion+1000: // no release will ever get this far
		return fmt.Errorf("the schema version in the meta bucket is damaged (%d): restore a backup", v)
	case v > schemaVersion:
		return ErrNewerSchema
	case v < schemaVersion:
		db.upgradeFrom = v
		return nil
	case complete:
		return nil
	}
	return db.update(createBuckets)
}

// createBuckets adds the buckets added since the file was created.
func createBuckets(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// upgrade runs the migrations an older file needs, once unlocked.
func (db *DB) upgrade() error {
	db.upgradeMu.Lock()
	defer db.upgradeMu.Unlock()
	if db.upgradeFrom == 0 {
		return nil
	}
	err := db.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		v := getU64(m.Get(mSchema))
		if v != db.upgradeFrom {
			return fmt.Errorf("the schema version changed under the upgrade (%d, was %d)", v, db.upgradeFrom)
		}
		if err := createBuckets(tx); err != nil {
			return err
		}
		for ; v < schemaVersion; v++ {
			if err := migrations[v-1](db, tx); err != nil {
				return fmt.Errorf("upgrading the database to version %d failed: %w", v+1, err)
			}
		}
		return m.Put(mSchema, u64(schemaVersion))
	})
	if err == nil {
		db.upgradeFrom = 0
	}
	return err
}

// migrateBatch is how many values a migration reads before it writes them
// back: a bucket must not change under its cursor.
const migrateBatch = 1024

// migrateEventsToCBOR (schema 1 → 2) re-encodes every ledger event from
// JSON to CBOR, sealed again at the same key. A value that does not open or
// read stays as it is: it was damaged before, and Verify names it as such.
func (db *DB) migrateEventsToCBOR(tx *bolt.Tx) error {
	b := tx.Bucket(bEvents)
	type kv struct{ k, v []byte }
	batch := make([]kv, 0, migrateBatch)
	var next []byte
	for {
		batch = batch[:0]
		c := b.Cursor()
		k, raw := c.First()
		if next != nil {
			k, raw = c.Seek(next)
		}
		for ; k != nil && len(batch) < migrateBatch; k, raw = c.Next() {
			pt, err := db.openValue(bEvents, k, raw)
			if err != nil {
				if err == ErrNotUnlocked {
					return err
				}
				continue
			}
			var ev consent.Event // Enc 0: JSON holds only v1 events
			if len(pt) == 0 || pt[0] != '{' || json.Unmarshal(pt, &ev) != nil {
				continue
			}
			out, err := consent.MarshalEvent(ev)
			if err != nil {
				return err
			}
			sealed, err := db.sealValue(bEvents, k, out)
			if err != nil {
				return err
			}
			batch = append(batch, kv{bytes.Clone(k), sealed})
		}
		if k != nil {
			next = bytes.Clone(k)
		}
		for _, e := range batch {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
		if k == nil {
			return nil
		}
	}
}
