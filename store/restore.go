package store

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// What a restore carries from the database it replaces into the backup
// (GDPR Art. 17: an erasure is forever, also across backups; an objection
// or a withdrawal does not come undone because an older file came back).
//
// Matching. Both files are unlocked, so the people are compared by what
// the store already keys them by:
//   - In the same database (same id), an id is one person for good (ids are
//     never reused), so a tombstone in the replaced file erases the
//     backup's prospect with that id, and a ledger is matched by id.
//   - Across databases ids mean nothing; a backup's prospect is erased when
//     its email or phone, hashed under the replaced file's suppression key,
//     has a suppression entry there, and a ledger is matched by email or
//     phone.
//   - A suppression entry also comes from a declined referral or from
//     another person with the same switchboard number, so it erases no one
//     who is still a prospect with that address in the replaced file.
//
// Suppression entries and do-not-call numbers are keyed hashes: they are
// copied only between files with the same keys. Another database's are
// counted in NotCarried (its people in the backup are erased again all the
// same, by the rule above).

// Carried is what a restore carried over and re-applied.
type Carried struct {
	Erased       []uint64 // backup prospects erased again
	Tombstones   int      // tombstones of people erased after the backup was made
	Suppressions int      // suppression entries copied
	Appended     int      // objections, refusals and withdrawals appended again
	Registers    int      // do-not-call registers copied
	NotCarried   int      // suppression entries and registers keyed by another database's key
	Unreadable   int      // records of the replaced file that failed their integrity check
}

// blockingKinds are the events that stop contact and must outlive a restore.
var blockingKinds = map[consent.EventKind]bool{consent.KindObjection: true, consent.KindConsentWithdrawn: true, consent.KindConsentRefused: true}

// ReasonRestored starts the reason of a tombstone a restore re-applied.
const ReasonRestored = "erased before this backup was restored"

// keyOpens tells whether dk is this file's data key.
func (db *DB) keyOpens(dk []byte) bool {
	ok := false
	db.view(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bSettings).Get(kSettings)
		_, err := open(dk, raw, adFor(bSettings, kSettings))
		ok = len(raw) > 0 && err == nil
		return nil
	})
	return ok
}

// replacedState is what carryOver reads of the replaced database.
type replacedState struct {
	tombs      map[uint64]Tombstone
	sups       map[string][]byte // key -> sealed value
	live       map[uint64]consent.Prospect
	blocks     map[uint64][]consent.Event
	emails     map[string]bool
	phones     map[string]bool
	regs       map[string][]byte // register key -> sealed Register
	regTime    map[string]time.Time
	dnc        map[string][][]byte // register key -> its dnc keys
	seq        uint64
	unreadable int
}

func readReplaced(cur *DB, sameKeys bool, bakRegs map[string]time.Time) (replacedState, error) {
	s := replacedState{tombs: map[uint64]Tombstone{}, sups: map[string][]byte{}, live: map[uint64]consent.Prospect{},
		blocks: map[uint64][]consent.Event{}, emails: map[string]bool{}, phones: map[string]bool{},
		regs: map[string][]byte{}, regTime: map[string]time.Time{}, dnc: map[string][][]byte{}}
	err := cur.view(func(tx *bolt.Tx) error {
		tx.Bucket(bTombstones).ForEach(func(k, v []byte) error {
			var t Tombstone
			if cur.decode(bTombstones, k, v, &t, "") != nil {
				s.unreadable++
			} else {
				s.tombs[getU64(k)] = t
			}
			return nil
		})
		tx.Bucket(bSuppress).ForEach(func(k, v []byte) error {
			s.sups[string(k)] = bytes.Clone(v)
			return nil
		})
		s.seq = tx.Bucket(bProspects).Sequence()
		tx.Bucket(bProspects).ForEach(func(k, v []byte) error {
			var p consent.Prospect
			if cur.decode(bProspects, k, v, &p, "") != nil {
				s.unreadable++
				return nil
			}
			p.ID = getU64(k)
			s.live[p.ID] = p
			s.emails[p.Email], s.phones[p.Phone] = true, true
			evs, _ := cur.readEvents(tx, p.ID) // a damaged tail: the events before it still count
			for _, e := range evs {
				if blockingKinds[e.Kind] {
					s.blocks[p.ID] = append(s.blocks[p.ID], e)
				}
			}
			return nil
		})
		delete(s.emails, "")
		delete(s.phones, "")
		tx.Bucket(bRegisters).ForEach(func(k, v []byte) error {
			var r Register
			if cur.decode(bRegisters, k, v, &r, "") != nil {
				s.unreadable++
				return nil
			}
			if t, ok := bakRegs[string(k)]; sameKeys && (!ok || t.Before(r.Imported)) {
				s.regs[string(k)], s.regTime[string(k)] = bytes.Clone(v), r.Imported
			}
			return nil
		})
		if !sameKeys || len(s.regs) == 0 {
			return nil
		}
		return tx.Bucket(bDNC).ForEach(func(k, _ []byte) error {
			if len(k) == len(dncKey{}) {
				if reg := string(k[dncHashLen:]); s.regs[reg] != nil {
					s.dnc[reg] = append(s.dnc[reg], bytes.Clone(k))
				}
			}
			return nil
		})
	})
	return s, err
}

