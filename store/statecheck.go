package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// StateError names a place where the file differs from its authenticated
// state (state.go): records removed, added, replaced by an older copy, or
// a ledger cut short. It is found by Verify, at unlock and when a ledger is
// read.
type StateError struct {
	Bucket string
	What   string
}

func (e *StateError) Error() string {
	return fmt.Sprintf("the database changed without its key in %s: %s (restore a backup, or run 'warmlead verify' to see every difference)", e.Bucket, e.What)
}

// StateErrors is what the check at unlock found; the database is left
// unlocked so Verify can name every difference (close it to stop).
type StateErrors []error

func (e StateErrors) Error() string {
	if len(e) == 1 {
		return e[0].Error()
	}
	return fmt.Sprintf("%v (and %d more difference(s))", e[0], len(e)-1)
}

func (e StateErrors) Unwrap() []error { return e }

// IsStateError tells whether err reports a difference from the state.
func IsStateError(err error) bool {
	var se *StateError
	return errors.As(err, &se)
}

var errNoState = &StateError{Bucket: "meta", What: "the record of the database's state is missing"}

// digestBucket recomputes a bucket's count and digest from its records.
// The digest is an XOR of the records' MACs, so the order does not
// matter: a bucket expected to hold many records (expect: the count the
// state says, 0 when unknown; the prospects at every unlock) is MACed on
// every core, one MAC each.
func digestBucket(tx *bolt.Tx, m hash.Hash, bucket []byte, expect uint64) *bucketDigest {
	d := &bucketDigest{}
	b := tx.Bucket(bucket)
	if b == nil {
		return d
	}
	if expect < parallelDigestMin {
		b.ForEach(func(k, v []byte) error {
			d.add(m, bucket, k, v)
			return nil
		})
		return d
	}
	// References into bbolt's map, valid while tx is open.
	vals := make([]storedValue, 0, min(expect, 1<<22))
	b.ForEach(func(k, v []byte) error {
		vals = append(vals, storedValue{k, v})
		return nil
	})
	macs := []hash.Hash{m}
	for range workersFor(len(vals)) - 1 {
		if c, err := m.(hash.Cloner).Clone(); err == nil {
			macs = append(macs, c)
		}
	}
	parts := make([]bucketDigest, len(macs))
	faults := make([]error, len(macs))
	inParallel(len(vals), len(macs), func(w, lo, hi int) {
		// A damaged page faults in the goroutine that reads it: each
		// guards itself, and the fault is raised again in the caller's,
		// where a one-goroutine read would have raised it.
		if faults[w] == nil {
			faults[w] = guardDamage(func() error {
				for _, kv := range vals[lo:hi] {
					parts[w].add(macs[w], bucket, kv.k, kv.v)
				}
				return nil
			})
		}
	}, nil)
	for w := range parts {
		if faults[w] != nil {
			panic(faults[w])
		}
		if parts[w].N > 0 {
			d.D = xorInto(d.D, parts[w].D)
		}
		d.N += parts[w].N
		d.Last = max(d.Last, parts[w].Last)
	}
	return d
}

// parallelDigestMin is the record count from which digestBucket uses every
// core.
const parallelDigestMin = 4000

func (d *bucketDigest) add(m hash.Hash, bucket, k, v []byte) {
	var buf [sha256.Size]byte
	d.D = xorInto(d.D, itemMACTo(m, buf[:0], bucket, k, v))
	d.N++
	if string(bucket) == string(bAudit) {
		d.Last = max(d.Last, getU64(k))
	}
}

// compareBuckets compares the named buckets with the state.
func (db *DB) compareBuckets(tx *bolt.Tx, m hash.Hash, st *dbState, buckets [][]byte) []error {
	var out []error
	for _, name := range buckets {
		want := st.Buckets[string(name)]
		if want == nil {
			want = &bucketDigest{}
		}
		got := digestBucket(tx, m, name, want.N)
		var what string
		switch {
		case got.N < want.N:
			what = fmt.Sprintf("%d record(s) removed (%d stored, %d written)", want.N-got.N, got.N, want.N)
		case got.N > want.N:
			what = fmt.Sprintf("%d record(s) added (%d stored, %d written)", got.N-want.N, got.N, want.N)
		case bytes.Equal(pad(got.D), pad(want.D)):
			continue
		case db.bucketDamaged(tx, name):
			// A value that does not open was damaged, not put back: its
			// IntegrityError names it where it is read (and in Verify).
			continue
		default:
			what = fmt.Sprintf("a record was replaced by another value, such as an older copy (%d records)", got.N)
		}
		out = append(out, &StateError{Bucket: string(name), What: what})
	}
	return out
}

