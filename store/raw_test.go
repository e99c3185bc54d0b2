package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"warmlead/store/storetest"
)

type boltTx = bolt.Tx

// flipInValue changes one byte in the middle of a stored value, as damage
// or tampering would, bypassing the store's sealing.
func flipInValue(t *testing.T, path string, bucket, key []byte) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(bucket).Get(key)...)
		if len(v) == 0 {
			t.Fatalf("no value at %s/%x", bucket, key)
		}
		v[len(v)/2] ^= 0x40
		return tx.Bucket(bucket).Put(key, v)
	})
}

func copyValue(t *testing.T, path string, bucket, from, to []byte) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(bucket).Get(from)...)
		return tx.Bucket(bucket).Put(to, v)
	})
}
