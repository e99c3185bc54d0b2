package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"maps"
	"slices"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// The facet snapshot (issue 16). The Today screen, the call list and the
// list's consent filters need every ledger's facet, and reading a million
// events for them at each unlock costs more than the unlock itself. So
// Close and Lock keep the facets in the file, sealed with the data key
// under meta/facets.snapshot, and the next unlock loads them instead of
// reading the ledgers, when they are still the file's:
//
//   - the stamp inside the sealed value is the file's generation, a SHA-256
//     of the sealed state value as stored (every write through update
//     seals a new one, with a new nonce, so two states never share it even
//     when an accepted older copy reuses a generation number), the
//     do-not-call registers' print (the dnc flags) and the format version.
//     Any write after the snapshot, a register imported, a restore or an
//     older copy put in place moves one of them, and the unlock then reads
//     every ledger as before;
//   - the snapshot is written WITHOUT a write through update: no bump of
//     the generation, no new state. It is derived data in the meta bucket,
//     which the authenticated state does not cover (state.go), so the check
//     at unlock and Verify's digests see no difference, and the stamp it
//     carries is the generation and state of the very transaction that
//     writes it. A bump would make it stale by writing it;
//   - it is written only when it is exact: every ledger read (built),
//     nothing stale, the registers unchanged, and no update under way
//     (updatesInFlight, counted until an update's commit hooks have marked
//     what it wrote stale: the hooks run after bbolt lets the next writer
//     in). The facets are pure functions of a ledger, the prospect's
//     created date, source and contact details, the registers and the
//     team's blocks (pulled through update, so they move the stamp too):
//     every time in them is a date a query compares with its own now, so a
//     snapshot loaded a month later answers as a fresh read would;
//   - it holds ids, times and flags, no name or address; an erasure deletes
//     it in its own transaction anyway (removeRecordTx), before the
//     compaction that follows, so no page keeps an erased id. A rekey drops
//     it (rekeyMeta: it was sealed with the old key); Close writes it again
//     under the new one;
//   - one that fails to open (damage, tampering) is ignored, never fatal,
//     and left in place: Verify names it, and only a Close or Lock after
//     that report replaces it (or removes it when it has nothing to write).
//
// Not written after the first full read of a session: that would put a
// write of a few megabytes (and a sync) on the list's first query, and the
// session's next write makes it stale anyway. A session that is killed
// leaves the previous snapshot, now stale: the next unlock reads the
// ledgers, as before.
var mFacets = []byte("facets.snapshot")

// Version 2 carries the search index after the facets
// (index_snapshot_codec.go).
const facetSnapVersion = 2

// facetSnapOutcome is what the last unlock did with the snapshot.
type facetSnapOutcome int

const (
	snapNone    facetSnapOutcome = iota // none in the file
	snapUsed                            // loaded: no ledger was read
	snapStale                           // the file changed since (or another version): ledgers read
	snapDamaged                         // it did not open: ledgers read, the value kept for Verify
)

// facetSnapInfo is DB's record of the snapshot; fields under db.mu, but
// ledgersRead (a count of ledgers read for the facets, for tests).
type facetSnapInfo struct {
	outcome     facetSnapOutcome
	damaged     bool // the stored one does not open: not overwritten ...
	reported    bool // ... until Verify has named it
	ledgersRead atomic.Int64
	// kept: the snapshot in the file was read at unlock or written since,
	// with stamp, at the facets' version; while the file's stamp and the
	// version are still those, it is the one Close would write, and Close
	// leaves the file alone (not even encoding a new one).
	kept    bool
	stamp   facetStamp
	version uint64
}

// facetStamp is what the snapshot must match to be used.
type facetStamp struct {
	gen   uint64
	state [32]byte
	regs  [32]byte
}

const facetHeaderLen = 1 + 8 + 32 + 32

// facetStampTx is the file's stamp as tx sees it, and the registers' print.
func (db *DB) facetStampTx(tx *bolt.Tx, dk []byte) (facetStamp, string, error) {
	regs, err := db.registersPrintTx(tx)
	if err != nil {
		return facetStamp{}, "", err
	}
	return facetStamp{
		gen:   db.fileGeneration(tx, dk),
		state: sha256.Sum256(tx.Bucket(bMeta).Get(mState)),
		regs:  sha256.Sum256([]byte(regs)),
	}, regs, nil
}

