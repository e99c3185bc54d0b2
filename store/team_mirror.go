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

// Keys of the mirror's own team bucket. The member's name is blinded in
// the key (a rep's name is personal data too); it is kept sealed under
// mirrorRepKey.
func (db *DB) mirrorMapKey(member string, id uint64) []byte {
	return join([]byte("map\x00"), db.blind("member", member), u64(id))
}
func mirrorRepKey(mid uint64) []byte { return join([]byte("rep\x00"), u64(mid)) }

// mirrorEntry is the mirror's bookkeeping for one member's prospect.
type mirrorEntry struct {
	ID  uint64 `json:"id"`  // the mirror's id
	Seq uint64 `json:"seq"` // the member's last event seq applied
}

// MirrorChange is one change for the mirror: member's prospect ID
// written with its events after the last applied, or Removed.
type MirrorChange struct {
	Member   string
	ID       uint64
	Prospect consent.Prospect
	Events   []consent.Event
	Removed  bool
}

// ApplyMirror writes changes to the mirror in one transaction (a first
// mirror of thousands of prospects is a few transactions, not one each);
// applying a change twice changes nothing. A removal takes the record, its
// ledger and its index entries, and the file is then compacted so no
// freed page keeps them.
func (db *DB) ApplyMirror(changes []MirrorChange) error {
	var put []consent.Prospect
	var gone []uint64
	err := db.update(func(tx *bolt.Tx) error {
		put, gone = put[:0], gone[:0]
		tx.OnCommit(func() { // see updatesInFlight
			db.indexPut(put...)
			for _, id := range gone {
				db.indexRemove(id)
			}
		})
		for _, c := range changes {
			if c.Removed {
				mid, err := db.removeMirrorTx(tx, c.Member, c.ID)
				if err != nil {
					return err
				}
				if mid != 0 {
					gone = append(gone, mid)
				}
				continue
			}
			p, err := db.putMirrorTx(tx, c)
			if err != nil {
				return err
			}
			put = append(put, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(gone) > 0 {
		return db.compactPending()
	}
	return nil
}

// PutMirrorRecord is ApplyMirror of one record; it returns the mirror's id.
func (db *DB) PutMirrorRecord(member string, memberID uint64, p consent.Prospect, evs []consent.Event) (uint64, error) {
	err := db.ApplyMirror([]MirrorChange{{Member: member, ID: memberID, Prospect: p, Events: evs}})
	if err != nil {
		return 0, err
	}
	var me mirrorEntry
	err = db.view(func(tx *bolt.Tx) error {
		return db.get(tx, bTeam, db.mirrorMapKey(member, memberID), &me, "a mirror entry")
	})
	return me.ID, err
}

// RemoveMirrorRecord is ApplyMirror of one removal.
func (db *DB) RemoveMirrorRecord(member string, memberID uint64) error {
	return db.ApplyMirror([]MirrorChange{{Member: member, ID: memberID, Removed: true}})
}

func (db *DB) putMirrorTx(tx *bolt.Tx, c MirrorChange) (consent.Prospect, error) {
	var me mirrorEntry
	mk := db.mirrorMapKey(c.Member, c.ID)
	var old *consent.Prospect
	if tx.Bucket(bTeam).Get(mk) != nil {
		if err := db.get(tx, bTeam, mk, &me, "a mirror entry"); err != nil {
			return c.Prospect, err
		}
		if o, err := db.getProspect(tx, me.ID); err == nil {
			old = &o
		}
	} else {
		seq, err := tx.Bucket(bProspects).NextSequence()
		if err != nil {
			return c.Prospect, err
		}
		me.ID = seq
		if err := db.put(tx, bTeam, mirrorRepKey(me.ID), c.Member); err != nil {
			return c.Prospect, err
		}
	}
	p := c.Prospect
	p.ID = me.ID
	if err := db.writeProspect(tx, p, old); err != nil {
		return p, err
	}
	for _, ev := range c.Events {
		if ev.Seq <= me.Seq {
			continue
		}
		me.Seq = ev.Seq
		ev.Seq, ev.Hash, ev.PrevHash = 0, "", ""
		if _, err := db.appendEvent(tx, me.ID, ev); err != nil {
			return p, err
		}
	}
	return p, db.put(tx, bTeam, mk, me)
}

// removeMirrorTx drops one record; 0 when the mirror did not have it.
func (db *DB) removeMirrorTx(tx *bolt.Tx, member string, memberID uint64) (uint64, error) {
	mk := db.mirrorMapKey(member, memberID)
	if tx.Bucket(bTeam).Get(mk) == nil {
		return 0, nil
	}
	var me mirrorEntry
	if err := db.get(tx, bTeam, mk, &me, "a mirror entry"); err != nil {
		return 0, err
	}
	if err := db.removeRecordTx(tx, u64(me.ID)); err != nil {
		return 0, err
	}
	if err := db.delTracked(tx, bTeam, mk); err != nil {
		return 0, err
	}
	return me.ID, db.delTracked(tx, bTeam, mirrorRepKey(me.ID))
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