// bucketDamaged tells whether a sealed value of the bucket fails to open.
// Only asked when its digest differs, so the cost is paid on damage only.
func (db *DB) bucketDamaged(tx *bolt.Tx, bucket []byte) bool {
	damaged := false
	tx.Bucket(bucket).ForEach(func(k, v []byte) error {
		if len(v) > 0 {
			if _, err := db.openValue(bucket, k, v); err != nil {
				damaged = true
				return errStop
			}
		}
		return nil
	})
	return damaged
}

var errStop = errors.New("stop")

func pad(d []byte) []byte {
	if len(d) == 0 {
		return make([]byte, 32)
	}
	return d
}

// checkStateAtUnlock compares what is cheap to compare: every covered
// bucket but the two big ones (events, ten per prospect, and the dnc
// registers, a million numbers), whose records are read only as bytes, no
// value opened. Ledgers are checked against their heads when read (Events)
// and in full by Verify; the heads themselves are checked here.
func (db *DB) checkStateAtUnlock() error {
	k, err := db.stateKey()
	if err != nil {
		return err
	}
	var probs []error
	err = db.view(func(tx *bolt.Tx) error {
		st, err := db.readState(tx)
		if err != nil {
			probs = append(probs, err)
			return nil
		}
		if st == nil {
			probs = append(probs, errNoState)
			return nil
		}
		probs = db.compareBuckets(tx, newStateMAC(k), st, [][]byte{bSettings, bProspects, bSuppress, bTombstones, bAudit, bRegisters, bHeads})
		return nil
	})
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		return StateErrors(probs)
	}
	return nil
}

// verifyState is Verify's part: every bucket against the state, then by
// name what the heads, the audit sequence and the registers tell.
func (db *DB) verifyState(tx *bolt.Tx) []error {
	k, err := db.stateKey()
	if err != nil {
		return []error{err}
	}
	st, err := db.readState(tx)
	if err != nil {
		return []error{err}
	}
	if st == nil {
		return []error{errNoState}
	}
	m := newStateMAC(k)
	out := db.compareBuckets(tx, m, st, stateBuckets)
	out = append(out, db.verifyHeads(tx, m)...)
	out = append(out, db.verifyAuditSeq(tx, st)...)
	out = append(out, db.verifyTombstones(tx)...)
	return append(out, db.verifyRegisters(tx)...)
}

// verifyHeads names prospects removed or replaced and ledgers cut short.
func (db *DB) verifyHeads(tx *bolt.Tx, m hash.Hash) []error {
	var out []error
	heads := map[uint64]bool{}
	tx.Bucket(bHeads).ForEach(func(k, v []byte) error {
		id := getU64(k)
		heads[id] = true
		h, err := decodeHead(id, v)
		if err != nil {
			out = append(out, err)
			return nil
		}
		if tx.Bucket(bProspects).Get(k) == nil {
			out = append(out, &StateError{Bucket: "prospects", What: fmt.Sprintf("prospect %d was removed (no erasure says so)", id)})
			return nil
		}
		out = append(out, compareHead(tx, m, id, h)...)
		return nil
	})
	tx.Bucket(bProspects).ForEach(func(k, _ []byte) error {
		switch id := getU64(k); {
		case heads[id]:
		case tx.Bucket(bTombstones).Get(k) != nil:
			out = append(out, &StateError{Bucket: "prospects", What: fmt.Sprintf("prospect %d was erased but is back (copied in from an older copy of the file)", id)})
		default:
			out = append(out, &StateError{Bucket: "prospects", What: fmt.Sprintf("prospect %d has no ledger head: it was added without the key, or its head was removed", id)})
		}
		return nil
	})
	return out
}

// lastEventRaw is the key and stored value of a ledger's last event; nil
// when the ledger is empty.
func lastEventRaw(tx *bolt.Tx, id uint64) (k, v []byte) {
	c := tx.Bucket(bEvents).Cursor()
	if next, _ := c.Seek(u64(id + 1)); next == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || len(k) != 16 || !bytes.HasPrefix(k, u64(id)) {
		return nil, nil
	}
	return k, v
}

