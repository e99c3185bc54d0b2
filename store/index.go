package store

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"

	"warmlead/consent"
)

// searchIndex is the decrypted in-memory view of all prospects, built at
// unlock and dropped at lock. Free-text search cannot run on the sealed file,
// so it runs here: each entry keeps a folded haystack (lowercase, accents
// stripped) and a query matches when every word of it occurs there.
type searchIndex struct {
	byID     map[uint64]*indexEntry
	byNameCo map[string]uint64 // nameCompanyKey -> id, for imports without email or phone
	sorted   []*indexEntry     // by folded name, rebuilt lazily after writes
	dirty    bool
	// Every haystack of sorted, in order, in one block of memory, each
	// ended by 0x01: a search is then one bytes.Index pass over contiguous
	// memory instead of 100,000 pointer chases (search as you type).
	hay  []byte
	ends []int // ends[i]: where sorted[i]'s haystack ends in hay
	// shared: hay is a piece of the snapshot the index came from, and
	// entries' strings (and keys, and rows handed out) are pieces of it,
	// so a wipe must not write to it (index_snapshot_codec.go).
	shared bool
	// facets sort and filter the list (index_facets.go); put, remove and
	// wipe tell it what changed.
	facets facetIndex
}

type indexEntry struct {
	p    consent.Prospect
	name string // folded name, the sort key
	hay  string // folded name, company, title, email, phone, event
	// coLen is the folded company's length: name, NUL and company begin
	// hay, and are the entry's nameCompanyKey (the snapshot keeps it so).
	coLen int
}

func newSearchIndex() *searchIndex {
	return &searchIndex{byID: map[uint64]*indexEntry{}, byNameCo: map[string]uint64{}}
}

// nameCompanyKey identifies a prospect by folded name and company.
func nameCompanyKey(name, company string) string {
	return consent.Fold(name) + "\x00" + consent.Fold(company)
}

func (ix *searchIndex) put(p consent.Prospect) { ix.addKeyed(newIndexEntry(p)) }

// newIndexEntry folds p's searchable fields, and returns its
// nameCompanyKey from the same folds; it touches no index, so the load at
// unlock runs it on both cores (index_load.go).
func newIndexEntry(p consent.Prospect) (*indexEntry, string) {
	name, company := consent.Fold(p.Name), consent.Fold(p.Company)
	hay := strings.Join([]string{name, company, consent.Fold(p.Title), p.Email, p.Phone, consent.Fold(p.Event)}, "\x00")
	return &indexEntry{p: p, name: name, hay: hay, coLen: len(company)}, hay[:len(name)+1+len(company)]
}

// addKeyed puts e, whose nameCompanyKey is nameCo, in the index.
func (ix *searchIndex) addKeyed(e *indexEntry, nameCo string) {
	p := e.p
	if old, ok := ix.byID[p.ID]; ok {
		delete(ix.byNameCo, nameCompanyKey(old.p.Name, old.p.Company))
	}
	ix.byID[p.ID] = e
	ix.byNameCo[nameCo] = p.ID
	ix.dirty = true
	ix.facets.changed(p.ID) // hook: its ledger may have changed too
}

func (ix *searchIndex) remove(id uint64) {
	if old, ok := ix.byID[id]; ok {
		delete(ix.byNameCo, nameCompanyKey(old.p.Name, old.p.Company))
	}
	delete(ix.byID, id)
	ix.dirty = true
	ix.facets.removed(id) // hook
}

// wipe drops every decrypted value. Go strings cannot be overwritten in
// place; dropping the only references lets the collector reclaim them.
func (ix *searchIndex) wipe() {
	clear(ix.byID)
	clear(ix.byNameCo)
	clear(ix.sorted)
	ix.sorted = nil
	if !ix.shared {
		clear(ix.hay)
	}
	ix.hay, ix.ends, ix.shared = nil, nil, false
	ix.facets.wipe() // hook
}

