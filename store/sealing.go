package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// put seals v as JSON and stores it at bucket/key. The bucket is named, not
// passed as a handle, because its name is part of the associated data.
func (db *DB) put(tx *bolt.Tx, bucket, key []byte, v any) error {
	pt, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.Bucket(bucket).Put(key, db.sealValue(bucket, key, pt))
}

func (db *DB) sealValue(bucket, key, pt []byte) []byte {
	if db.plain {
		return append([]byte{formatPlain}, pt...)
	}
	dk, _ := db.key()
	return seal(dk, pt, adFor(bucket, key))
}

// get opens the value at bucket/key into v. A value that fails
// authentication gives an IntegrityError naming where, never a panic.
func (db *DB) get(tx *bolt.Tx, bucket, key []byte, v any, what string) error {
	raw := tx.Bucket(bucket).Get(key)
	if raw == nil {
		return ErrNotFound
	}
	return db.decode(bucket, key, raw, v, what)
}

// decode opens a raw value read from bucket/key into v.
func (db *DB) decode(bucket, key, raw []byte, v any, what string) error {
	var pt []byte
	if db.plain {
		if len(raw) == 0 || raw[0] != formatPlain {
			return &IntegrityError{string(bucket), what}
		}
		pt = raw[1:]
	} else {
		dk, err := db.key()
		if err != nil {
			return err
		}
		if pt, err = open(dk, raw, adFor(bucket, key)); err != nil {
			return &IntegrityError{string(bucket), what}
		}
	}
	if err := json.Unmarshal(pt, v); err != nil {
		return &IntegrityError{string(bucket), fmt.Sprintf("%s (unreadable: %v)", what, err)}
	}
	return nil
}
