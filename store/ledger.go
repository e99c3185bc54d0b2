package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// lastEvent is the newest event of prospect id's ledger, nil when it has
// none: the last key with its prefix, found by seeking to the next
// prospect and stepping back.
func (db *DB) lastEvent(c *bolt.Cursor, id uint64) (*consent.Event, error) {
	var k, v []byte
	if next, _ := c.Seek(u64(id + 1)); next == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, u64(id)) {
		return nil, nil
	}
	var p consent.Event
	if err := db.decode(bEvents, k, v, &p, eventName(k)); err != nil {
		return nil, err
	}
	return &p, nil
}

// appendEvent links ev after the prospect's last event and stores it.
func (db *DB) appendEvent(tx *bolt.Tx, id uint64, ev consent.Event) (consent.Event, error) {
	prev, err := db.lastEvent(tx.Bucket(bEvents).Cursor(), id)
	if err != nil {
		return ev, err
	}
	ev.Prospect = id
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	ev.Seal(prev)
	// Hook for the list's facets (index_facets.go): after the commit, this
	// ledger is re-read for its last contact and consent state.
	tx.OnCommit(func() { db.facetsEventsAppended(id) })
	return ev, db.put(tx, bEvents, join(u64(id), u64(ev.Seq)), ev)
}

func eventName(k []byte) string {
	return fmt.Sprintf("event %d/%d", getU64(k), getU64(k[8:]))
}

// AppendEvent records an event in a prospect's ledger and returns it with
// its sequence number and hash.
func (db *DB) AppendEvent(id uint64, ev consent.Event) (consent.Event, error) {
	out, err := db.AppendEvents(id, []consent.Event{ev})
	if err != nil {
		return consent.Event{}, err
	}
	return out[0], nil
}

// AppendEvents records several events in one transaction: a logged call
// with the consents given in it is stored whole or not at all.
func (db *DB) AppendEvents(id uint64, evs []consent.Event) ([]consent.Event, error) {
	return db.Commit(Change{Prospect: id, Events: evs})
}

// AppendLedgers appends the events of many prospects in one transaction:
// ledgers[i] goes to ids[i]. It is for bulk loads (`warmlead demo`), where
// one fsync per prospect would take most of the time; all or nothing.
func (db *DB) AppendLedgers(ids []uint64, ledgers [][]consent.Event) error {
	if len(ids) != len(ledgers) {
		return fmt.Errorf("append ledgers: %d ids for %d ledgers", len(ids), len(ledgers))
	}
	return db.update(func(tx *bolt.Tx) error {
		for i, id := range ids {
			if tx.Bucket(bProspects).Get(u64(id)) == nil {
				return noProspect(id)
			}
			for _, ev := range ledgers[i] {
				if _, err := db.appendEvent(tx, id, ev); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Events reads a prospect's ledger in order. A damaged event is reported as
// an IntegrityError together with the events before it.
func (db *DB) Events(id uint64) ([]consent.Event, error) {
	var out []consent.Event
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = db.readEvents(tx, id)
		if err == nil {
			err = db.checkLedger(tx, id, out) // statecheck.go
		}
		return err
	})
	return out, err
}

func (db *DB) readEvents(tx *bolt.Tx, id uint64) ([]consent.Event, error) {
	prefix := u64(id)
	c := tx.Bucket(bEvents).Cursor()
	// The events are counted first (keys only, nothing opened), so the
	// ledger is one allocation of its size: append's doubling made about
	// three times the bytes for ten events of 408 bytes, and the reads of
	// every ledger (the team report at 100,000 makes two) paid it in
	// garbage the collector then had to chase.
	n := 0
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	var out []consent.Event
	if n > 0 {
		out = make([]consent.Event, 0, n)
	}
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var e consent.Event
		if err := db.decodeNamed(bEvents, k, v, &e, func() string { return eventName(k) }); err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

// VerifyReport is what Verify found.
type VerifyReport struct {
	Prospects int
	Events    int
	Problems  []error // each names the first broken place of one ledger or value
}

// OK tells whether nothing was found wrong.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// Verify checks the file's structure, opens every sealed value and
// recomputes every ledger's hash chain.
func (db *DB) Verify() (r VerifyReport, err error) {
	// A damaged page makes bbolt panic, or read outside the mapped file.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamage(&err)
	if _, err := db.key(); err != nil {
		return r, err
	}
	err = db.view(func(tx *bolt.Tx) error {
		// Checked by reading the file before bbolt's Check follows the
		// same references through memory (see checkPages); reading on
		// would run into the same damage.
		if err := checkPages(db.path); err != nil {
			r.Problems = append(r.Problems, fmt.Errorf("file structure: %w", err))
			return nil
		}
		for err := range tx.Check() {
			r.Problems = append(r.Problems, fmt.Errorf("file structure: %w", err))
		}
		if err := db.verifyFacetSnapshot(tx); err != nil {
			r.Problems = append(r.Problems, err)
			// Named now: a Close or Lock may replace it, unless the
			// file's structure is damaged too (writing could spread it).
			structureOK := len(r.Problems) == 1
			db.mu.Lock()
			db.snap.reported = structureOK
			db.snap.damaged = true
			db.mu.Unlock()
		}
		if err := db.verifyViews(tx); err != nil {
			r.Problems = append(r.Problems, err)
		}
		for _, b := range [][]byte{bSettings, bTombstones, bAudit, bSuppress, bRegisters} {
			tx.Bucket(b).ForEach(func(k, v []byte) error {
				if len(v) == 0 {
					return nil
				}
				var x any
				if err := db.decode(b, k, v, &x, entryName(b, k)); err != nil {
					r.Problems = append(r.Problems, err)
				}
				return nil
			})
		}
		// statecheck.go; after the values' own damage, which names a place.
		stateProbs := db.verifyState(tx)
		defer func() { r.Problems = append(r.Problems, stateProbs...) }()
		return tx.Bucket(bProspects).ForEach(func(k, v []byte) error {
			r.Prospects++
			id := getU64(k)
			var p consent.Prospect
			if err := db.decode(bProspects, k, v, &p, fmt.Sprintf("prospect %d", id)); err != nil {
				r.Problems = append(r.Problems, err)
			}
			evs, err := db.readEvents(tx, id)
			r.Events += len(evs)
			if err != nil {
				r.Problems = append(r.Problems, err)
				return nil
			}
			if err := consent.VerifyChain(evs); err != nil {
				r.Problems = append(r.Problems, err)
			}
			return nil
		})
	})
	return r, err
}

// entryName names a value outside the ledgers the way the code reading it
// does, so Verify's report and a failing read point at the same place.
func entryName(bucket, k []byte) string {
	switch string(bucket) {
	case string(bSettings):
		return "the settings"
	case string(bTombstones):
		return fmt.Sprintf("tombstone %d", getU64(k))
	case string(bAudit):
		return fmt.Sprintf("audit entry %d", getU64(k))
	case string(bSuppress):
		return fmt.Sprintf("suppression entry %x", k)
	case string(bRegisters):
		return fmt.Sprintf("register %x", k)
	}
	return fmt.Sprintf("entry %x", k)
}

// errIntegrity reports whether err is (or wraps) an IntegrityError.
func errIntegrity(err error) bool {
	var ie *IntegrityError
	return errors.As(err, &ie)
}
