package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The authenticated state of the database (issue 20): someone who can write
// the file but has no key can still delete records or put back an older
// sealed value, and every value would still open. So the file keeps, sealed
// in meta under the data key like every other value:
//
//   - per covered bucket the number of its records and an order-independent
//     keyed digest of them: the XOR of HMAC(bucket, key, value) under a key
//     derived from the data key. A put or delete updates it without
//     rereading the bucket; a removed, added or replaced record (an older
//     sealed copy has other bytes) changes it, and without the key nobody
//     can compute the digest that would match;
//   - a generation counted up by every write transaction, for a check
//     outside the file (StateHead);
//   - in the heads bucket, per prospect (sealed): the last sequence number
//     and hash of its ledger and the digest of its stored record, so a
//     ledger cut short or a replayed prospect is named, and a single ledger
//     read (Events) is checked against it cheaply.
//
// Every write to a covered bucket goes through put (sealing.go), putTracked
// or delTracked, in the transaction of the write; update (swap.go) seals
// the changed state into that same transaction. The blind indexes are not
// covered: they are derived from the prospects, and Verify checks them
// against the prospects instead.
var (
	bHeads = []byte("heads") // id -> ledgerHead (keyed digests, not sealed)
	mState = []byte("state") // sealed dbState
)

var stateBuckets = [][]byte{bSettings, bProspects, bEvents, bSuppress, bTombstones, bAudit, bDNC, bRegisters, bHeads, bTeam, bTeamBlocks, bTeamIndex, bTeamOutbox, bTeamMarks}

func covered(bucket []byte) bool {
	switch string(bucket) {
	case "settings", "prospects", "events", "suppress", "tombstones", "audit", "dnc", "registers", "heads",
		"team", "team_blocks", "team_index", "team_outbox", "team_marks":
		return true
	}
	return false
}

type bucketDigest struct {
	N    uint64 `json:"n"`
	D    []byte `json:"d"`
	Last uint64 `json:"last,omitempty"` // audit: the highest sequence number written
}

type dbState struct {
	Gen     uint64                   `json:"gen"`
	Buckets map[string]*bucketDigest `json:"buckets"`
}

// txHead is a head as changed in a transaction, with its stored value
// before (nil: none), so writing it back needs no second lookup.
type txHead struct {
	ledgerHead
	old []byte
}

// ledgerHead is stored as headLen bytes, not sealed: the ledger's last
// sequence number and the first 16 bytes of the digests (itemMAC) of its
// last event and of the prospect's record as stored. Keyed digests reveal
// nothing, nobody without the key can make one match, and comparing needs
// no value opened: a lookup and an HMAC.
type ledgerHead struct {
	Seq  uint64
	E, P [16]byte
}

const headLen = 8 + 16 + 16

func (h ledgerHead) encode() []byte {
	return join(u64(h.Seq), h.E[:], h.P[:])
}

func decodeHead(id uint64, raw []byte) (ledgerHead, error) {
	var h ledgerHead
	if len(raw) != headLen {
		return h, &IntegrityError{Bucket: string(bHeads), Key: fmt.Sprintf("the ledger head of prospect %d", id)}
	}
	h.Seq = getU64(raw)
	copy(h.E[:], raw[8:24])
	copy(h.P[:], raw[24:])
	return h, nil
}

// mac16 is the part of an itemMAC a head keeps.
func mac16(m hash.Hash, bucket, key, val []byte) [16]byte {
	var out [16]byte
	copy(out[:], itemMAC(m, bucket, key, val))
	return out
}

// txState is the state as the write transaction under way changes it. Only
// one write transaction runs at a time (bbolt serialises them), so it is a
// field of DB, set and cleared inside update.
type txState struct {
	tx    *bolt.Tx
	st    *dbState // nil: the file has no state yet (older, or upgrading)
	mac   hash.Hash
	buf   []byte             // itemMACTo's output, reused
	heads map[uint64]*txHead // changed this transaction, written at flush
	gone  map[uint64]bool    // heads to delete
}

// stateKey derives under db.mu, as sealValue seals: Lock zeroes the data
// key in place, and a write running meanwhile must not read it halfway.
func (db *DB) stateKey() ([]byte, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	return subkey(db.dataKey, "state digest"), nil
}

func newStateMAC(key []byte) hash.Hash { return hmac.New(sha256.New, key) }

