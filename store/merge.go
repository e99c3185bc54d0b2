package store

import (
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// MergeProspects makes drop part of keep, in one transaction: keep's
// record becomes merged (the values the rep chose), keep's ledger is
// rewritten as both ledgers ordered by time and sealed again as one hash
// chain (consent.MergeLedgers), and drop's record, ledger and index
// entries are removed, leaving a tombstone that points at keep. Every
// write goes through the tracked helpers, so Verify passes after. Unlike
// an erasure nothing is suppressed: the person stays, under keep's id.
func (db *DB) MergeProspects(keep, drop uint64, merged consent.Prospect, rep string, now time.Time) (consent.Prospect, error) {
	if keep == drop {
		return consent.Prospect{}, fmt.Errorf("merge: prospect %d with itself", keep)
	}
	if _, err := db.key(); err != nil {
		return consent.Prospect{}, err
	}
	now = stamp(now)
	var out consent.Prospect
	err := db.update(func(tx *bolt.Tx) error {
		var old, gone consent.Prospect
		for _, x := range []struct {
			id uint64
			p  *consent.Prospect
		}{{keep, &old}, {drop, &gone}} {
			if err := db.get(tx, bProspects, u64(x.id), x.p, fmt.Sprintf("prospect %d", x.id)); err != nil {
				if tx.Bucket(bProspects).Get(u64(x.id)) == nil {
					return noProspect(x.id)
				}
				return err
			}
			x.p.ID = x.id
		}
		keepEvs, err := db.readEvents(tx, keep)
		if err != nil {
			return err
		}
		dropEvs, err := db.readEvents(tx, drop)
		if err != nil {
			return err
		}
		// Both chains must verify first: sealing a tampered ledger again
		// would make its damage look valid.
		for _, l := range []struct {
			id  uint64
			evs []consent.Event
		}{{keep, keepEvs}, {drop, dropEvs}} {
			if err := consent.VerifyChain(l.evs); err != nil {
				return err
			}
			if err := db.checkLedger(tx, l.id, l.evs); err != nil {
				return err
			}
		}
		// drop goes first, so its email and phone are free for keep.
		if err := db.removeMerged(tx, gone, keep, rep, now); err != nil {
			return err
		}
		merged.ID, merged.Created, merged.Updated = keep, old.Created, now
		if gone.Created.Before(old.Created) && !gone.Created.IsZero() {
			merged.Created = gone.Created
		}
		if err := db.writeProspect(tx, merged, &old); err != nil {
			return err
		}
		if err := db.deletePrefixTracked(tx, bEvents, u64(keep)); err != nil {
			return err
		}
		for _, ev := range consent.MergeLedgers(keepEvs, dropEvs, drop, rep, now) {
			ev.Hash, ev.PrevHash, ev.Seq = "", "", 0
			if _, err := db.appendEvent(tx, keep, ev); err != nil {
				return err
			}
		}
		if err := db.appendAudit(tx, AuditEntry{Time: now, Rep: rep, Action: "merged", Prospect: keep,
			Detail: fmt.Sprintf("prospect %d merged into %d (%d and %d events)", drop, keep, len(keepEvs), len(dropEvs))}); err != nil {
			return err
		}
		out = merged
		tx.OnCommit(func() { db.indexPut(merged) })
		return nil
	})
	return out, err
}

// removeMerged deletes p (merged into keep) with its ledger and index
// entries and leaves its tombstone.
func (db *DB) removeMerged(tx *bolt.Tx, p consent.Prospect, keep uint64, rep string, now time.Time) error {
	key := u64(p.ID)
	if err := db.removeRecordTx(tx, key); err != nil {
		return err
	}
	// Its old addresses become keep's: an erasure of the person later
	// suppresses them too.
	if err := moveHistory(tx, key, u64(keep)); err != nil {
		return err
	}
	t := Tombstone{ID: p.ID, Time: now, Rep: rep, MergedInto: keep, Reason: fmt.Sprintf("merged into prospect %d", keep)}
	if err := db.put(tx, bTombstones, key, t); err != nil {
		return err
	}
	tx.OnCommit(func() { db.indexRemove(p.ID) })
	return nil
}

// moveHistory gives keep the contact history of from (history.go).
func moveHistory(tx *bolt.Tx, from, keep []byte) error {
	h := tx.Bucket(bIdxHistory)
	var keys [][]byte
	c := h.Cursor()
	for k, _ := c.Seek(from); k != nil && strings.HasPrefix(string(k), string(from)); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := h.Put(join(keep, k[len(from):]), nil); err != nil {
			return err
		}
		if err := h.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