// facetSnapRead is the snapshot as read at unlock, beside the index load.
type facetSnapRead struct {
	outcome facetSnapOutcome
	stamp   facetStamp
	regs    string
	ledger  map[uint64]ledgerFacet
	index   *searchIndex // the index section, decoded (index_snapshot.go)
}

// readFacetSnapshot opens the snapshot and compares its stamp with the
// file's. It needs no index, so the unlock runs it beside the load.
func (db *DB) readFacetSnapshot() (r facetSnapRead) {
	dk, err := db.key()
	if err != nil {
		return facetSnapRead{outcome: snapNone}
	}
	err = db.view(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bMeta).Get(mFacets)
		if raw == nil {
			r.outcome = snapNone
			return nil
		}
		pt, err := db.openValue(bMeta, mFacets, raw)
		if err != nil {
			r.outcome = snapDamaged
			return nil
		}
		if db.plain { // then pt is the file's own bytes, valid in this transaction only
			pt = bytes.Clone(pt)
		}
		now, print, err := db.facetStampTx(tx, dk)
		if err != nil {
			return err
		}
		st, lfs, rest, err := decodeFacetsPrefix(pt)
		if err != nil || st != now {
			r.outcome = snapStale
			return nil
		}
		sec, err := decodeIndexSection(rest)
		if err != nil {
			r.outcome = snapStale
			return nil
		}
		r = facetSnapRead{snapUsed, st, print, lfs, indexFromSection(sec)}
		return nil
	})
	if err != nil {
		return facetSnapRead{outcome: snapStale}
	}
	return r
}

