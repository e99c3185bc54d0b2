package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// migrations[i] upgrades a file from schema i+1 to i+2.
//
//	1 → 2: ledger events are stored as CBOR (consent.MarshalEvent) instead
//	       of JSON. They keep their encoding version and hash: a v1 event
//	       still verifies with its v1 canonical JSON.
//
// A migration rewrites sealed values, so it needs the data key: Open only
// reads the version (a file newer than this code is refused there, before
// anything is written) and the first unlock upgrades. At 100,000 prospects
// a step rewrites a million values, which in one transaction would hold
// gigabytes of dirty pages and double the file; so a migration runs in
// steps of one transaction each, and:
//
//   - the first step's transaction writes the new version together with an
//     upgrade marker in meta: from then on an older Warmlead refuses the
//     file (ErrNewerSchema) instead of misreading half-converted values;
//   - each step converts a batch and moves the marker past it, in one
//     transaction: a crash or a full disk leaves every value either old or
//     new, and the next unlock goes on from the marker;
//   - the last step removes the marker, in the transaction converting the
//     last batch. Reads start only after that (the unlock waits).
//
// Then the file is compacted: rewriting every value in place leaves the
// ledgers' pages scattered and the old ones free but in the file (at
// 100,000 prospects: 877 MB before, 337 MB compacted, and reading the
// facets as fast as before the upgrade). A failed compaction is not fatal.
var migrations = []func(db *DB, tx *bolt.Tx, from []byte) (next []byte, err error){
	(*DB).migrateEventsToCBOR,
}

// migrate checks the schema at Open. A current file whose buckets are all
// there is left alone (an Update that changes nothing still rewrites a meta
// page, and opening with a wrong passphrase must leave the file's bytes
// alone); a current file missing a bucket added since it was created gets
// it; an older file, or one whose upgrade was cut off, is upgraded at
// unlock (upgrade).
func (db *DB) migrate() error {
	var v uint64
	complete, marked := true, false
	db.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		v = getU64(m.Get(mSchema))
		marked = m.Get(mUpgrade) != nil
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
	case v < schemaVersion || marked:
		db.upgradePending = true
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

// upgrade runs the migrations an older file needs, once unlocked; see
// migrations for how a crash is survived.
func (db *DB) upgrade() error {
	db.upgradeMu.Lock()
	defer db.upgradeMu.Unlock()
	if !db.upgradePending {
		return nil
	}
	for db.upgradePending {
		err := db.update(func(tx *bolt.Tx) error {
			m := tx.Bucket(bMeta)
			v, marker := getU64(m.Get(mSchema)), m.Get(mUpgrade)
			if marker == nil {
				if v >= schemaVersion {
					db.upgradePending = false
					return nil
				}
				// A new step: the next version, marked as under way.
				if err := createBuckets(tx); err != nil {
					return err
				}
				v, marker = v+1, []byte{'@'}
				if err := putAll(m, mSchema, u64(v), mUpgrade, marker); err != nil {
					return err
				}
			}
			if v < 2 || v > schemaVersion || marker[0] != '@' {
				return errors.New("the upgrade marker in the meta bucket is damaged: restore a backup")
			}
			var from []byte
			if len(marker) > 1 {
				from = bytes.Clone(marker[1:])
			}
			next, err := migrations[v-2](db, tx, from)
			if err != nil {
				return fmt.Errorf("upgrading the database to version %d failed: %w", v, err)
			}
			if next == nil {
				return m.Delete(mUpgrade)
			}
			return m.Put(mUpgrade, append([]byte{'@'}, next...))
		})
		if err != nil {
			return err
		}
	}
	_ = db.Compact()
	return nil
}

// migrateBatch is how many values a step of a migration rewrites.
var migrateBatch = 20000

// migrateEventsToCBOR (schema 1 → 2) re-encodes ledger events from JSON to
// CBOR, sealed again at the same key, from the key from on; it returns the
// key to go on from, nil when done. A value that does not open or read as
// JSON stays as it is: damaged before, Verify names it as such.
func (db *DB) migrateEventsToCBOR(tx *bolt.Tx, from []byte) ([]byte, error) {
	b := tx.Bucket(bEvents)
	type kv struct{ k, v []byte }
	var batch []kv
	c := b.Cursor()
	k, raw := c.First()
	if from != nil {
		k, raw = c.Seek(from)
	}
	for ; k != nil && len(batch) < migrateBatch; k, raw = c.Next() {
		pt, err := db.openValue(bEvents, k, raw)
		if errors.Is(err, ErrNotUnlocked) {
			return nil, err
		}
		var ev consent.Event // Enc 0: JSON holds only v1 events
		if err != nil || len(pt) == 0 || pt[0] != '{' || json.Unmarshal(pt, &ev) != nil {
			continue
		}
		out, err := consent.MarshalEvent(ev)
		if err != nil {
			return nil, err
		}
		sealed, err := db.sealValue(bEvents, k, out)
		if err != nil {
			return nil, err
		}
		batch = append(batch, kv{bytes.Clone(k), sealed})
	}
	next := bytes.Clone(k) // read before the puts, which move the cursor
	for _, e := range batch {
		if err := b.Put(e.k, e.v); err != nil {
			return nil, err
		}
	}
	return next, nil
}