// itemMAC is the digest of one record.
func itemMAC(m hash.Hash, bucket, key, val []byte) []byte {
	return itemMACTo(m, nil, bucket, key, val)
}

// itemMACTo is itemMAC appending to buf, for the hot paths (no allocation).
func itemMACTo(m hash.Hash, buf, bucket, key, val []byte) []byte {
	m.Reset()
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(bucket)))
	m.Write(n[:])
	m.Write(bucket)
	binary.BigEndian.PutUint32(n[:], uint32(len(key)))
	m.Write(n[:])
	m.Write(key)
	m.Write(val)
	return m.Sum(buf)
}

func xorInto(d []byte, x []byte) []byte {
	if len(d) != len(x) {
		d = make([]byte, len(x))
	}
	subtle.XORBytes(d, d, x)
	return d
}

// readState opens the sealed state; nil, nil when the file has none.
func (db *DB) readState(tx *bolt.Tx) (*dbState, error) {
	raw := tx.Bucket(bMeta).Get(mState)
	if raw == nil {
		return nil, nil
	}
	var st dbState
	if err := db.decode(bMeta, mState, raw, &st, "the database state"); err != nil {
		return nil, err
	}
	if st.Buckets == nil {
		st.Buckets = map[string]*bucketDigest{}
	}
	return &st, nil
}

func (db *DB) writeState(tx *bolt.Tx, st *dbState) error {
	pt, err := json.Marshal(st)
	if err != nil {
		return err
	}
	sealed, err := db.sealValue(bMeta, mState, pt)
	if err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(mState, sealed)
}

// txs is the state of the write transaction tx, loaded at its first write.
func (db *DB) txs(tx *bolt.Tx) (*txState, error) {
	if s := db.wst; s != nil && s.tx == tx {
		return s, nil
	}
	st, err := db.readState(tx)
	if err != nil {
		return nil, err
	}
	s := &txState{tx: tx, st: st}
	if st != nil {
		k, err := db.stateKey()
		if err != nil {
			return nil, err
		}
		s.mac = newStateMAC(k)
	}
	db.wst = s
	return s, nil
}

func (s *txState) change(bucket, key, val []byte, sign int) {
	s.changeMAC(bucket, key, nil, val, sign)
}

// changeMAC is change given the record's itemMAC when it was computed
// ahead (an import's sealing workers), or nil.
func (s *txState) changeMAC(bucket, key, mac, val []byte, sign int) {
	d := s.st.Buckets[string(bucket)]
	if d == nil {
		d = &bucketDigest{}
		s.st.Buckets[string(bucket)] = d
	}
	if mac != nil {
		s.buf = append(s.buf[:0], mac...)
	} else {
		s.buf = itemMACTo(s.mac, s.buf[:0], bucket, key, val)
	}
	d.D = xorInto(d.D, s.buf)
	if sign > 0 {
		d.N++
		if string(bucket) == string(bAudit) {
			d.Last = max(d.Last, getU64(key))
		}
	} else if d.N > 0 {
		d.N--
	}
}

// head returns the head of prospect id as this transaction changes it.
func (db *DB) head(s *txState, id uint64) (*txHead, error) {
	if h := s.heads[id]; h != nil {
		return h, nil
	}
	if s.heads == nil {
		s.heads, s.gone = map[uint64]*txHead{}, map[uint64]bool{}
	}
	h := &txHead{}
	if raw := s.tx.Bucket(bHeads).Get(u64(id)); raw != nil {
		var err error
		if h.ledgerHead, err = decodeHead(id, raw); err != nil {
			return nil, err
		}
		h.old = raw // valid for the transaction's life
	}
	s.heads[id] = h
	delete(s.gone, id)
	return h, nil
}

// putTracked stores val at bucket/key and updates the state.
func (db *DB) putTracked(tx *bolt.Tx, bucket, key, val []byte) error {
	return db.putTrackedMAC(tx, bucket, key, val, nil)
}

// putTrackedMAC is putTracked given val's itemMAC under the state key
// (itemMAC(newStateMAC(db.stateKey()), bucket, key, val)) when it was
// computed ahead, or nil.
func (db *DB) putTrackedMAC(tx *bolt.Tx, bucket, key, val, mac []byte) error {
	b := tx.Bucket(bucket)
	if covered(bucket) {
		s, err := db.txs(tx)
		if err != nil {
			return err
		}
		if s.st != nil {
			if old := b.Get(key); old != nil {
				s.change(bucket, key, old, -1)
			}
			s.changeMAC(bucket, key, mac, val, +1)
			if err := db.moveHead(s, bucket, key); err != nil {
				return err
			}
		}
	}
	return b.Put(key, val)
}