func (ix *searchIndex) ensureSorted() {
	if !ix.dirty && ix.sorted != nil {
		return
	}
	ix.sorted = ix.sorted[:0]
	for _, e := range ix.byID {
		ix.sorted = append(ix.sorted, e)
	}
	slices.SortFunc(ix.sorted, byNameThenID)
	ix.setSorted(ix.sorted)
}

// setSorted installs sorted (every entry, by name then id) and the search
// block built from it.
func (ix *searchIndex) setSorted(sorted []*indexEntry) {
	ix.sorted = sorted
	size := 0
	for _, e := range sorted {
		size += len(e.hay) + 1
	}
	// A new block each time, never the old one's memory: entries and keys
	// loaded from the snapshot are pieces of the block they came with
	// (index_snapshot_codec.go), and a reader may hold one.
	ix.hay, ix.ends, ix.shared = make([]byte, 0, size), make([]int, 0, len(sorted)), false
	for _, e := range ix.sorted {
		ix.hay = append(ix.hay, e.hay...)
		ix.ends = append(ix.ends, len(ix.hay))
		ix.hay = append(ix.hay, 1)
	}
	ix.dirty = false
}

// match returns the positions in sorted of the entries holding every word:
// the first word is found with bytes.Index over the block, the others are
// checked within the entry it landed in.
func (ix *searchIndex) match(words []string, each func(i int)) {
	if len(words) == 0 {
		for i := range ix.sorted {
			each(i)
		}
		return
	}
	// A large index is scanned in two halves at once (the target machine
	// has two cores); the halves' hits are then delivered in order.
	if n := len(ix.sorted); n >= parallelSearchMin {
		mid := n / 2
		// Short queries hit most entries: size for that, avoiding regrowth.
		guess := mid / 8
		if len(words[0]) <= 2 {
			guess = mid
		}
		lower, upper := hitBuffer(guess), hitBuffer(guess)
		defer hitBuffers.Put(lower)
		defer hitBuffers.Put(upper)
		done := make(chan struct{})
		go func() {
			defer close(done)
			ix.scan(words, 0, mid, func(i int) { *lower = append(*lower, i) })
		}()
		ix.scan(words, mid, n, func(i int) { *upper = append(*upper, i) })
		<-done
		for _, i := range *lower {
			each(i)
		}
		for _, i := range *upper {
			each(i)
		}
		return
	}
	ix.scan(words, 0, len(ix.sorted), each)
}

// parallelSearchMin is the index size from which a search uses both cores.
const parallelSearchMin = 20_000

// hitBuffers keep the halves' hit lists between searches: a letter typed
// at 100,000 prospects hits most of them, and two fresh lists of 50,000
// a keystroke made the collector run in the middle of searches (their
// p99 was twice their median).
var hitBuffers = sync.Pool{New: func() any { return new([]int) }}

// hitBuffer is an empty list from the pool with room for n hits.
func hitBuffer(n int) *[]int {
	b := hitBuffers.Get().(*[]int)
	*b = slices.Grow((*b)[:0], n)
	return b
}

// scan finds matches among sorted[from:to].
func (ix *searchIndex) scan(words []string, from, to int, each func(i int)) {
	first := []byte(words[0])
	rest := make([][]byte, len(words)-1)
	for k, w := range words[1:] {
		rest[k] = []byte(w)
	}
	pos, i := 0, from
	if from > 0 {
		pos = ix.ends[from-1] + 1
	}
	limit := len(ix.hay)
	if to < len(ix.ends) {
		limit = ix.ends[to-1] + 1
	}
	for pos < limit {
		at := bytes.Index(ix.hay[pos:limit], first)
		if at < 0 {
			return
		}
		at += pos
		// The entry holding position at: ends are increasing. Dense hits
		// (a one-letter query) are a step or two ahead; sparse ones are
		// found by binary search.
		for steps := 0; i < to && ix.ends[i] <= at; steps++ {
			if steps == 8 {
				i += sort.SearchInts(ix.ends[i:to], at+1)
				break
			}
			i++
		}
		if i >= to {
			return
		}
		start := 0
		if i > 0 {
			start = ix.ends[i-1] + 1
		}
		entry := ix.hay[start:ix.ends[i]]
		ok := true
		for _, w := range rest {
			if !bytes.Contains(entry, w) {
				ok = false
				break
			}
		}
		if ok {
			each(i)
		}
		pos = ix.ends[i] + 1
		i++
	}
}

