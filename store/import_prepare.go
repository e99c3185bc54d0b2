package store

import (
	"bytes"
	"encoding/json"
	"hash"
	"sync"
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

// preparedItem is an import item after its card-only work.
type preparedItem struct {
	p      consent.Prospect // normalised, if !failed
	failed bool
	code   ProblemCode
	msg    consent.Message

	phoneKept          bool   // its number kept as written (AddOptions.KeepUnreadPhones)
	emailKey, phoneKey []byte // blind index keys, nil without email or phone
	sup                suppressKeys
	nameKey            string // for a card with neither email nor phone
}

// prepared is the card-only work of an import, with the keys it was done
// under: the transaction redoes it if they are no longer the database's
// (a backup with other keys restored meanwhile).
type prepared struct {
	items    []preparedItem
	idx, sup []byte
}

// current reports whether the keys are still the database's.
func (pr prepared) current(db *DB) bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.dataKey != nil && bytes.Equal(pr.idx, db.idxKey) && bytes.Equal(pr.sup, db.supKey)
}

// prepareImport does the card-only work of every item on all cores.
// report, if set, is called on the calling goroutine as cards are done.
func (db *DB) prepareImport(items []ImportItem, o AddOptions, report func(done int)) (prepared, error) {
	db.mu.RLock()
	keys := prepared{idx: bytes.Clone(db.idxKey), sup: bytes.Clone(db.supKey)}
	locked := db.dataKey == nil
	db.mu.RUnlock()
	if locked {
		return prepared{}, ErrNotUnlocked
	}
	out := make([]preparedItem, len(items))
	workers := workersFor(len(items))
	var idx, sup []*blinder
	for range workers {
		idx, sup = append(idx, newBlinder(keys.idx)), append(sup, newBlinder(keys.sup))
	}
	inParallel(len(items), workers, func(w, lo, hi int) {
		// A blinder's result is valid until its next call: keep copies.
		idxKey := func(kind, v string) []byte { return bytes.Clone(idx[w].blind(kind, v)) }
		supKey := func(kind, v string) []byte { return bytes.Clone(sup[w].blind(kind, v)) }
		for i := lo; i < hi; i++ {
			out[i] = prepareItem(items[i].Prospect, o, idxKey, supKey)
		}
	}, report)
	keys.items = out
	return keys, nil
}

func prepareItem(card consent.Prospect, o AddOptions, idxKey, supKey func(kind, v string) []byte) preparedItem {
	pr := preparedItem{p: card}
	var err error
	if o.KeepUnreadPhones {
		pr.phoneKept, err = pr.p.NormalizeKeepingUnreadPhone(o.Region)
	} else {
		err = pr.p.Normalize(o.Region)
	}
	if err != nil {
		pr.failed = true
		pr.code, pr.msg = invalidCard(card, o.Region, err)
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

// notePhoneKept notes, for a card imported, that its number was kept as
// written: calls stay blocked until the rep corrects it.
func (pr *preparedItem) notePhoneKept(it ImportItem, region string, sum *ImportSummary) {
	if pr.phoneKept {
		sum.Notes = append(sum.Notes, NewImportProblem(it.File, it.Number, ProblemPhoneKept,
			consent.Msg(tPhoneKept, "Country", region)))
	}
}

// newProspect is a prospect created by an import, whose record and
// "collected" event are sealed in a batch on all cores. It stays small (the
// prospect is rebuilt from the prepared card), since a batch can hold every
// card of the file.
type newProspect struct {
	item int // index in the import's items
	id   uint64

	sealedP, evKey, sealedEv []byte
	macP, macEv              []byte // their state digests (state.go), computed here too
	err                      error
}

// newRecord is the prospect a card becomes under id, with its first event.
func newRecord(p consent.Prospect, id uint64, o AddOptions, now time.Time) (consent.Prospect, consent.Event) {
	p.ID, p.Created, p.Updated = id, now, now
	return p, consent.Event{Time: now, Rep: o.Rep, Kind: consent.KindCollected, Source: p.Source, EventName: p.Event, ListVendor: p.ListVendor}
}

// newBatch holds the new prospects of an import that are not written yet.
// Each full chunk is sealed on another goroutine as soon as it fills, so
// sealing overlaps the import's sequential pass; write seals the last,
// partial chunk itself, waits for the rest and puts them all in order,
// each followed by its card's grants (which read the ledger just written).
type newBatch struct {
	db   *DB
	prep []preparedItem
	o    AddOptions
	now  time.Time

	chunks [][]newProspect // each of fixed capacity: sealing writes into them
	ids    map[uint64]bool // the prospects in chunks
	wg     sync.WaitGroup
	// stateKey computes the records' state digests along with their
	// sealing; nil leaves them to the puts.
	stateKey []byte
}

func (b *newBatch) add(item int, id uint64) {
	n := len(b.chunks)
	if n == 0 || len(b.chunks[n-1]) == parallelChunk {
		b.chunks = append(b.chunks, make([]newProspect, 0, parallelChunk))
		n++
	}
	c := append(b.chunks[n-1], newProspect{item: item, id: id})
	b.chunks[n-1] = c
	b.ids[id] = true
	if len(c) == parallelChunk {
		b.wg.Go(func() { b.seal(c) })
	}
}

func (b *newBatch) seal(c []newProspect) {
	var m hash.Hash
	if b.stateKey != nil {
		m = newStateMAC(b.stateKey)
	}
	for i := range c {
		n := &c[i]
		p, ev := newRecord(b.prep[n.item].p, n.id, b.o, b.now)
		b.db.sealNew(n, &p, &ev)
		if m != nil && n.err == nil {
			n.macP = itemMAC(m, bProspects, u64(n.id), n.sealedP)
			n.macEv = itemMAC(m, bEvents, n.evKey, n.sealedEv)
		}
	}
}

// wait lets every sealing goroutine finish.
func (b *newBatch) wait() { b.wg.Wait() }

// write puts every prospect of the batch, and empties it.
func (b *newBatch) write(tx *bolt.Tx, items []ImportItem, sum *ImportSummary) error {
	if n := len(b.chunks); n > 0 && len(b.chunks[n-1]) < parallelChunk {
		b.seal(b.chunks[n-1]) // meanwhile other goroutines finish theirs
	}
	b.wait()
	for _, c := range b.chunks {
		for i := range c {
			n := &c[i]
			if n.err != nil {
				return n.err
			}
			if err := b.db.putTrackedMAC(tx, bProspects, u64(n.id), n.sealedP, n.macP); err != nil {
				return err
			}
			if err := b.db.putTrackedMAC(tx, bEvents, n.evKey, n.sealedEv, n.macEv); err != nil {
				return err
			}
			if err := b.db.importGrants(tx, n.id, items[n.item], false, sum); err != nil {
				return err
			}
		}
	}
	b.chunks = b.chunks[:0]
	clear(b.ids)
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
