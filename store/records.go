package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/team"
)

// noProspect is the error for an id with no prospect: the message the CLI
// has always shown, and errors.Is(err, ErrNotFound) for callers that branch.
type noProspect uint64

func (e noProspect) Error() string { return fmt.Sprintf("no prospect with id %d", uint64(e)) }
func (e noProspect) Unwrap() error { return ErrNotFound }

// recordFiller completes a consent.Record inside one transaction: the
// do-not-call hit and the suppression flag. It caches the registers and
// reuses HMAC states, because Records runs it for every prospect.
type recordFiller struct {
	db   *DB
	tx   *bolt.Tx
	regs map[[regHashLen]byte]Register
	idx  *blinder
	sup  *blinder
	team team.Keys // the team's blind-index key; nil Index outside a team
}

func (db *DB) newRecordFiller(tx *bolt.Tx) (*recordFiller, error) {
	idx, err := db.blinders(1, false)
	if err != nil {
		return nil, err
	}
	sup, err := db.blinders(1, true)
	if err != nil {
		return nil, err
	}
	// A damaged register is left out of the cache; its numbers still
	// block (dncLookup), and Verify reports the damage.
	regs, err := db.readRegisters(tx)
	if err != nil && !errIntegrity(err) {
		return nil, err
	}
	k, _ := db.teamKeys(tx)
	return &recordFiller{db: db, tx: tx, regs: regs, idx: idx[0], sup: sup[0], team: k}, nil
}

// fill sets r.DNC and r.Suppressed from r.Prospect's (normalised) contact
// details. Suppressed matters for a prospect still in the file: a
// duplicate kept beside someone who was later erased, or a declined
// referral whose details were suppressed with Suppress.
func (f *recordFiller) fill(r *consent.Record) {
	p := r.Prospect
	r.DNC = nil
	if p.Phone != "" {
		r.DNC = f.db.dncLookup(f.tx, f.regs, f.idx.blind("dnc", p.Phone))
	}
	s := f.tx.Bucket(bSuppress)
	r.Suppressed = (p.Email != "" && s.Get(f.sup.blind("email", p.Email)) != nil) ||
		(p.Phone != "" && s.Get(f.sup.blind("phone", p.Phone)) != nil)
	r.TeamBlocks = nil
	if f.team.Index != nil {
		r.TeamBlocks = f.db.teamBlocksFor(f.tx, f.team, p) // team_blocks.go
	}
}

// Records reads every prospect with its ledger, do-not-call hit and
// suppression flag, for the policy and the deadlines. Prospects whose values
// fail their integrity check are skipped and counted in the returned
// problems. It holds every ledger at once (about 20 KB a prospect with ten
// events); whole-database passes that keep little use ForEachRecord.
func (db *DB) Records() ([]consent.Record, []error, error) {
	var out []consent.Record
	problems, err := db.ForEachRecord(func(r consent.Record) error {
		out = append(out, r)
		return nil
	})
	return out, problems, err
}

// ForEachRecord calls fn with every prospect's record in id order, one at a
// time, inside one read transaction, so a pass over 100,000 prospects needs
// the memory of one ledger, not of all. Damaged prospects are skipped and
// returned as problems; an error from fn stops the pass and is returned.
// fn must not write to the database (it runs inside the read transaction).
func (db *DB) ForEachRecord(fn func(consent.Record) error) ([]error, error) {
	defer db.releaseMapped() // every page of the file was read (mapped_linux.go)
	return db.eachRecord(func(tx *bolt.Tx, visit func(k, v []byte) error) error {
		return tx.Bucket(bProspects).ForEach(visit)
	}, fn)
}

// eachRecord runs fn over the prospects that walk hands to visit, reading
// each one's ledger and register hit; see ForEachRecord.
func (db *DB) eachRecord(walk func(tx *bolt.Tx, visit func(k, v []byte) error) error, fn func(consent.Record) error) ([]error, error) {
	var problems []error
	if _, err := db.key(); err != nil {
		return nil, err
	}
	err := db.view(func(tx *bolt.Tx) error {
		f, err := db.newRecordFiller(tx)
		if err != nil {
			return err
		}
		n := 0
		return walk(tx, func(k, v []byte) error {
			if n++; n%releaseEvery == 0 {
				releaseMappedTx(tx)
			}
			id := getU64(k)
			var r consent.Record
			if err := guardRecord(bProspects, prospectKey, id, func() error {
				return db.decodeNamed(bProspects, k, v, &r.Prospect, func() string { return fmt.Sprintf(prospectKey, id) })
			}); err != nil {
				problems = append(problems, &SkippedError{Prospect: id, Part: "record", Err: err})
				return nil
			}
			if r.Events, err = db.readLedger(tx, id); err != nil {
				problems = append(problems, &SkippedError{Prospect: id, Part: "ledger", Err: err})
				return nil
			}
			f.fill(&r)
			return fn(r)
		})
	})
	return problems, err
}

// readLedger is readEvents under guardRecord: a damaged page of the
// ledger is an IntegrityError naming it.
func (db *DB) readLedger(tx *bolt.Tx, id uint64) (evs []consent.Event, err error) {
	err = guardRecord(bEvents, ledgerOf, id, func() error {
		evs, err = db.readEvents(tx, id)
		return err
	})
	return evs, err
}

// Record reads one prospect's record from the file (not the in-memory
// index), so damage is reported rather than served from memory. An unknown
// id gives an error that errors.Is ErrNotFound.
func (db *DB) Record(id uint64) (consent.Record, error) {
	var r consent.Record
	if _, err := db.key(); err != nil {
		return r, err
	}
	err := db.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bProspects).Get(u64(id)) == nil {
			return noProspect(id)
		}
		if err := guardRecord(bProspects, prospectKey, id, func() error {
			return db.get(tx, bProspects, u64(id), &r.Prospect, fmt.Sprintf(prospectKey, id))
		}); err != nil {
			return err
		}
		evs, err := db.readLedger(tx, id)
		if err != nil {
			return err
		}
		// statecheck.go; it reads the ledger's last event again, so a
		// damaged page there names the ledger too.
		if err := guardRecord(bEvents, ledgerOf, id, func() error { return db.checkLedger(tx, id, evs) }); err != nil {
			return err
		}
		r.Events = evs
		f, err := db.newRecordFiller(tx)
		if err != nil {
			return err
		}
		f.fill(&r)
		return nil
	})
	if err != nil {
		return consent.Record{}, err
	}
	return r, nil
}
