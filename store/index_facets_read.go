package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// errFacetsAborted stops a ledger read when the database is locked (or
// unlocked again) under it: its results belong to an index that is gone.
// It is ErrNotUnlocked to callers, which is what the next call would say.
var errFacetsAborted = fmt.Errorf("%w (while the list read the ledgers)", ErrNotUnlocked)

// fullReadMin is how many stale prospects make a full read cheaper than one
// seek per prospect (a bulk import, typically).
const fullReadMin = 5000

type facetJob struct {
	id    uint64
	phone string
	p     consent.Prospect // ID, Created and Source only: what the deadline hint reads
}

func jobFor(e *indexEntry) facetJob {
	return facetJob{e.p.ID, e.p.Phone, consent.Prospect{ID: e.p.ID, Created: e.p.Created, Source: e.p.Source}}
}

type facetResult struct {
	id uint64
	lf ledgerFacet
}

// refreshFacets brings the ledger facets of the current index up to date:
// everyone's on the first call after an unlock (or after a bulk import, or
// when the do-not-call registers changed), else the prospects written since
// the last call. The ledgers are read without holding db.mu, so the list's
// rows (Cached) never wait for them; one refresh runs at a time.
func (db *DB) refreshFacets(checkRegisters bool) error {
	db.mu.RLock()
	ix := db.index
	db.mu.RUnlock()
	if ix == nil {
		return ErrNotUnlocked
	}
	f := &ix.facets
	f.mu.Lock()
	defer f.mu.Unlock()

	db.mu.Lock()
	if db.index != ix {
		db.mu.Unlock()
		return ErrNotUnlocked
	}
	f.tracking = true
	full := !f.built || f.rereadAll || len(f.stale) > fullReadMin
	f.rereadAll = false
	todo := make([]facetJob, 0, len(f.stale))
	for id := range f.stale {
		if e := ix.byID[id]; e != nil && !full {
			todo = append(todo, jobFor(e))
		}
	}
	clear(f.stale)
	known := f.regs
	db.mu.Unlock()

	regs := known
	if checkRegisters || full || len(todo) > 0 {
		var err error
		if regs, err = db.registersPrint(); err != nil {
			return db.facetsFailed(ix, todo, err)
		}
		full = full || regs != known
	}
	if full {
		db.mu.RLock()
		todo = make([]facetJob, 0, len(ix.byID))
		for _, e := range ix.byID {
			todo = append(todo, jobFor(e))
		}
		db.mu.RUnlock()
	}
	if len(todo) == 0 {
		return nil
	}
	results, err := db.readFacets(ix, todo)
	if full {
		db.releaseMapped() // every ledger's pages were read (mapped_linux.go)
	}
	if err != nil {
		return db.facetsFailed(ix, todo, err)
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index != ix {
		return ErrNotUnlocked
	}
	if full || f.ledger == nil {
		f.ledger = make(map[uint64]ledgerFacet, len(results))
	}
	for _, r := range results {
		if _, ok := ix.byID[r.id]; ok { // not erased meanwhile
			f.ledger[r.id] = r.lf
		}
	}
	f.built = f.built || full
	f.regs = regs
	f.version++
	return nil
}

// facetsFailed puts the prospects of a failed refresh back as stale, so the
// next query tries them again.
func (db *DB) facetsFailed(ix *searchIndex, todo []facetJob, err error) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index == ix {
		for _, j := range todo {
			ix.facets.markStale(j.id)
		}
	}
	return err
}

// registersPrint identifies the imported registers: the dnc flags are
// computed again when it changes (a register imported or replaced).
func (db *DB) registersPrint() (string, error) {
	var out string
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = db.registersPrintTx(tx)
		return err
	})
	return out, err
}

func (db *DB) registersPrintTx(tx *bolt.Tx) (string, error) {
	regs, err := db.readRegisters(tx)
	if err != nil && !errIntegrity(err) {
		return "", err
	}
	list := make([]string, 0, len(regs))
	for k, r := range regs {
		list = append(list, fmt.Sprintf("%x %s %d", k, r.Name, r.Imported.UnixNano()))
	}
	sort.Strings(list)
	return fmt.Sprint(list), nil
}

// readFacets reads the ledgers of todo, in two halves at once when there
// are many (the target machine has two cores). Each half has its own read
// transaction, which is fine: writes during the read are marked stale.
func (db *DB) readFacets(ix *searchIndex, todo []facetJob) ([]facetResult, error) {
	slices.SortFunc(todo, func(a, b facetJob) int { return cmp.Compare(a.id, b.id) })
	out := make([]facetResult, len(todo))
	if len(todo) < 2000 {
		return out, db.readFacetRange(ix, todo, out)
	}
	mid := len(todo) / 2
	errc := make(chan error, 1)
	go func() { errc <- db.readFacetRange(ix, todo[:mid], out[:mid]) }()
	err := db.readFacetRange(ix, todo[mid:], out[mid:])
	return out, errors.Join(err, <-errc)
}