// installFacetSnapshot runs at unlock, after the index is loaded: it
// installs the snapshot's facets when their stamp is still the file's, and
// records what it did (db.snap). Nothing here is fatal: without the
// snapshot the first query reads the ledgers, as it always did.
func (db *DB) installFacetSnapshot(r facetSnapRead) {
	db.mu.RLock()
	ix := db.index
	db.mu.RUnlock()
	if ix == nil {
		return
	}
	f := &ix.facets
	f.mu.Lock() // takes turns with refreshFacets
	defer f.mu.Unlock()
	db.mu.Lock()
	if db.index != ix || f.built {
		db.mu.Unlock()
		return
	}
	// From here a write marks its prospect stale in this index, so one
	// landing after the stamp below is read again by the next refresh; one
	// before it moved the stamp. (A write during the load told an index
	// that is gone: the stamp read again here catches it.)
	f.tracking = true
	db.mu.Unlock()
	if r.outcome == snapUsed {
		dk, err := db.key()
		if err == nil {
			err = db.view(func(tx *bolt.Tx) error {
				now, _, err := db.facetStampTx(tx, dk)
				if err == nil && now != r.stamp {
					r.outcome = snapStale
				}
				return err
			})
		}
		if err != nil {
			r.outcome = snapStale
		}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index != ix {
		return
	}
	db.snap.damaged, db.snap.reported = r.outcome == snapDamaged, false
	if r.outcome == snapUsed && len(r.ledger) < len(ix.byID) {
		r.outcome = snapStale // cannot be with a matching stamp; be safe
	}
	// Only the prospects in the index: one whose record does not open is
	// left out of it (and of a full read) too.
	if r.outcome == snapUsed {
		maps.DeleteFunc(r.ledger, func(id uint64, _ ledgerFacet) bool { return ix.byID[id] == nil })
		if len(r.ledger) != len(ix.byID) {
			r.outcome = snapStale
		}
	}
	db.snap.outcome, db.snap.kept = r.outcome, r.outcome == snapUsed
	if r.outcome != snapUsed {
		return
	}
	f.ledger, f.built, f.regs = r.ledger, true, r.regs
	f.version++
	db.snap.stamp, db.snap.version = r.stamp, f.version
}

// errSnapSkipped: the facets are not exact now; no snapshot is written.
var errSnapSkipped = errors.New("facet snapshot skipped")

// saveFacetSnapshot writes the snapshot when the facets are exact, at
// Close and Lock. A few prospects written since the last query are read
// first (a seek each); after many (a bulk import) or a register change it
// writes nothing rather than make Close read every ledger.
func (db *DB) saveFacetSnapshot() {
	if db.opts.forRestore { // a restore's own opening of a backup changes nothing in it
		return
	}
	db.mu.RLock()
	ix, locked := db.index, db.dataKey == nil
	damaged, reported := db.snap.damaged, db.snap.reported
	db.mu.RUnlock()
	if ix == nil || locked || (damaged && !reported) {
		return
	}
	if damaged {
		// Verify named it: it goes now, replaced below when there is
		// something to write.
		if db.updateUncounted(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(mFacets) }) == nil {
			db.mu.Lock()
			db.snap.damaged, db.snap.reported = false, false
			db.mu.Unlock()
		}
	}
	f := &ix.facets
	// A read of the ledgers under way (PrepareFacets at the prospects
	// screen) is not waited for: Lock and Close stay immediate, and that
	// read is abandoned by the lock anyway.
	if !f.mu.TryLock() {
		return
	}
	f.mu.Unlock()
	db.mu.RLock()
	built, stale, known := f.built, len(f.stale), f.regs
	db.mu.RUnlock()
	if !built || stale > fullReadMin {
		return
	}
	if regs, err := db.registersPrint(); err != nil || regs != known {
		return
	}
	if stale > 0 && db.refreshFacets(false) != nil {
		return
	}
	_ = db.updateUncounted(func(tx *bolt.Tx) error {
		if db.updatesInFlight.Load() != 0 { // its hooks may not have marked what it wrote
			return errSnapSkipped
		}
		dk, err := db.key()
		if err != nil {
			return err
		}
		st, regs, err := db.facetStampTx(tx, dk)
		if err != nil {
			return err
		}
		db.mu.Lock() // for writing: the index's name order may need sorting
		exact := db.index == ix && f.built && len(f.stale) == 0 && f.regs == regs
		// The same snapshot stored already (a session that only read):
		// the file is left as it is, byte for byte.
		same := db.snap.kept && db.snap.stamp == st && db.snap.version == f.version && tx.Bucket(bMeta).Get(mFacets) != nil
		var pt []byte
		if exact && !same {
			pt = snapshotPlain(st, slices.Sorted(maps.Keys(ix.byID)), f.ledger, ix)
		}
		version := f.version
		db.mu.Unlock()
		if pt == nil {
			return errSnapSkipped
		}
		sealed, err := db.sealValue(bMeta, mFacets, pt)
		if err != nil {
			return err
		}
		clear(pt) // the index's text, in clear, left to the collector
		if err := tx.Bucket(bMeta).Put(mFacets, sealed); err != nil {
			return err
		}
		tx.OnCommit(func() {
			db.mu.Lock()
			db.snap.kept, db.snap.stamp, db.snap.version = true, st, version
			db.mu.Unlock()
		})
		return nil
	})
}

// updateUncounted is a write transaction that is not one of the
// database's writes: no generation bump, no state (see the top of this
// file). Only for the facet snapshot, in meta.
func (db *DB) updateUncounted(fn func(*bolt.Tx) error) error {
	db.swap.RLock()
	defer db.swap.RUnlock()
	if db.bolt == nil {
		return errNoHandle
	}
	return guardDamage(func() error { return db.bolt.Update(fn) })
}

// verifyFacetSnapshot is Verify's part: a snapshot that does not open is
// named (and from then on may be replaced, see saveFacetSnapshot).
func (db *DB) verifyFacetSnapshot(tx *bolt.Tx) error {
	raw := tx.Bucket(bMeta).Get(mFacets)
	if raw == nil {
		return nil
	}
	if _, err := db.openValue(bMeta, mFacets, raw); err != nil {
		return &IntegrityError{Bucket: string(bMeta), Key: "the saved list facets and search index (a summary of the records, made again from them at the next close)"}
	}
	return nil
}
