package store

import (
	"encoding/hex"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// TeamOutboxEntry is a change recorded while linked that only this moment
// can describe: an erasure or a declined introduction (its team hashes are
// computed in the erasure's own transaction, since the cleartext is gone
// after), or a prospect gone locally (Removed) whose server record must go.
// Objections, withdrawals and calls stay in the ledger and are derived at
// sync time instead.
type TeamOutboxEntry struct {
	Seq     uint64            `json:"-"`
	Key     string            `json:"key"` // the block's idempotency key
	Hashes  [][]byte          `json:"hashes,omitempty"`
	Block   consent.TeamBlock `json:"block,omitzero"`
	Removed uint64            `json:"removed,omitempty"`
}

// TeamMark is what the server holds of one prospect, as last pushed: the
// ledger's length and head hash, and a digest of the snapshot.
type TeamMark struct {
	Seq  uint64 `json:"seq"`
	Head []byte `json:"head"`
	Snap []byte `json:"snap"`
}

// teamOutboxErase queues the erasure (or declined introduction) of p when
// the database is in a team; kind "" queues only the removal (an erasure
// the team asked for: the block is already on the server).
func (db *DB) teamOutboxErase(tx *bolt.Tx, p consent.Prospect, kind, rep string, now time.Time) error {
	k, ok := db.teamKeys(tx)
	if !ok {
		return nil
	}
	if kind != "" {
		e := TeamOutboxEntry{Key: kind + ":" + hex.EncodeToString(randomBytes(12)), Hashes: TeamHashes(k, p),
			Block: consent.TeamBlock{Kind: kind, Rep: rep, Time: now}}
		if err := db.queueTeam(tx, e); err != nil {
			return err
		}
	}
	if err := db.delTracked(tx, bTeamMarks, u64(p.ID)); err != nil {
		return err
	}
	return db.queueTeam(tx, TeamOutboxEntry{Key: "removed:" + hex.EncodeToString(u64(p.ID)), Removed: p.ID})
}

func (db *DB) queueTeam(tx *bolt.Tx, e TeamOutboxEntry) error {
	seq, err := tx.Bucket(bTeamOutbox).NextSequence()
	if err != nil {
		return err
	}
	return db.put(tx, bTeamOutbox, u64(seq), e)
}

// TeamOutbox lists what waits to be pushed, oldest first.
func (db *DB) TeamOutbox() ([]TeamOutboxEntry, error) {
	var out []TeamOutboxEntry
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bTeamOutbox).ForEach(func(k, v []byte) error {
			var e TeamOutboxEntry
			if err := db.decode(bTeamOutbox, k, v, &e, "a team outbox entry"); err != nil {
				return err
			}
			e.Seq = getU64(k)
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// TeamPushed records a push the server confirmed, in one transaction: the
// outbox entries sent go and the marks of the prospects pushed move.
func (db *DB) TeamPushed(sent []uint64, marks map[uint64]TeamMark) error {
	return db.update(func(tx *bolt.Tx) error {
		for _, s := range sent {
			if err := db.delTracked(tx, bTeamOutbox, u64(s)); err != nil {
				return err
			}
		}
		for id, m := range marks {
			if tx.Bucket(bProspects).Get(u64(id)) == nil {
				continue // erased meanwhile: its removal is queued
			}
			if err := db.put(tx, bTeamMarks, u64(id), m); err != nil {
				return err
			}
		}
		return nil
	})
}

// TeamMarks reads every prospect's mark.
func (db *DB) TeamMarks() (map[uint64]TeamMark, error) {
	out := map[uint64]TeamMark{}
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bTeamMarks).ForEach(func(k, v []byte) error {
			var m TeamMark
			if err := db.decode(bTeamMarks, k, v, &m, "a team push mark"); err != nil {
				return err
			}
			out[getU64(k)] = m
			return nil
		})
	})
	return out, err
}

// QueueTeamBlocks queues blocks recorded here for the next push (a
// do-not-call register the manager publishes), in one transaction.
func (db *DB) QueueTeamBlocks(es []TeamOutboxEntry) error {
	return db.update(func(tx *bolt.Tx) error {
		if _, ok := db.teamKeys(tx); !ok {
			return ErrNoTeam
		}
		for _, e := range es {
			if err := db.queueTeam(tx, e); err != nil {
				return err
			}
		}
		return nil
	})
}
