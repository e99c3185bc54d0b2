package store

import (
	"time"

	"warmlead/consent"
)

// CallEntry is one person with a phone number as the call list orders
// them: from the read model (the ledger facets), so the list of 100,000
// opens without reading a ledger. Name and Company are folded, for the
// list's search; the row itself reads the prospect with Cached.
type CallEntry struct {
	ID       uint64
	Attempts int
	LastCall time.Time // the latest logged call; zero: never called
	Callback time.Time // what the latest call asked for when its outcome was call-back; zero otherwise
	Name     string    // folded
	Company  string    // folded
	Barred   bool      // an objection (the team's too) or a register hit: consent.CallKey.Barred
	// RetentionEnds is consent.RetentionEnds under the retention period
	// the list was asked with (zero: no activity).
	RetentionEnds time.Time
}

// CallList is everyone with a phone number, in no particular order
// (consent.OrderCalls orders them), appended to dst[:0]. The first call
// after an unlock reads the ledgers for the facets (as List does); later
// ones re-read only the ledgers written since, so the list after a logged
// call is ready in milliseconds. Call it off the UI goroutine.
func (r Index) CallList(dst []CallEntry, retentionMonths int) ([]CallEntry, error) {
	db := r.db
	dst = dst[:0]
	if err := db.refreshFacets(false); err != nil {
		return dst, err
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	ix := db.index
	if ix == nil {
		return dst, ErrNotUnlocked
	}
	// Sized first: grown by appending, 76,000 rows of 96 bytes would end in
	// an array of up to twice that, and the copies before it as garbage.
	n := 0
	for _, e := range ix.byID {
		if e.p.Phone != "" {
			n++
		}
	}
	if cap(dst) < n {
		dst = make([]CallEntry, 0, n)
	}
	for id, e := range ix.byID {
		if e.p.Phone == "" {
			continue
		}
		dst = append(dst, callEntry(ix, id, e, retentionMonths))
	}
	return dst, nil
}

// CallEntryOf is one person's entry as CallList has it, after a write to
// their ledger (a logged call): the list moves that row instead of
// ordering everyone again. ok is false when they have no phone number or
// no longer exist. Call it off the UI goroutine.
func (r Index) CallEntryOf(id uint64, retentionMonths int) (c CallEntry, ok bool, err error) {
	db := r.db
	if err := db.refreshFacets(false); err != nil {
		return c, false, err
	}
	db.mu.RLock()
	defer db.mu.RUnlock()
	ix := db.index
	if ix == nil {
		return c, false, ErrNotUnlocked
	}
	e := ix.byID[id]
	if e == nil || e.p.Phone == "" {
		return c, false, nil
	}
	return callEntry(ix, id, e, retentionMonths), true, nil
}

func callEntry(ix *searchIndex, id uint64, e *indexEntry, retentionMonths int) CallEntry {
	c := CallEntry{ID: id, Name: e.name, Company: companyOf(e)}
	if lf, ok := ix.facets.ledger[id]; ok {
		c.Attempts = int(lf.calls)
		c.LastCall = unixOrZero(lf.lastCall)
		c.Callback = unixOrZero(lf.callBackAt)
		c.Barred = lf.objected || lf.dnc // as consent.CallKeyOf
		c.RetentionEnds = consent.RetentionEndsAfter(unixOrZero(lf.lastActivity).UTC(), retentionMonths)
	}
	return c
}

func unixOrZero(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}
