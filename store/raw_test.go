package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

type boltTx = bolt.Tx

// flipInValue changes one byte in the middle of a stored value, as damage
// or tampering would, bypassing the store's sealing.
func flipInValue(t *testing.T, path string, bucket, key []byte) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(bucket).Get(key)...)
		if len(v) == 0 {
			t.Fatalf("no value at %s/%x", bucket, key)
		}
		v[len(v)/2] ^= 0x40
		return tx.Bucket(bucket).Put(key, v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyValue(t *testing.T, path string, bucket, from, to []byte) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.Update(func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(bucket).Get(from)...)
		return tx.Bucket(bucket).Put(to, v)
	})
}
