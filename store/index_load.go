package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	gojson "github.com/goccy/go-json"
	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Unlocking decrypts and decodes every prospect (JSON) into the search
// index: at 100,000 prospects that is most of the wait between the
// passphrase and the first screen, and almost all of it is CPU work per
// record. So one read transaction collects the stored values (references
// into bbolt's map, valid while it is open) and loadParts halves decode
// them on both cores of the target machine, each sorting its own entries;
// the halves are then merged. The result is the same index, in the same
// order, as a one-by-one load: the halves are key ranges and the merge is
// a stable merge by (name, id).

// loadWorkers is how many goroutines decode at unlock: the target
// machine has two cores.
const loadWorkers = 2

// loadParallelMin: below this many prospects one goroutine is quicker.
const loadParallelMin = 2000

type storedValue struct{ k, v []byte }

// loadPart is one key range decoded: the entries in key order and their
// nameCompanyKey, folded on the worker's core too.
type loadPart struct {
	entries []*indexEntry
	nameCo  []string
}

// loadIndex decrypts every prospect into the index. A damaged value does not
// stop the load; it is skipped and reported by Verify.
func (db *DB) loadIndex() error {
	var parts []loadPart
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bProspects)
		vals := make([]storedValue, 0, b.Stats().KeyN)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			vals = append(vals, storedValue{k, v})
		}
		var err error
		parts, err = db.decodeParts(vals)
		return err
	})
	db.releaseMapped() // every prospect's page was read (mapped_linux.go)
	if err != nil {
		return err
	}
	ix := buildIndex(parts)
	db.mu.Lock()
	db.index = ix
	db.mu.Unlock()
	return nil
}

// buildIndex makes the index of the decoded parts: its two maps and its
// name order are independent of each other, so each is built on its own
// goroutine. In key order, as bbolt's iteration gave them, which is what
// decides between two prospects with the same name and company.
func buildIndex(parts []loadPart) *searchIndex {
	ix := newSearchIndex()
	n := 0
	for _, p := range parts {
		n += len(p.entries)
	}
	ix.byID = make(map[uint64]*indexEntry, n)
	ix.byNameCo = make(map[string]uint64, n)
	done := make(chan struct{}, 2)
	go func() {
		for _, part := range parts {
			for _, e := range part.entries {
				ix.byID[e.p.ID] = e
			}
		}
		done <- struct{}{}
	}()
	go func() {
		for _, part := range parts {
			for i, e := range part.entries {
				ix.byNameCo[part.nameCo[i]] = e.p.ID
			}
		}
		done <- struct{}{}
	}()
	ix.setSorted(mergeSorted(parts))
	<-done
	<-done
	// What n puts would have told the facets (facetIndex.changed); they
	// track nothing stale before their first read.
	ix.facets.layout += uint64(n)
	ix.facets.version += uint64(n)
	return ix
}

// decodeParts decodes vals in loadWorkers key ranges at once; each part
// comes back in key order.
func (db *DB) decodeParts(vals []storedValue) ([]loadPart, error) {
	workers := loadWorkers
	if len(vals) < loadParallelMin {
		workers = 1
	}
	parts := make([]loadPart, workers)
	errs := make([]error, workers)
	done := make(chan struct{}, workers)
	size := (len(vals) + workers - 1) / workers
	for w := range workers {
		lo, hi := min(w*size, len(vals)), min((w+1)*size, len(vals))
		work := func() {
			// A damaged page faults in whichever goroutine reads it:
			// each guards itself (guardDamage is per goroutine).
			errs[w] = guardDamage(func() (err error) {
				parts[w], err = db.decodeRange(vals[lo:hi])
				return err
			})
			done <- struct{}{}
		}
		if w == workers-1 {
			work()
		} else {
			go work()
		}
	}
	for range workers {
		<-done
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return parts, nil
}

// decodeRange opens and decodes vals (ascending keys) into index entries.
func (db *DB) decodeRange(vals []storedValue) (loadPart, error) {
	out := loadPart{make([]*indexEntry, 0, len(vals)), make([]string, 0, len(vals))}
	for _, kv := range vals {
		var p consent.Prospect
		pt, err := db.openValue(bProspects, kv.k, kv.v)
		if errors.Is(err, ErrNotUnlocked) {
			return loadPart{}, err
		}
		// A damaged value is left out (as decode would name it, Verify
		// does); the name is not formatted for the 100,000 good ones.
		if err != nil || decodeProspect(pt, &p) != nil {
			continue
		}
		e, nameCo := newIndexEntry(p)
		out.entries = append(out.entries, e)
		out.nameCo = append(out.nameCo, nameCo)
	}
	return out, nil
}

// decodeProspect is the JSON decode of a stored prospect at unlock, with
// goccy/go-json: a drop-in decoder of the same JSON into the same struct,
// about four times quicker than encoding/json on these records and with a
// third of the allocations (encoding/json was half of the unlock's CPU at
// 100,000 prospects). Only here, the one place decoding speed matters;
// writes and every other read keep encoding/json. A value it refuses is
// given to encoding/json, so no prospect it would read is left out;
// TestProspectDecodersAgree holds the two to the same result.
func decodeProspect(pt []byte, p *consent.Prospect) error {
	if err := gojson.Unmarshal(pt, p); err != nil {
		*p = consent.Prospect{}
		return json.Unmarshal(pt, p)
	}
	return nil
}

// byNameThenID is the index's order (ensureSorted).
func byNameThenID(a, b *indexEntry) int {
	if c := strings.Compare(a.name, b.name); c != 0 {
		return c
	}
	return cmp.Compare(a.p.ID, b.p.ID)
}

// orderKey is an entry's place in the name order, kept beside it: the sort
// compares these, in one block of memory, instead of following 100,000
// pointers to the entries at every comparison.
type orderKey struct {
	name string
	id   uint64
	e    *indexEntry
}

// mergeSorted sorts each part (on its own core) and merges them.
func mergeSorted(parts []loadPart) []*indexEntry {
	sorted := make([][]*indexEntry, len(parts))
	done := make(chan struct{}, len(parts))
	for i, p := range parts {
		go func() {
			keys := make([]orderKey, len(p.entries))
			for j, e := range p.entries {
				keys[j] = orderKey{e.name, e.p.ID, e}
			}
			slices.SortFunc(keys, func(a, b orderKey) int {
				if c := strings.Compare(a.name, b.name); c != 0 {
					return c
				}
				return cmp.Compare(a.id, b.id)
			})
			out := make([]*indexEntry, len(keys))
			for j, k := range keys {
				out[j] = k.e
			}
			sorted[i] = out
			done <- struct{}{}
		}()
	}
	for range parts {
		<-done
	}
	out := []*indexEntry{}
	for _, s := range sorted {
		out = mergeTwo(out, s)
	}
	return out
}

func mergeTwo(a, b []*indexEntry) []*indexEntry {
	if len(a) == 0 {
		return b
	}
	out := make([]*indexEntry, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if byNameThenID(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
