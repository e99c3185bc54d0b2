package store

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"warmlead/consent"
)

// The prospects list sorts by name, company or last contact and filters by
// source and consent state, over 100,000 prospects, as the rep types. Name
// order and the source are in the search index already; company comes from
// each entry's folded haystack. Last contact and the consent state live in
// the ledgers, which are sealed and ten times larger than the prospects, so
// they are read once per unlock (index_facets_read.go) into a small summary
// per prospect, the ledger facet, and kept up to date by the index's write
// hooks: put, remove and AppendEvents mark a prospect stale, and the next
// list query re-reads just those ledgers.

// ListOrder is the order of a prospect list.
type ListOrder int

// The orders the prospects list offers.
const (
	OrderName        ListOrder = iota // folded name, as Search
	OrderCompany                      // folded company, then name; no company last
	OrderLastContact                  // newest contact first; never contacted last
)

// ConsentFilter narrows a prospect list by what the ledger says about consent.
type ConsentFilter int

// The consent filters of the prospects list. They are filters, not a
// partition: someone who withdrew one consent and holds another matches
// both WithConsent and ObjectedOrWithdrawn.
const (
	AnyConsent          ConsentFilter = iota
	WithConsent                       // no objection, and a confirmed grant in force now
	WithoutConsent                    // no objection, no grant in force: pending, refused, expired or never asked
	ObjectedOrWithdrawn               // a global objection, or a consent whose latest word is a withdrawal
	OnDoNotCall                       // the phone number is on an imported do-not-call register
)

// ListQuery is what the prospects list asks for: the search text, as
// Search, and the order and filters on top.
type ListQuery struct {
	Text    string
	Order   ListOrder
	Source  consent.Source // "" for every source
	Consent ConsentFilter
	Now     time.Time // when grants are judged in force; zero means now
}

// needsLedgers tells whether the query needs the ledger facets.
func (q ListQuery) needsLedgers() bool {
	return q.Order == OrderLastContact || q.Consent != AnyConsent
}

// ledgerFacet is what the list needs from one ledger: a few words, not the
// events (the whole index of 100,000 stays a few megabytes). The words
// come first and the flags last, so the struct has no padding between
// them: 72 bytes instead of 80, held twice at 100,000 (the map and the
// list's aligned copy, at).
type ledgerFacet struct {
	contact  int64 // unix seconds of the last contact with the person; 0: never
	until    int64 // unix seconds a confirmed grant is in force until; 0: none; forever: no expiry
	callback int64 // unix seconds of the call-back the latest call asked for; 0: none
	// The call list's keys (CallList): when the latest call was, and its
	// call-back when its outcome was call-back (calls, below: how many).
	lastCall   int64
	callBackAt int64
	// The deadline hint (consent.DueHint) in unix seconds, rounded down so
	// it can only say "maybe" earlier: see DueCandidates (dueAny, below).
	lastActivity int64 // 0: none
	dueFrom      int64
	calls        int32
	objected     bool
	withdrawn    bool
	dnc          bool
	notice       bool // an Art. 14 notice is owed (consent.NoticeOwed)
	dueAny       bool
}

func (lf *ledgerFacet) setDue(h consent.DueHint) {
	lf.dueAny, lf.dueFrom, lf.lastActivity = h.Any, h.From.Unix(), 0
	if !h.LastActivity.IsZero() {
		lf.lastActivity = h.LastActivity.Unix()
	}
}

func (lf *ledgerFacet) due() consent.DueHint {
	h := consent.DueHint{Any: lf.dueAny, From: time.Unix(lf.dueFrom, 0)}
	if lf.lastActivity != 0 {
		h.LastActivity = time.Unix(lf.lastActivity, 0)
	}
	return h
}

const forever = int64(1<<63 - 1)

// facetIndex is the searchIndex's part for sorting and filtering. Its
// fields are guarded by db.mu like the rest of the index; mu only makes
// ledger reads take turns (index_facets_read.go).
type facetIndex struct {
	mu     sync.Mutex
	ledger map[uint64]ledgerFacet
	built  bool // every ledger was read once since unlock
	// stale holds the prospects written since their ledger was read. It is
	// kept from the start of the first read on, so a write landing during
	// that read is read again afterwards.
	stale    map[uint64]struct{}
	tracking bool
	// rereadAll: the next refresh reads every ledger (team_facets.go).
	rereadAll bool
	regs      string // the do-not-call registers the dnc flags were computed with
	// The orders below are positions in searchIndex.sorted, rebuilt when
	// behind what they depend on: layout counts the index's puts and
	// removes (positions and companies), version those and the ledger
	// facets read since. A logged call moves a prospect in the last-contact
	// order only.
	layout    uint64
	version   uint64
	byCompany facetOrder
	byContact facetOrder
	at        []ledgerFacet // ledger facet of sorted[i]
	atVersion uint64
}

