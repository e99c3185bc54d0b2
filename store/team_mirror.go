package store

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// The manager's team mirror is a second Warmlead database beside the
// manager's (MirrorPath), encrypted like every database under a random
// passphrase kept only in the manager's sealed team link. It holds every
// rep's prospects (opened from their snapshots) and ledgers, under ids of
// its own, plus which member holds each: the ordinary use cases then run
// over it for the team scope (list --team, report --team).

// mirrorKDF is cheap: the mirror's passphrase is 256 random bits, which no
// guessing reaches, so stretching it buys nothing and costs every sync.
var mirrorKDF = KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}

// OpenMirror opens the manager's mirror, creating it (and its passphrase)
// at the first call. The caller closes it.
func (db *DB) OpenMirror() (*DB, error) {
	l, ok, err := db.TeamLink()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNoTeam
	}
	if l.MirrorKey == "" {
		l.MirrorKey = newMirrorKey()
		if err := db.SetTeamLink(l, AuditEntry{}); err != nil {
			return nil, err
		}
	}
	opts := Options{Timeout: 5 * time.Second, StateDir: db.opts.StateDir, KDF: mirrorKDF}
	if !Exists(db.MirrorPath()) {
		s, err := db.Settings()
		if err != nil {
			return nil, err
		}
		return Create(db.MirrorPath(), []byte(l.MirrorKey), s, opts)
	}
	m, err := Open(db.MirrorPath(), opts)
	if err != nil {
		return nil, err
	}
	if err := m.UnlockPassphrase([]byte(l.MirrorKey)); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// Keys of the mirror's own team bucket.
func mirrorMapKey(member string, id uint64) []byte {
	return join([]byte("map\x00"), []byte(member), []byte{0}, u64(id))
}
func mirrorRepKey(mid uint64) []byte { return join([]byte("rep\x00"), u64(mid)) }

// mirrorEntry is the mirror's bookkeeping for one member's prospect.
type mirrorEntry struct {
	ID  uint64 `json:"id"`  // the mirror's id
	Seq uint64 `json:"seq"` // the member's last event seq applied
}

// PutMirrorRecord writes (or updates) member's prospect memberID in the
// mirror with the events after the last applied: applying a change twice
// changes nothing. It returns the mirror's id.
func (db *DB) PutMirrorRecord(member string, memberID uint64, p consent.Prospect, evs []consent.Event) (uint64, error) {
	var out consent.Prospect
	err := db.update(func(tx *bolt.Tx) error {
		var me mirrorEntry
		mk := mirrorMapKey(member, memberID)
		var old *consent.Prospect
		if tx.Bucket(bTeam).Get(mk) != nil {
			if err := db.get(tx, bTeam, mk, &me, "a mirror entry"); err != nil {
				return err
			}
			if o, err := db.getProspect(tx, me.ID); err == nil {
				old = &o
			}
		} else {
			seq, err := tx.Bucket(bProspects).NextSequence()
			if err != nil {
				return err
			}
			me.ID = seq
			if err := db.put(tx, bTeam, mirrorRepKey(me.ID), member); err != nil {
				return err
			}
		}
		p.ID = me.ID
		if err := db.writeProspect(tx, p, old); err != nil {
			return err
		}
		for _, ev := range evs {
			if ev.Seq <= me.Seq {
				continue
			}
			me.Seq = ev.Seq
			ev.Seq, ev.Hash, ev.PrevHash = 0, "", ""
			if _, err := db.appendEvent(tx, me.ID, ev); err != nil {
				return err
			}
		}
		out = p
		return db.put(tx, bTeam, mk, me)
	})
	if err != nil {
		return 0, err
	}
	db.indexPut(out)
	return out.ID, nil
}

// RemoveMirrorRecord drops member's prospect memberID from the mirror (an
// erasure or a merge at the rep's): the record, its ledger and index
// entries, then the file is compacted so no freed page keeps them.
func (db *DB) RemoveMirrorRecord(member string, memberID uint64) error {
	var mid uint64
	err := db.update(func(tx *bolt.Tx) error {
		mk := mirrorMapKey(member, memberID)
		if tx.Bucket(bTeam).Get(mk) == nil {
			return nil
		}
		var me mirrorEntry
		if err := db.get(tx, bTeam, mk, &me, "a mirror entry"); err != nil {
			return err
		}
		mid = me.ID
		if err := db.removeRecordTx(tx, u64(me.ID)); err != nil {
			return err
		}
		if err := db.delTracked(tx, bTeam, mk); err != nil {
			return err
		}
		return db.delTracked(tx, bTeam, mirrorRepKey(me.ID))
	})
	if err != nil || mid == 0 {
		return err
	}
	db.indexRemove(mid)
	return db.compactPending()
}

// MirrorReps maps the mirror's prospect ids to the member holding each.
func (db *DB) MirrorReps() (map[uint64]string, error) {
	out := map[uint64]string{}
	prefix := []byte("rep\x00")
	err := db.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bTeam).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var member string
			if err := db.decode(bTeam, k, v, &member, "a mirror entry"); err != nil {
				return err
			}
			out[getU64(k[len(prefix):])] = member
		}
		return nil
	})
	return out, err
}