// readFacetRange reads the ledgers of jobs (ascending ids) into out.
func (db *DB) readFacetRange(ix *searchIndex, jobs []facetJob, out []facetResult) error {
	db.snap.ledgersRead.Add(int64(len(jobs))) // what the tests of the snapshot count
	bl, err := db.blinders(1, false)
	if err != nil {
		return err
	}
	r, err := db.newFacetReader()
	if err != nil {
		return err
	}
	defer r.close()
	return db.view(func(tx *bolt.Tx) error {
		// A damaged register is left out; its numbers still count as
		// listed (dncLookup fails closed), and Verify reports it.
		regs, err := db.readRegisters(tx)
		if err != nil && !errIntegrity(err) {
			return err
		}
		teamBlocks := db.newTeamFacetReader(tx)
		c := tx.Bucket(bEvents).Cursor()
		var evs []consent.Event
		var fe facetEvent
		for n, j := range jobs {
			// Checked now and then, so a lock (or Close) stops the read
			// within milliseconds; its results would be dropped anyway.
			if n%1024 == 1023 && db.indexGone(ix) {
				return errFacetsAborted
			}
			if n%releaseEvery == releaseEvery-1 {
				releaseMappedTx(tx)
			}
			evs = evs[:0]
			prefix := u64(j.id)
			damaged := guardRecord(bEvents, ledgerOf, j.id, func() error {
				for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
					if !r.event(k, v, &fe) {
						break // a damaged ledger counts up to the damage; Verify reports it
					}
					evs = append(evs, fe.event())
				}
				return nil
			})
			rec := consent.Record{Prospect: j.p, Events: evs, TeamBlocks: teamBlocks.of(ix, j.id)}
			out[n] = facetResult{j.id, facetOf(rec)}
			if damaged != nil { // a damaged page: "may be due", so the due list opens it and names it
				out[n].lf.setDue(consent.DueHint{Any: true})
			}
			if j.phone != "" && db.dncLookup(tx, regs, bl[0].blind("dnc", j.phone)) != nil {
				out[n].lf.dnc = true // else only a register the team published (summarise)
			}
		}
		return db.indexGoneErr(ix)
	})
}

// indexGoneErr reports a lock during the read: the key copy may have
// outlived it, but no result of it is kept.
func (db *DB) indexGoneErr(ix *searchIndex) error {
	if db.indexGone(ix) {
		return errFacetsAborted
	}
	return nil
}

func (db *DB) indexGone(ix *searchIndex) bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.index != ix
}

// facetOf is a record's facet: the ledger's summary with the team's
// blocks, the deadline hint and whether an Art. 14 notice is owed. The
// local do-not-call registers are the caller's (readFacetRange).
func facetOf(rec consent.Record) ledgerFacet {
	lf := summarise(rec)
	lf.setDue(consent.HintDue(rec))
	lf.notice = consent.NoticeOwed(rec)
	return lf
}

// summarise reduces a ledger to its facet. "Contact" is what the rep did to
// reach the person, or their reply: calls (answered or not), emails,
// notices. The consent state is the policy's own matrix (ConsentStateAt)
// for every pair the ledger or a team withdrawal mentions, judged at the
// beginning of time so that an expiry stays a date the query compares
// with its now. The team's blocks bind as the policy says (team_facets.go).
func summarise(rec consent.Record) ledgerFacet {
	evs := rec.Events
	var lf ledgerFacet
	type pair struct {
		p  consent.Purpose
		ch consent.Channel
	}
	var pairs []pair
	add := func(p consent.Purpose, ch consent.Channel) {
		if !slices.Contains(pairs, pair{p, ch}) {
			pairs = append(pairs, pair{p, ch})
		}
	}
	for i := range evs {
		e := &evs[i]
		switch e.Kind {
		case consent.KindCallLogged, consent.KindEmailGenerated, consent.KindInformed, consent.KindReplyAttached:
			lf.contact = max(lf.contact, e.Time.Unix())
		}
		if e.Kind == consent.KindCallLogged { // the latest call's call-back is the next step
			lf.callback, lf.callBackAt = 0, 0
			if !e.Callback.IsZero() {
				lf.callback = e.Callback.Unix()
				if e.Outcome == consent.OutcomeCallBack {
					lf.callBackAt = lf.callback
				}
			}
			lf.calls++
			lf.lastCall = e.Time.Unix()
		}
		switch {
		case e.Kind == consent.KindConsentGranted:
			add(e.Purpose, e.Channel)
		case e.Kind == consent.KindConsentWithdrawn:
			// A withdrawal without purpose or channel covers them all.
			for _, p := range orAll(e.Purpose, consent.Purposes) {
				for _, ch := range orAll(e.Channel, consent.Channels) {
					add(p, ch)
				}
			}
		}
	}
	lf.objected = rec.Objected() // the policy's global objection, here or the team's
	lf.dnc = rec.DNCHit() != nil // a register the team published; the local ones are the caller's
	for _, b := range rec.TeamBlocks {
		if b.Kind == consent.TeamWithdrawal {
			for _, p := range orAll(b.Purpose, consent.Purposes) {
				for _, ch := range orAll(b.Channel, consent.Channels) {
					add(p, ch)
				}
			}
		}
	}
	for _, pc := range pairs {
		if len(rec.TeamBlocks) > 0 && rec.TeamWithdrew(pc.p, pc.ch) {
			lf.withdrawn = true
			continue
		}
		switch cell := rec.ConsentStateAt(pc.p, pc.ch, time.Time{}); cell.Status {
		case consent.StatusGranted:
			until := forever
			if !cell.Expires.IsZero() {
				until = cell.Expires.Unix()
			}
			lf.until = max(lf.until, until)
		case consent.StatusWithdrawn:
			lf.withdrawn = true
		}
	}
	return lf
}

func orAll[T comparable](v T, all []T) []T {
	var zero T
	if v == zero {
		return all
	}
	return []T{v}
}
