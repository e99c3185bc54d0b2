package store

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"time"
)

// The prospects table shows, beside each prospect, its consent state, last
// contact and next step, and sorts by any column both ways. All of it comes
// from the read model: the folded fields are in each entry's haystack, the
// rest in the ledger facet (index_facets.go), so a row costs a map lookup and
// a sort of 100,000 ids builds its keys once without decrypting anything.

// RowConsent is the consent state a table row shows.
type RowConsent int

// The consent states of a row, in the order the table sorts them.
const (
	RowUnknown   RowConsent = iota // the ledgers are not read yet
	RowConsented                   // a confirmed grant in force, no objection
	RowNoConsent                   // pending, refused, expired or never asked
	RowWithdrawn                   // the latest word on some consent is a withdrawal
	RowObjected                    // a global objection
)

// RowFacts is what a table row shows from the ledger.
type RowFacts struct {
	Consent     RowConsent
	DoNotCall   bool      // the number is on a do-not-call register
	LastContact time.Time // zero: never
	Callback    time.Time // the call-back the latest call asked for; zero: none
	NoticeOwed  bool      // an Art. 14 notice is still to be sent
}

// SortColumn is a column of the prospects table.
type SortColumn int

// The columns the prospects table sorts by.
const (
	SortName SortColumn = iota
	SortCompany
	SortTitle
	SortEmail
	SortPhone
	SortSource
	SortConsent
	SortLastContact
	SortNextStep
)

// NeedsLedgers tells whether sorting by the column reads the ledger facets.
func (c SortColumn) NeedsLedgers() bool {
	return c == SortConsent || c == SortLastContact || c == SortNextStep
}

func (lf ledgerFacet) facts(now int64) RowFacts {
	f := RowFacts{DoNotCall: lf.dnc, NoticeOwed: lf.notice}
	switch {
	case lf.objected:
		f.Consent = RowObjected
	case lf.until > now:
		f.Consent = RowConsented
	case lf.withdrawn:
		f.Consent = RowWithdrawn
	default:
		f.Consent = RowNoConsent
	}
	if lf.contact != 0 {
		f.LastContact = time.Unix(lf.contact, 0)
	}
	if lf.callback != 0 {
		f.Callback = time.Unix(lf.callback, 0)
	}
	return f
}

// Facts is what the ledger says for a row, judged at now; false before the
// ledgers were read (PrepareFacets), when the row says nothing rather than
// something wrong.
func (r Index) Facts(id uint64, now time.Time) (RowFacts, bool) {
	db := r.db
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil || !db.index.facets.built {
		return RowFacts{}, false
	}
	lf, ok := db.index.facets.ledger[id]
	if !ok {
		return RowFacts{}, false
	}
	return lf.facts(now.Unix()), true
}

// ReadFacts brings the row facts up to date, waiting for a read under way
// (PrepareFacets returns at once instead): an export's ledger columns and
// the table's refresh after unlocking need them all. A lock stops it.
func (r Index) ReadFacts() error {
	err := r.db.refreshFacets(false)
	if errors.Is(err, errFacetsAborted) {
		return ErrNotUnlocked
	}
	return err
}

// sortKey is one id's key: a folded text or a number. Empty sorts last
// whichever the direction.
type sortKey struct {
	id    uint64
	text  string
	num   int64
	empty bool
}

// haystackField is the n-th folded field of an entry's haystack (name,
// company, title, email, phone, event: index.go).
func haystackField(e *indexEntry, n int) string {
	s := e.hay
	for range n {
		_, s, _ = strings.Cut(s, "\x00")
	}
	f, _, _ := strings.Cut(s, "\x00")
	return f
}

func keyOf(e *indexEntry, lf ledgerFacet, col SortColumn, now int64) sortKey {
	k := sortKey{id: e.p.ID}
	switch col {
	case SortName, SortCompany, SortTitle, SortEmail, SortPhone:
		k.text = haystackField(e, int(col))
	case SortSource:
		k.text = string(e.p.Source)
	case SortConsent:
		k.num = int64(lf.facts(now).Consent)
	case SortLastContact:
		k.num, k.empty = lf.contact, lf.contact == 0
	case SortNextStep:
		// An owed notice is due now: before any call-back.
		switch {
		case lf.notice:
			k.num = 0
		case lf.callback != 0:
			k.num = lf.callback
		default:
			k.empty = true
		}
	}
	if col <= SortSource {
		k.empty = k.text == ""
	}
	return k
}

// Sort orders ids (a List result, in name order) by col, descending when
// desc; equal keys keep their order, so ties stay in name order, and
// rows without a value go last either way. The keys are read under the read
// lock, the sort runs without it. Call it off the UI goroutine: 100,000
// ids take tens of milliseconds.
func (r Index) Sort(ids []uint64, col SortColumn, desc bool, now time.Time) error {
	db := r.db
	if col.NeedsLedgers() {
		if err := db.refreshFacets(false); err != nil {
			return err
		}
	}
	unix := now.Unix()
	keys := make([]sortKey, 0, len(ids))
	db.mu.RLock()
	ix := db.index
	if ix == nil {
		db.mu.RUnlock()
		return ErrNotUnlocked
	}
	for _, id := range ids {
		if e := ix.byID[id]; e != nil {
			keys = append(keys, keyOf(e, ix.facets.ledger[id], col, unix))
		} else {
			keys = append(keys, sortKey{id: id, empty: true})
		}
	}
	db.mu.RUnlock()
	slices.SortStableFunc(keys, func(a, b sortKey) int {
		if a.empty != b.empty {
			if a.empty {
				return 1
			}
			return -1
		}
		c := cmp.Compare(a.num, b.num)
		if c == 0 {
			c = strings.Compare(a.text, b.text)
		}
		if desc {
			c = -c
		}
		return c
	})
	for i, k := range keys {
		ids[i] = k.id
	}
	return nil
}
