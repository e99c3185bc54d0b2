package store

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// initState gives a new database its (empty) state; Create calls it once
// the data key is set, before anything is written.
func (db *DB) initState() error {
	return db.update(func(tx *bolt.Tx) error {
		return db.writeState(tx, &dbState{Buckets: map[string]*bucketDigest{}})
	})
}

// writeHeads writes the head of every prospect from the key from on, at
// most limit of them; it returns the key to go on from, nil when done.
// Heads are written as they are, not through putTracked: the state is
// computed from scratch afterwards (computeState).
func (db *DB) writeHeads(tx *bolt.Tx, from []byte, limit int) ([]byte, error) {
	k, err := db.stateKey()
	if err != nil {
		return nil, err
	}
	m := newStateMAC(k)
	type kv struct{ k, v []byte }
	var batch []kv
	c := tx.Bucket(bProspects).Cursor()
	key, raw := c.First()
	if from != nil {
		key, raw = c.Seek(from)
	}
	for ; key != nil && len(batch) < limit; key, raw = c.Next() {
		id := getU64(key)
		h := ledgerHead{P: mac16(m, bProspects, key, raw)}
		if k, v := lastEventRaw(tx, id); k != nil {
			h.Seq, h.E = getU64(k[8:]), mac16(m, bEvents, k, v)
		}
		batch = append(batch, kv{u64(id), h.encode()})
	}
	next := bytes.Clone(key)
	for _, e := range batch {
		if err := tx.Bucket(bHeads).Put(e.k, e.v); err != nil {
			return nil, err
		}
	}
	return next, nil
}

// computeState writes the state as the data is now, its generation gen.
func (db *DB) computeState(tx *bolt.Tx, gen uint64) error {
	k, err := db.stateKey()
	if err != nil {
		return err
	}
	m := newStateMAC(k)
	st := &dbState{Gen: gen, Buckets: map[string]*bucketDigest{}}
	for _, b := range stateBuckets {
		st.Buckets[string(b)] = digestBucket(tx, m, b, 0)
	}
	db.wst = nil // what this transaction accumulated is replaced whole
	return db.writeState(tx, st)
}

// migrateState (schema 2 → 3) gives an older file its state, computed
// from the data as it is at the first unlock: the heads in batches (a step
// per migrateBatch prospects), the digests in the last step.
func (db *DB) migrateState(tx *bolt.Tx, from []byte) ([]byte, error) {
	if from == nil { // the first step: heads left by a cut-off run go
		if err := tx.DeleteBucket(bHeads); err != nil && tx.Bucket(bHeads) != nil {
			return nil, err
		}
		if _, err := tx.CreateBucket(bHeads); err != nil {
			return nil, err
		}
	}
	next, err := db.writeHeads(tx, from, migrateBatch)
	if err != nil || next != nil {
		return next, err
	}
	return nil, db.computeState(tx, 1)
}

// AcceptState takes the file as it is now as the authenticated state: for
// the rep who has seen what Verify names and keeps the data anyway (no
// backup to restore). The audit entries say who and why.
func (db *DB) AcceptState(audit ...AuditEntry) error {
	if _, err := db.key(); err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error {
		var gen uint64
		if st, err := db.readState(tx); err == nil && st != nil {
			gen = st.Gen
		}
		if err := db.appendAudits(tx, audit); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bHeads); err != nil && tx.Bucket(bHeads) != nil {
			return err
		}
		if _, err := tx.CreateBucket(bHeads); err != nil {
			return err
		}
		if _, err := db.writeHeads(tx, nil, int(^uint(0)>>1)); err != nil {
			return fmt.Errorf("cannot take the file as it is: %w", err)
		}
		return db.computeState(tx, gen+1)
	})
}

// addNewTracked follows keys (with empty values) just put into a covered
// bucket where none of them was before: the dnc import's million numbers,
// whose digests are computed on every core rather than one by one.
func (db *DB) addNewTracked(tx *bolt.Tx, bucket []byte, keys [][]byte) error {
	s, err := db.txs(tx)
	if err != nil || s.st == nil {
		return err
	}
	k, err := db.stateKey()
	if err != nil {
		return err
	}
	n := max(1, min(runtime.GOMAXPROCS(0), len(keys)/1000))
	parts := make([][]byte, n)
	var wg sync.WaitGroup
	chunk := (len(keys) + n - 1) / n
	for w := range n {
		lo, hi := w*chunk, min((w+1)*chunk, len(keys))
		wg.Go(func() {
			m, buf, d := newStateMAC(k), make([]byte, 0, sha256.Size), make([]byte, sha256.Size)
			for _, key := range keys[lo:hi] {
				buf = itemMACTo(m, buf[:0], bucket, key, nil)
				subtle.XORBytes(d, d, buf)
			}
			parts[w] = d
		})
	}
	wg.Wait()
	d := s.st.Buckets[string(bucket)]
	if d == nil {
		d = &bucketDigest{}
		s.st.Buckets[string(bucket)] = d
	}
	for _, p := range parts {
		d.D = xorInto(d.D, p)
	}
	d.N += uint64(len(keys))
	return nil
}
