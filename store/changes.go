package store

import (
	"slices"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The change journal tells a reader which prospects were written since it
// last looked, so Today's screen (ui/usecase/today_cache.go) re-reads the
// one ledger a logged call touched instead of 15,000. It answers "I cannot
// tell" (all) rather than ever leaving a change out.
//
// Hooks (one line each): indexPut and indexRemove (index.go), ledger
// appends (facetsEventsAppended, index_facets.go), suppression entries
// (erase.go, history.go), setKey and Lock (db.go), team blocks
// (team_blocks.go), do-not-call registers (dnc.go), settings (settings.go)
// and Rekey (rekey.go). A restore replaces the file of a closed database,
// so the app opens a new *DB with a journal of its own.

// changeJournalMax bounds the ids kept: past it the oldest are dropped and
// a reader that had not seen them is told all.
const changeJournalMax = 4096

// changeVersions numbers every change of every database in the process: a
// version is never handed out twice, across lock and unlock, so a reader's
// version from before an unlock can never pass for one from after.
var changeVersions atomic.Uint64

type change struct {
	version uint64
	id      uint64
}

// changeJournal is guarded by DB.mu (every hook runs under its write lock).
type changeJournal struct {
	// floor: what happened up to this version is not kept; a reader whose
	// version is older is told all.
	floor   uint64
	changes []change // ascending versions, all above floor
}

// note records that prospect id was written.
func (j *changeJournal) note(id uint64) {
	if len(j.changes) >= changeJournalMax {
		j.everyone()
		return
	}
	j.changes = append(j.changes, change{changeVersions.Add(1), id})
}

// everyone records a change that can touch any prospect (settings, a
// register, team blocks, a rekey), or the start of a new unlock: every
// reader is told all.
func (j *changeJournal) everyone() {
	j.floor = changeVersions.Add(1)
	clear(j.changes)
	j.changes = j.changes[:0]
}

// Changes lists, in id order without repeats, the prospects written since
// version since (a version an earlier call returned), with the version to
// pass next time. all says the journal cannot tell, and the reader must
// read everything: since is 0 or from before this unlock, more than
// changeJournalMax writes happened, or a write that can touch anyone did.
// While locked it is always all.
func (r Index) Changes(since uint64) (ids []uint64, version uint64, all bool) {
	db := r.db
	db.mu.RLock()
	defer db.mu.RUnlock()
	j := &db.changes
	version = changeVersions.Load()
	if db.index == nil || since == 0 || since < j.floor {
		return nil, version, true
	}
	seen := map[uint64]bool{}
	for i := len(j.changes) - 1; i >= 0 && j.changes[i].version > since; i-- {
		if id := j.changes[i].id; !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, version, false
}

// changedEveryone is everyone for hooks outside the lock: a transaction's
// OnCommit, after the write is in the file.
func (db *DB) changedEveryone() {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.changes.everyone()
}

// changedContact is the hook of a suppression entry for an email or phone:
// every prospect with that email or phone now reads as suppressed
// (recordFiller.fill compares the same strings, blinded), so each is noted.
func (db *DB) changedContact(tx *bolt.Tx, kind, value string) {
	tx.OnCommit(func() {
		db.mu.Lock()
		defer db.mu.Unlock()
		if db.index == nil {
			db.changes.everyone()
			return
		}
		for id, e := range db.index.byID {
			if (kind == "email" && e.p.Email == value) || (kind == "phone" && e.p.Phone == value) {
				db.changes.note(id)
			}
		}
	})
}

// DueCandidatesUntil is DueCandidates with the instant until which the
// list stays the same without a write (zero: for good): the earliest at
// which a prospect left out becomes a candidate (consent.DueHint.DueFrom).
// Today's cache asks again only then, or after a write the journal names,
// instead of walking 100,000 hints on every call.
func (db *DB) DueCandidatesUntil(now time.Time, retentionMonths int) ([]uint64, time.Time, error) {
	if err := db.refreshFacets(false); err != nil {
		return nil, time.Time{}, err
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	ix := db.index
	if ix == nil {
		return nil, time.Time{}, ErrNotUnlocked
	}
	var ids []uint64
	var until time.Time
	for id := range ix.byID {
		lf, ok := ix.facets.ledger[id]
		if !ok { // no facet yet (written after the read began): open it to be safe
			ids = append(ids, id)
			continue
		}
		from, ever := lf.due().DueFrom(retentionMonths)
		switch {
		case !ever:
		case !now.Before(from):
			ids = append(ids, id)
		case until.IsZero() || from.Before(until):
			until = from
		}
	}
	slices.Sort(ids)
	return ids, until, nil
}