type facetOrder struct {
	pos     []int32
	version uint64
	built   bool
}

// changed is the index's hook for a put (add, edit, import, referral).
func (f *facetIndex) changed(id uint64) {
	f.layout++
	f.version++
	f.markStale(id)
}

// markStale has the prospect's ledger read again by the next refresh.
// The version moves when the new facet is installed, not now.
func (f *facetIndex) markStale(id uint64) {
	if f.tracking {
		if f.stale == nil {
			f.stale = map[uint64]struct{}{}
		}
		f.stale[id] = struct{}{}
	}
}

// removed is the index's hook for an erasure.
func (f *facetIndex) removed(id uint64) {
	f.layout++
	f.version++
	delete(f.ledger, id)
	delete(f.stale, id)
}

// wipe is the index's hook for a lock: the facets go with the index.
func (f *facetIndex) wipe() {
	clear(f.ledger)
	clear(f.stale)
	f.at, f.byCompany, f.byContact = nil, facetOrder{}, facetOrder{}
	f.built, f.tracking = false, false
	f.layout++
	f.version++
}

// facetsEventsAppended is AppendEvents' hook: the prospect's ledger grew.
func (db *DB) facetsEventsAppended(id uint64) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.changes.note(id) // hook (changes.go)
	if db.index != nil {
		db.index.facets.markStale(id)
	}
}

// companyOf is the folded company of an entry: the second field of its
// haystack (index.go builds it as name, company, title, ...).
func companyOf(e *indexEntry) string {
	_, rest, _ := strings.Cut(e.hay, "\x00")
	company, _, _ := strings.Cut(rest, "\x00")
	return company
}

// ready tells whether the orders and aligned facets q needs match the index.
func (f *facetIndex) ready(q ListQuery) bool {
	switch {
	case q.Order == OrderCompany && (!f.byCompany.built || f.byCompany.version != f.layout):
		return false
	case q.Order == OrderLastContact && (!f.byContact.built || f.byContact.version != f.version):
		return false
	case q.needsLedgers() && f.atVersion != f.version:
		return false
	}
	return true
}

// prepare rebuilds what ready found behind; the caller holds the write lock
// and has called ensureSorted.
func (f *facetIndex) prepare(ix *searchIndex, q ListQuery) {
	n := len(ix.sorted)
	if q.needsLedgers() && (f.atVersion != f.version || len(f.at) != n) {
		f.at = slices.Grow(f.at[:0], n)[:n]
		for i, e := range ix.sorted {
			f.at[i] = f.ledger[e.p.ID]
		}
		f.atVersion = f.version
	}
	if q.Order == OrderCompany && (!f.byCompany.built || f.byCompany.version != f.layout) {
		keys := make([]string, n)
		for i, e := range ix.sorted {
			keys[i] = companyOf(e)
		}
		f.byCompany.sort(n, f.layout, func(a, b int32) int {
			ka, kb := keys[a], keys[b]
			if (ka == "") != (kb == "") { // no company: last
				return cmp.Compare(len(kb), len(ka))
			}
			return strings.Compare(ka, kb)
		})
	}
	if q.Order == OrderLastContact && (!f.byContact.built || f.byContact.version != f.version) {
		f.byContact.sort(n, f.version, func(a, b int32) int {
			return cmp.Compare(f.at[b].contact, f.at[a].contact)
		})
	}
}