// lockSorted takes the read lock, or the write lock first when the sorted
// view must be rebuilt after writes; the returned func releases it.
func (db *DB) lockSorted() (*searchIndex, func()) {
	db.mu.RLock()
	if db.index == nil || !db.index.dirty {
		return db.index, db.mu.RUnlock
	}
	db.mu.RUnlock()
	db.mu.Lock()
	if db.index != nil {
		db.index.ensureSorted()
	}
	return db.index, db.mu.Unlock
}

func (db *DB) indexPut(ps ...consent.Prospect) {
	// Entries are made before taking the lock (searches go on meanwhile),
	// on all cores for an import's many prospects.
	entries := make([]*indexEntry, len(ps))
	keys := make([]string, len(ps))
	inParallel(len(ps), workersFor(len(ps)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			entries[i], keys[i] = newIndexEntry(ps[i])
		}
	}, nil)
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index == nil {
		return
	}
	for i, e := range entries {
		db.index.addKeyed(e, keys[i])
		db.changes.note(e.p.ID) // hook (changes.go)
	}
}

func (db *DB) indexRemove(id uint64) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index != nil {
		db.index.remove(id)
		db.changes.note(id) // hook (changes.go)
	}
}

// Count is the number of prospects in memory.
func (r Index) Count() int {
	db := r.db
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil {
		return 0
	}
	return len(db.index.byID)
}

// Search returns prospects whose name, company, title, email, phone or
// event contain every word of q, accent- and case-insensitively, sorted by
// name. An empty q returns everyone.
func (r Index) Search(q string) []consent.Prospect {
	db := r.db
	words := strings.Fields(consent.Fold(q))
	ix, unlock := db.lockSorted()
	defer unlock()
	if ix == nil {
		return nil
	}
	var out []consent.Prospect
	ix.match(words, func(i int) { out = append(out, ix.sorted[i].p) })
	return out
}

// SearchIDs is Search returning only ids, appended to dst (reused between
// keystrokes): the list on screen reads the few visible rows with Cached.
func (r Index) SearchIDs(q string, dst []uint64) []uint64 {
	db := r.db
	words := strings.Fields(consent.Fold(q))
	ix, unlock := db.lockSorted()
	defer unlock()
	dst = dst[:0]
	if ix == nil {
		return dst
	}
	ix.match(words, func(i int) { dst = append(dst, ix.sorted[i].p.ID) })
	return dst
}

// Cached returns a prospect from the in-memory index.
func (r Index) Cached(id uint64) (consent.Prospect, bool) {
	db := r.db
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil {
		return consent.Prospect{}, false
	}
	e, ok := db.index.byID[id]
	if !ok {
		return consent.Prospect{}, false
	}
	return e.p, true
}

// Similar returns prospects at the same company (compared folded) whose
// folded name is within two edits of name: likely the same person typed
// differently ("Jorgen Angstrom" and "Jørgen Ångström"). Both must be given.
func (r Index) Similar(name, company string) []consent.Prospect {
	db := r.db
	fn, fc := consent.Fold(strings.TrimSpace(name)), consent.Fold(strings.TrimSpace(company))
	if fn == "" || fc == "" {
		return nil
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil {
		return nil
	}
	var out []consent.Prospect
	for _, e := range db.index.byID {
		if consent.Fold(e.p.Company) == fc && editDistanceAtMost(e.name, fn, 2) {
			out = append(out, e.p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// editDistanceAtMost reports whether a and b are within k single-rune edits
// (Levenshtein), stopping early once every path exceeds k.
func editDistanceAtMost(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