// compareHead compares a prospect's stored record and the last event of
// its ledger with its head: bytes and an HMAC each, nothing opened.
func compareHead(tx *bolt.Tx, m hash.Hash, id uint64, h ledgerHead) []error {
	var out []error
	if raw := tx.Bucket(bProspects).Get(u64(id)); raw != nil && h.P != [16]byte{} && mac16(m, bProspects, u64(id), raw) != h.P {
		out = append(out, &StateError{Bucket: "prospects", What: fmt.Sprintf("prospect %d is not the record last written (an older or copied value was put back)", id)})
	}
	k, v := lastEventRaw(tx, id)
	var seq uint64
	if k != nil {
		seq = getU64(k[8:])
	}
	switch {
	case seq < h.Seq:
		out = append(out, &StateError{Bucket: "events", What: fmt.Sprintf("prospect %d: events %d to %d of the ledger were removed (it ends at %d; an objection or withdrawal may be among them)", id, seq+1, h.Seq, seq)})
	case seq > h.Seq:
		out = append(out, &StateError{Bucket: "events", What: fmt.Sprintf("prospect %d: events %d to %d were added to the ledger without the key", id, h.Seq+1, seq)})
	case k != nil && mac16(m, bEvents, k, v) != h.E:
		out = append(out, &StateError{Bucket: "events", What: fmt.Sprintf("prospect %d: event %d is not the one written (an older or copied value)", id, seq)})
	}
	return out
}

// checkLedger is the lazy check of one record read whole (Events, Record:
// what show and can-contact decide on): its stored prospect and its last
// event against its head. A file without a state (not upgraded yet) has
// nothing to compare.
func (db *DB) checkLedger(tx *bolt.Tx, id uint64, _ []consent.Event) error {
	if tx.Bucket(bMeta).Get(mState) == nil || tx.Bucket(bProspects).Get(u64(id)) == nil {
		return nil // no state yet; or unknown, or erased: nothing to compare
	}
	raw := tx.Bucket(bHeads).Get(u64(id))
	if raw == nil {
		return &StateError{Bucket: "heads", What: fmt.Sprintf("the ledger head of prospect %d was removed", id)}
	}
	h, err := decodeHead(id, raw)
	if err != nil {
		return err
	}
	k, err := db.stateKey()
	if err != nil {
		return err
	}
	if probs := compareHead(tx, newStateMAC(k), id, h); len(probs) > 0 {
		return probs[0]
	}
	return nil
}

// verifyAuditSeq names removed audit entries: their numbers run from 1 to
// the highest written, and none is ever deleted.
func (db *DB) verifyAuditSeq(tx *bolt.Tx, st *dbState) []error {
	want := st.Buckets[string(bAudit)]
	if want == nil {
		return nil
	}
	b := tx.Bucket(bAudit)
	var missing []uint64
	for s := uint64(1); s <= want.Last; s++ {
		if b.Get(u64(s)) == nil {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	what := fmt.Sprintf("%d audit entr(y/ies) removed: %v", len(missing), missing)
	if len(missing) > 20 {
		what = fmt.Sprintf("%d audit entries removed, from %d to %d", len(missing), missing[0], missing[len(missing)-1])
	}
	return []error{&StateError{Bucket: "audit", What: what}}
}

// verifyTombstones names removed tombstones: every "erased" audit entry
// has one (unless the prospect is back, by a restore).
func (db *DB) verifyTombstones(tx *bolt.Tx) []error {
	var out []error
	tx.Bucket(bAudit).ForEach(func(k, v []byte) error {
		var a AuditEntry
		if db.decode(bAudit, k, v, &a, entryName(bAudit, k)) == nil && a.Action == "erased" && a.Prospect != 0 &&
			tx.Bucket(bTombstones).Get(u64(a.Prospect)) == nil && tx.Bucket(bProspects).Get(u64(a.Prospect)) == nil {
			out = append(out, &StateError{Bucket: "tombstones", What: fmt.Sprintf("the tombstone of prospect %d (erased in audit entry %d) was removed", a.Prospect, a.Seq)})
		}
		return nil
	})
	return out
}

// verifyRegisters names do-not-call registers with numbers removed or added:
// each register records how many it holds.
func (db *DB) verifyRegisters(tx *bolt.Tx) []error {
	count := map[string]int{}
	tx.Bucket(bDNC).ForEach(func(k, _ []byte) error {
		if len(k) == len(dncKey{}) {
			count[string(k[dncHashLen:])]++
		}
		return nil
	})
	var out []error
	tx.Bucket(bRegisters).ForEach(func(k, v []byte) error {
		var r Register
		if db.decode(bRegisters, k, v, &r, entryName(bRegisters, k)) != nil {
			return nil
		}
		if n := count[string(k)]; n != r.Numbers {
			out = append(out, &StateError{Bucket: "dnc", What: fmt.Sprintf("register %q holds %d numbers, %d were imported", r.Name, n, r.Numbers)})
		}
		return nil
	})
	return out
}