// sameKeys tells whether two unlocked files share their data key (then a
// keyed hash or a sealed value of one is valid in the other).
func sameKeys(a, b *DB) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	b.mu.RLock()
	defer b.mu.RUnlock()
	return a.dataKey != nil && bytes.Equal(a.dataKey, b.dataKey)
}

// carryOver re-applies to bak (the unlocked copy of the backup) what must
// survive from cur (the unlocked database being replaced), in one
// transaction, then compacts bak when it erased someone.
func carryOver(cur, bak *DB, rep string, now time.Time) (Carried, error) {
	var c Carried
	same := sameKeys(cur, bak)
	sameDB := cur.dbid == bak.dbid
	bakRegs := map[string]time.Time{}
	if regs, err := bak.Registers(); err == nil {
		bl, err := bak.blinders(1, false)
		if err != nil {
			return c, err
		}
		for _, r := range regs {
			bakRegs[string(registerKey(bl[0], r.Name))] = r.Imported
		}
	}
	s, err := readReplaced(cur, same, bakRegs)
	if err != nil {
		return c, err
	}
	c.Unreadable = s.unreadable
	err = bak.update(func(tx *bolt.Tx) error {
		var c2 Carried
		c2.Unreadable = c.Unreadable
		if err := reapply(cur, bak, tx, &s, &c2, sameDB, same, rep, now); err != nil {
			return err
		}
		c = c2
		return nil
	})
	if err != nil {
		return Carried{Unreadable: c.Unreadable}, err
	}
	if len(c.Erased) > 0 {
		if err := bak.Compact(); err != nil {
			return c, err
		}
	}
	return c, nil
}

func reapply(cur, bak *DB, tx *bolt.Tx, s *replacedState, c *Carried, sameDB, same bool, rep string, now time.Time) error {
	var ps []consent.Prospect
	byEmail, byPhone := map[string]uint64{}, map[string]uint64{}
	err := tx.Bucket(bProspects).ForEach(func(k, v []byte) error {
		var p consent.Prospect
		if err := bak.decode(bProspects, k, v, &p, fmt.Sprintf("prospect %d", getU64(k))); err != nil {
			return err // verified just before: a failure here is real damage
		}
		p.ID = getU64(k)
		ps = append(ps, p)
		if p.Email != "" {
			byEmail[p.Email] = p.ID
		}
		if p.Phone != "" {
			byPhone[p.Phone] = p.ID
		}
		return nil
	})
	if err != nil {
		return err
	}
	erased := map[uint64]bool{}
	for _, p := range ps {
		t, ok := eraseAgain(cur, s, p, sameDB, rep, now)
		if !ok {
			continue
		}
		if err := bak.eraseTx(tx, p, t, AuditEntry{Time: now, Rep: rep, Action: "erased", Prospect: p.ID, Detail: t.Reason}); err != nil {
			return err
		}
		erased[p.ID] = true
		c.Erased = append(c.Erased, p.ID)
	}
	tombs := tx.Bucket(bTombstones)
	for id, t := range s.tombs {
		if !sameDB || erased[id] || tombs.Get(u64(id)) != nil || tx.Bucket(bProspects).Get(u64(id)) != nil {
			continue
		}
		if err := bak.put(tx, bTombstones, u64(id), t); err != nil {
			return err
		}
		c.Tombstones++
	}
	if err := bak.carryKeyed(tx, s, c, same); err != nil {
		return err
	}
	for id, evs := range s.blocks {
		to := uint64(0)
		switch p := s.live[id]; {
		case sameDB:
			if tx.Bucket(bProspects).Get(u64(id)) != nil {
				to = id
			}
		case byEmail[p.Email] != 0 && p.Email != "":
			to = byEmail[p.Email]
		case p.Phone != "":
			to = byPhone[p.Phone]
		}
		if to == 0 || erased[to] {
			continue
		}
		n, err := appendMissing(bak, tx, to, evs, now)
		if err != nil {
			return err
		}
		c.Appended += n
	}
	if sameDB {
		b := tx.Bucket(bProspects)
		if err := b.SetSequence(max(b.Sequence(), s.seq)); err != nil {
			return err
		}
	}
	return nil
}

