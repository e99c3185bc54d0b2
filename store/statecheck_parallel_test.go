package store

import (
	"bytes"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The digest on every core is the one-goroutine digest of the same records.
func TestDigestBucketParallelIsSequential(t *testing.T) {
	bdb, err := bolt.Open(filepath.Join(t.TempDir(), "d.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	n := parallelDigestMin + 1234
	bdb.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bAudit)
		for i := range n {
			b.Put(u64(uint64(i+1)), bytes.Repeat([]byte{byte(i)}, 1+i%90))
		}
		return nil
	})
	key := bytes.Repeat([]byte{7}, 32)
	bdb.View(func(tx *bolt.Tx) error {
		one := digestBucket(tx, newStateMAC(key), bAudit, 0)
		all := digestBucket(tx, newStateMAC(key), bAudit, uint64(n))
		if one.N != uint64(n) || all.N != one.N || !bytes.Equal(all.D, one.D) || all.Last != one.Last || one.Last != uint64(n) {
			t.Errorf("parallel %d %x last %d, sequential %d %x last %d", all.N, all.D, all.Last, one.N, one.D, one.Last)
		}
		return nil
	})
}