// moveHead follows a record just written into its prospect's head: s.buf
// holds its itemMAC (change computed it last).
func (db *DB) moveHead(s *txState, bucket, key []byte) error {
	switch {
	case string(bucket) == string(bProspects):
		h, err := db.head(s, getU64(key))
		if err != nil {
			return err
		}
		copy(h.P[:], s.buf)
	case string(bucket) == string(bEvents) && len(key) == 16:
		h, err := db.head(s, getU64(key))
		if err != nil {
			return err
		}
		if seq := getU64(key[8:]); seq >= h.Seq {
			h.Seq = seq
			copy(h.E[:], s.buf)
		}
	}
	return nil
}

// delTracked deletes bucket/key and updates the state. Deleting a prospect
// drops its ledger head: its events go in the same transaction (Erase).
func (db *DB) delTracked(tx *bolt.Tx, bucket, key []byte) error {
	b := tx.Bucket(bucket)
	if covered(bucket) {
		s, err := db.txs(tx)
		if err != nil {
			return err
		}
		if old := b.Get(key); s.st != nil && old != nil {
			s.change(bucket, key, old, -1)
			if string(bucket) == string(bProspects) {
				id := getU64(key)
				if s.heads == nil {
					s.heads, s.gone = map[uint64]*txHead{}, map[uint64]bool{}
				}
				delete(s.heads, id)
				s.gone[id] = true
			}
		}
	}
	return b.Delete(key)
}

// deletePrefixTracked deletes every key starting with prefix from a covered
// bucket, keeping the state. Keys are collected first (and copied): deleting
// under a moving cursor can skip keys.
func (db *DB) deletePrefixTracked(tx *bolt.Tx, bucket, prefix []byte) error {
	var keys [][]byte
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := db.delTracked(tx, bucket, k); err != nil {
			return err
		}
	}
	return nil
}

// resetTracked follows a covered bucket dropped and created again (the dnc
// bucket when its only register is replaced).
func (db *DB) resetTracked(tx *bolt.Tx, bucket []byte) error {
	s, err := db.txs(tx)
	if err != nil || s.st == nil {
		return err
	}
	s.st.Buckets[string(bucket)] = &bucketDigest{}
	return nil
}

// flushState writes the heads and the state this transaction changed, in
// it; update calls it after the transaction's work succeeded.
func (db *DB) flushState(tx *bolt.Tx) error {
	s := db.wst
	defer func() { db.wst = nil }()
	if s == nil || s.tx != tx || s.st == nil {
		return nil
	}
	// The heads' own writes change the state too: s stays the transaction's.
	for id := range s.gone {
		if err := db.delTracked(tx, bHeads, u64(id)); err != nil {
			return err
		}
	}
	b := tx.Bucket(bHeads)
	// In key order: bbolt then appends to pages instead of splitting them
	// at random places (an import of 10,000 cards writes 10,000 heads).
	ids := slices.Sorted(maps.Keys(s.heads))
	for _, id := range ids {
		h := s.heads[id]
		key, val := u64(id), h.encode()
		if h.old != nil {
			s.change(bHeads, key, h.old, -1)
		}
		s.change(bHeads, key, val, +1)
		if err := b.Put(key, val); err != nil {
			return err
		}
	}
	s.st.Gen++
	return db.writeState(tx, s.st)
}

// StateHead is the generation and a digest of the current state, for a
// check kept outside the file (an older copy put in place by hand has a
// lower generation). ok is false when the file has no state yet.
func (db *DB) StateHead() (gen uint64, digest []byte, ok bool, err error) {
	k, err := db.stateKey()
	if err != nil {
		return 0, nil, false, err
	}
	err = db.view(func(tx *bolt.Tx) error {
		st, err := db.readState(tx)
		if err != nil || st == nil {
			return err
		}
		pt, _ := json.Marshal(st)
		m := newStateMAC(k)
		m.Write([]byte("head"))
		m.Write(pt)
		gen, digest, ok = st.Gen, m.Sum(nil), true
		return nil
	})
	return gen, digest, ok, err
}