// eraseAgain decides whether the backup's prospect p was erased in the
// replaced file (see the rules at the top), and with which tombstone.
func eraseAgain(cur *DB, s *replacedState, p consent.Prospect, sameDB bool, rep string, now time.Time) (Tombstone, bool) {
	if sameDB {
		if t, ok := s.tombs[p.ID]; ok {
			return Tombstone{ID: p.ID, Time: t.Time, Rep: t.Rep, Reapplied: now, Reason: ReasonRestored + ": " + t.Reason}, true
		}
		if _, alive := s.live[p.ID]; alive {
			return Tombstone{}, false
		}
	}
	if s.emails[p.Email] || s.phones[p.Phone] {
		return Tombstone{}, false
	}
	hit := ""
	if p.Email != "" && s.sups[string(cur.suppressKey("email", p.Email))] != nil {
		hit = "email"
	} else if p.Phone != "" && s.sups[string(cur.suppressKey("phone", p.Phone))] != nil {
		hit = "phone"
	}
	if hit == "" {
		return Tombstone{}, false
	}
	return Tombstone{ID: p.ID, Time: now, Rep: rep, Reapplied: now, Reason: ReasonRestored + " (matched by the suppression entry of its " + hit + ")"}, true
}

// carryKeyed copies the suppression entries and do-not-call registers,
// which only the same keys can read.
func (bak *DB) carryKeyed(tx *bolt.Tx, s *replacedState, c *Carried, same bool) error {
	if !same {
		c.NotCarried += len(s.sups) + len(s.regTime)
		return nil
	}
	sup := tx.Bucket(bSuppress)
	for k, v := range s.sups {
		if sup.Get([]byte(k)) != nil {
			continue
		}
		if err := bak.putTracked(tx, bSuppress, []byte(k), v); err != nil {
			return err
		}
		c.Suppressions++
	}
	for reg, v := range s.regs {
		if _, err := bak.clearRegister(tx, []byte(reg)); err != nil {
			return err
		}
		for _, k := range s.dnc[reg] {
			if err := bak.putTracked(tx, bDNC, k, nil); err != nil {
				return err
			}
		}
		if err := bak.putTracked(tx, bRegisters, []byte(reg), v); err != nil {
			return err
		}
		c.Registers++
	}
	return nil
}

// appendMissing appends to ledger id the blocking events it lacks (the
// same kind, time, purpose and channel), each with a note saying where it
// comes from.
func appendMissing(bak *DB, tx *bolt.Tx, id uint64, evs []consent.Event, now time.Time) (int, error) {
	have, _ := bak.readEvents(tx, id)
	n := 0
	for _, e := range evs {
		dup := false
		for _, h := range have {
			dup = dup || (h.Kind == e.Kind && h.Time.Equal(e.Time) && h.Purpose == e.Purpose && h.Channel == e.Channel)
		}
		if dup {
			continue
		}
		e2 := e
		e2.Seq, e2.PrevHash, e2.Hash = 0, "", ""
		e2.Note = fmt.Sprintf("re-applied by the restore of %s: recorded in the database this backup replaced", now.Format("2006-01-02"))
		if e.Note != "" {
			e2.Note += "; " + e.Note
		}
		out, err := bak.appendEvent(tx, id, e2)
		if err != nil {
			return n, err
		}
		have = append(have, out)
		n++
	}
	return n, nil
}