// sort orders the positions 0..n-1 by by, then by position: name order
// within equal keys.
func (o *facetOrder) sort(n int, version uint64, by func(a, b int32) int) {
	o.pos = slices.Grow(o.pos[:0], n)[:n]
	for i := range o.pos {
		o.pos[i] = int32(i)
	}
	slices.SortFunc(o.pos, func(a, b int32) int {
		if c := by(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	o.version, o.built = version, true
}

// keep tells whether the entry at position i passes q's filters.
func (f *facetIndex) keep(ix *searchIndex, i int, q ListQuery, now int64) bool {
	if q.Source != "" && ix.sorted[i].p.Source != q.Source {
		return false
	}
	if q.Consent == AnyConsent {
		return true
	}
	lf := &f.at[i]
	switch q.Consent {
	case WithConsent:
		return !lf.objected && lf.until > now
	case WithoutConsent:
		return !lf.objected && lf.until <= now
	case ObjectedOrWithdrawn:
		return lf.objected || lf.withdrawn
	case OnDoNotCall:
		return lf.dnc
	}
	return true
}

// list runs q on a prepared index under its lock.
func (ix *searchIndex) list(q ListQuery, words []string, dst []uint64) []uint64 {
	f := &ix.facets
	now := q.Now
	if now.IsZero() {
		now = time.Now()
	}
	unix := now.Unix()
	n := len(ix.sorted)
	if q.Order == OrderName {
		// The index is in name order already: filter the matches as found.
		ix.match(words, func(i int) {
			if f.keep(ix, i, q, unix) {
				dst = append(dst, ix.sorted[i].p.ID)
			}
		})
		return dst
	}
	var hit []uint64 // a bit per position; nil: no text, everyone matches
	if len(words) > 0 {
		hit = make([]uint64, (n+63)/64)
		ix.match(words, func(i int) { hit[i/64] |= 1 << (i % 64) })
	}
	order := f.byCompany.pos
	if q.Order == OrderLastContact {
		order = f.byContact.pos
	}
	for _, p := range order {
		i := int(p)
		if hit != nil && hit[i/64]&(1<<(i%64)) == 0 {
			continue
		}
		if f.keep(ix, i, q, unix) {
			dst = append(dst, ix.sorted[i].p.ID)
		}
	}
	return dst
}

// List returns the ids of the prospects matching q's text (as SearchIDs)
// and filters, in q's order, appended to dst[:0]. The first query that
// needs the ledgers after an unlock reads them all (one to two seconds
// per 100,000 prospects on two cores; PrepareFacets does it ahead); later ones re-read only
// the ledgers written since. Call it off the UI goroutine.
func (r Index) List(q ListQuery, dst []uint64) ([]uint64, error) {
	db := r.db
	dst = dst[:0]
	if q.needsLedgers() {
		if err := db.refreshFacets(q.Consent == OnDoNotCall); err != nil {
			return dst, err
		}
	}
	words := strings.Fields(consent.Fold(q.Text))
	db.mu.RLock()
	ix := db.index
	if ix == nil {
		db.mu.RUnlock()
		return dst, ErrNotUnlocked
	}
	if !ix.dirty && ix.facets.ready(q) {
		defer db.mu.RUnlock()
		return ix.list(q, words, dst), nil
	}
	// Rebuilding the orders needs the write lock; the query then runs
	// under it too rather than risk another writer in between.
	db.mu.RUnlock()
	db.mu.Lock()
	defer db.mu.Unlock()
	if ix = db.index; ix == nil {
		return dst, ErrNotUnlocked
	}
	ix.ensureSorted()
	ix.facets.prepare(ix, q)
	return ix.list(q, words, dst), nil
}

// LastContact is when the rep last contacted the prospect (a call, an email,
// a notice, or a reply from them), as the list sorts it; false when never,
// or before the ledgers were read.
func (r Index) LastContact(id uint64) (time.Time, bool) {
	db := r.db
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil {
		return time.Time{}, false
	}
	lf, ok := db.index.facets.ledger[id]
	if !ok || lf.contact == 0 {
		return time.Time{}, false
	}
	return time.Unix(lf.contact, 0), true
}

// PrepareFacets reads the ledgers for List ahead of the first query that
// needs them, e.g. when the prospects screen opens. It returns at once
// when they are read already or a read is under way.
func (r Index) PrepareFacets() error {
	db := r.db
	db.mu.RLock()
	ix := db.index
	db.mu.RUnlock()
	if ix == nil {
		return ErrNotUnlocked
	}
	if !ix.facets.mu.TryLock() {
		return nil
	}
	ix.facets.mu.Unlock() // refreshFacets takes it again; a race only waits
	err := db.refreshFacets(false)
	if errors.Is(err, errFacetsAborted) {
		return nil
	}
	return err
}
