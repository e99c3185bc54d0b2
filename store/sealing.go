package store

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// put seals v and stores it at bucket/key. The bucket is named, not passed
// as a handle, because its name is part of the associated data. A ledger
// event is kept in its binary form (consent.MarshalEvent: the CBOR map its
// v2 hash covers, since schema 2), every other value as JSON.
func (db *DB) put(tx *bolt.Tx, bucket, key []byte, v any) error {
	pt, err := marshalValue(v)
	if err != nil {
		return err
	}
	sealed, err := db.sealValue(bucket, key, pt)
	if err != nil {
		return err
	}
	return db.putTracked(tx, bucket, key, sealed) // state.go
}

// sealValue seals under db.mu: Lock zeroes the key in place, and a write
// running in the background at that moment (an import when the idle lock
// fires) must fail with ErrNotUnlocked, not seal under a wiped key.
func (db *DB) sealValue(bucket, key, pt []byte) ([]byte, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	if db.plain {
		return append([]byte{formatPlain}, pt...), nil
	}
	return seal(db.dataKey, pt, adFor(bucket, key)), nil
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
	return db.decodeNamed(bucket, key, raw, v, func() string { return what })
}

// decodeNamed is decode with the value's name made only when it fails:
// the reads of every ledger (the team report reads 1,000,000 events
// twice at 100,000 prospects) formatted a name per event that nothing
// used, 100 MB of garbage a report.
func (db *DB) decodeNamed(bucket, key, raw []byte, v any, what func() string) error {
	pt, err := db.openValue(bucket, key, raw)
	if err != nil {
		if errors.Is(err, ErrNotUnlocked) {
			return err
		}
		return &IntegrityError{string(bucket), what()}
	}
	if err := unmarshalValue(pt, v); err != nil {
		return &IntegrityError{string(bucket), fmt.Sprintf("%s (unreadable: %v)", what(), err)}
	}
	return nil
}

func marshalValue(v any) ([]byte, error) {
	switch ev := v.(type) {
	case consent.Event:
		return consent.MarshalEvent(ev)
	case *consent.Event:
		return consent.MarshalEvent(*ev)
	}
	return json.Marshal(v)
}

func unmarshalValue(pt []byte, v any) error {
	if ev, ok := v.(*consent.Event); ok {
		return consent.UnmarshalEvent(pt, ev)
	}
	return json.Unmarshal(pt, v)
}

// openValue opens a raw value under db.mu, for the reason given at
// sealValue: a Lock meanwhile gives ErrNotUnlocked, never a false alarm of
// damage from opening with a wiped key.
func (db *DB) openValue(bucket, key, raw []byte) ([]byte, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	if db.plain {
		if len(raw) == 0 || raw[0] != formatPlain {
			return nil, errOpen
		}
		return raw[1:], nil
	}
	return open(db.dataKey, raw, adFor(bucket, key))
}
