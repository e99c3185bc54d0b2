package store

import (
	"bytes"
	"encoding/json"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// An import's work per card splits in two. What depends on the card alone
// (validation, phone normalisation, the blind index and suppression keys,
// later the JSON and sealing of a new prospect) runs on all cores; what
// depends on earlier cards and on the database (suppression lookups,
// dedupe, the merge into an earlier card, ids, puts) stays one sequential,
// deterministic pass inside the write transaction, as before.

// importChunk is how many cards a worker takes at a time.
const importChunk = 256

// preparedItem is an import item after its card-only work.
type preparedItem struct {
	p      consent.Prospect // normalised, if !failed
	failed bool
	code   ProblemCode
	msg    consent.Message

	emailKey, phoneKey []byte // blind index keys, nil without email or phone
	sup                suppressKeys
	nameKey            string // for a card with neither email nor phone
}

// prepareImport does the card-only work of every item on all cores.
// report, if set, is called on the calling goroutine as cards are done.
func (db *DB) prepareImport(items []ImportItem, region string, report func(done int)) ([]preparedItem, error) {
	out := make([]preparedItem, len(items))
	workers := importWorkers(len(items))
	idx, err := db.blinders(workers, false)
	if err != nil {
		return nil, err
	}
	sup, err := db.blinders(workers, true)
	if err != nil {
		return nil, err
	}
	inParallel(len(items), workers, func(w, lo, hi int) {
		// A blinder's result is valid until its next call: keep copies.
		idxKey := func(kind, v string) []byte { return bytes.Clone(idx[w].blind(kind, v)) }
		supKey := func(kind, v string) []byte { return bytes.Clone(sup[w].blind(kind, v)) }
		for i := lo; i < hi; i++ {
			out[i] = prepareItem(items[i].Prospect, region, idxKey, supKey)
		}
	}, report)
	return out, nil
}

func prepareItem(card consent.Prospect, region string, idxKey, supKey func(kind, v string) []byte) preparedItem {
	pr := preparedItem{p: card}
	if err := pr.p.Normalize(region); err != nil {
		pr.failed = true
		pr.code, pr.msg = invalidCard(card, region, err)
		return pr
	}
	p := pr.p
	if p.Email != "" {
		pr.emailKey = idxKey("email", p.Email)
	}
	if p.Phone != "" {
		pr.phoneKey = idxKey("phone", p.Phone)
	}
	if p.Email == "" && p.Phone == "" {
		pr.nameKey = nameCompanyKey(p.Name, p.Company)
	}
	pr.sup = personSuppressKeys(supKey, p)
	return pr
}

// newProspect is a prospect created by an import, whose record and
// "collected" event are sealed in a batch on all cores. It stays small (the
// prospect is rebuilt from the prepared card), since a batch can hold every
// card of the file.
type newProspect struct {
	item int // index in the import's items
	id   uint64

	sealedP, evKey, sealedEv []byte
	err                      error
}

// newRecord is the prospect a card becomes under id, with its first event.
func newRecord(p consent.Prospect, id uint64, o AddOptions, now time.Time) (consent.Prospect, consent.Event) {
	p.ID, p.Created, p.Updated = id, now, now
	return p, consent.Event{Time: now, Rep: o.Rep, Kind: consent.KindCollected, Source: p.Source, EventName: p.Event, ListVendor: p.ListVendor}
}

// writeNew seals the batch of new prospects on all cores, then puts them
// in order, each followed by its card's grants (which read the ledger just
// written). A later card that merges into one of them needs it written
// first: the import calls writeNew then too.
func (db *DB) writeNew(tx *bolt.Tx, batch []newProspect, items []ImportItem, prep []preparedItem, o AddOptions, now time.Time, sum *ImportSummary) error {
	inParallel(len(batch), importWorkers(len(batch)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			n := &batch[i]
			p, ev := newRecord(prep[n.item].p, n.id, o, now)
			db.sealNew(n, &p, &ev)
		}
	}, nil)
	for i := range batch {
		n := &batch[i]
		if n.err != nil {
			return n.err
		}
		if err := db.putTracked(tx, bProspects, u64(n.id), n.sealedP); err != nil {
			return err
		}
		if err := db.putTracked(tx, bEvents, n.evKey, n.sealedEv); err != nil {
			return err
		}
		if err := db.importGrants(tx, n.id, items[n.item], false, sum); err != nil {
			return err
		}
	}
	return nil
}

// sealNew is put's marshal and seal, and appendEvent's for the first event
// of a new ledger, without the put.
func (db *DB) sealNew(n *newProspect, p *consent.Prospect, ev *consent.Event) {
	key := u64(n.id)
	pt, err := json.Marshal(p) // as marshalValue, without boxing a copy
	if err == nil {
		n.sealedP, err = db.sealValue(bProspects, key, pt)
	}
	if err == nil {
		ev.Prospect = n.id
		ev.Seal(nil) // a new prospect has no earlier event
		n.evKey = join(key, u64(ev.Seq))
		if pt, err = consent.MarshalEvent(*ev); err == nil {
			n.sealedEv, err = db.sealValue(bEvents, n.evKey, pt)
		}
	}
	n.err = err
}

// importWorkers is how many goroutines n cards are worth.
func importWorkers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+importChunk-1)/importChunk))
}

// inParallel runs work over [0,n) in chunks of importChunk on workers
// goroutines (w is the worker's number, for its own state). report, if
// set, is told on the calling goroutine how many items are done, so a
// progress callback never runs on two goroutines at once.
func inParallel(n, workers int, work func(w, lo, hi int), report func(done int)) {
	if workers <= 1 {
		for lo := 0; lo < n; lo += importChunk {
			hi := min(lo+importChunk, n)
			work(0, lo, hi)
			if report != nil {
				report(hi)
			}
		}
		return
	}
	var next atomic.Int64
	finished := make(chan int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(importChunk)) - importChunk
				if lo >= n {
					return
				}
				hi := min(lo+importChunk, n)
				work(w, lo, hi)
				finished <- hi - lo
			}
		}()
	}
	go func() { wg.Wait(); close(finished) }()
	done := 0
	for k := range finished {
		done += k
		if report != nil {
			report(done)
		}
	}
}
