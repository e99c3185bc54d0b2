package usecase

import (
	"errors"
	"slices"
	"sync"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// todayCache keeps, per prospect read by Today, its due items and open
// task with the instant until which they hold without a write
// (consent.DueStableUntil). A call then reads only the prospects the
// store's journal names (store.Index.Changes), those whose instant has
// come, and the due candidates never read: at 100,000 prospects one
// ledger instead of 15,000. Everything else about the answer (its order,
// its texts) comes from the same rule as a full read.
//
// It holds names and reasons in memory like the store's index; a lock
// makes the journal answer all, and the next call drops them.
type todayCache struct {
	mu      sync.Mutex
	entries map[uint64]todayEntry // nil: nothing kept, read everything
	version uint64                // the journal's version the entries are up to
	at      time.Time             // now of the last call
	months  int                   // the retention they were computed with
	loc     *time.Location        // the time zone of their texts
	// candidatesUntil: until then no prospect left out of the entries
	// becomes a due candidate (store.DB.DueCandidatesUntil); zero: never.
	candidatesUntil time.Time
	unread          []uint64 // candidates that could not be read: read again each call, as a full read would
	built           *Today   // the lists of the entries, while none changed
}

type todayEntry struct {
	due     []consent.Due
	name    string
	task    TaskItem
	hasTask bool
	until   time.Time       // zero: holds until a write
	rec     *consent.Record // kept when until is near (keepRecordFor)
}

// fits tells whether the entries can answer for now: same retention, same
// time zone (the texts' dates), and time did not go back (the instants
// only look forward).
func (c *todayCache) fits(now time.Time, months int) bool {
	return c.entries != nil && c.months == months && c.loc == now.Location() && !now.Before(c.at)
}

// reset starts over with no entry: Today reads all the candidates.
func (c *todayCache) reset(now time.Time, months int) {
	c.entries = map[uint64]todayEntry{}
	c.months, c.loc = months, now.Location()
	c.unread, c.built = nil, nil
}

// drop forgets everything (its names and reasons too): the next call
// reads everything.
func (c *todayCache) drop() {
	c.entries, c.unread, c.built = nil, nil, nil
}

// candidatesDue tells whether a prospect left out may have become a
// candidate since (the store's hints are asked again).
func (c *todayCache) candidatesDue(now time.Time) bool {
	return !c.candidatesUntil.IsZero() && !now.Before(c.candidatesUntil)
}

// keepSkipped remembers the candidates that could not be read. An error
// that does not name its prospect makes the next call read everything.
func (c *todayCache) keepSkipped(skipped []error) {
	c.unread = c.unread[:0]
	for _, err := range skipped {
		var se *store.SkippedError
		if !errors.As(err, &se) {
			c.drop()
			return
		}
		c.unread = append(c.unread, se.Prospect)
	}
}

// stale is what must be read again, in id order: the changed prospects,
// the candidates unreadable last time, those never read (newly due as
// time passed: candidates is nil when the store's hints say none can be),
// and the kept ones whose instant has come, unless their record is kept:
// those are worked out again from it (again).
func (c *todayCache) stale(candidates, changed []uint64, now time.Time) (read, again []uint64) {
	read = append(slices.Clone(changed), c.unread...)
	for _, id := range candidates {
		if _, ok := c.entries[id]; !ok {
			read = append(read, id)
		}
	}
	slices.Sort(read)
	read = slices.Compact(read)
	for id, e := range c.entries {
		if e.until.IsZero() || now.Before(e.until) {
			continue
		}
		if _, found := slices.BinarySearch(read, id); found {
			continue
		}
		if e.rec != nil {
			again = append(again, id)
		} else {
			read = append(read, id)
		}
	}
	slices.Sort(read)
	return read, again
}

// relistAll: past this many prospects touched the lists are built anew
// rather than patched.
const relistAll = 1024

// relist brings the lists up to date with the entries after the touched
// prospects were read or worked out again: the others' items stay where
// they are, the touched ones' are merged in. The order is SortDue's,
// which puts each prospect's items apart by id, so the patched list is
// the one a full sort gives.
func (c *todayCache) relist(touched []uint64) {
	if c.built == nil || len(touched) > relistAll {
		built := c.lists()
		c.built = &built
		return
	}
	if len(touched) == 0 {
		return
	}
	set := make(map[uint64]bool, len(touched))
	for _, id := range touched {
		set[id] = true
	}
	names := map[uint64]string{}
	var due []consent.Due
	var tasks []TaskItem
	for id := range set {
		if e, ok := c.entries[id]; ok {
			names[id] = e.name
			due = append(due, e.due...)
			if e.hasTask {
				tasks = append(tasks, e.task)
			}
		}
	}
	sortTasks(tasks)
	untouched := func(p uint64) bool { return !set[p] }
	c.built = &Today{
		Due: mergeSorted(keep(c.built.Due, func(x DueItem) bool { return untouched(x.Prospect) }), dueItems(due, names),
			func(a, b DueItem) int { return consent.CompareDue(a.Due, b.Due) }),
		Tasks: mergeSorted(keep(c.built.Tasks, func(x TaskItem) bool { return untouched(x.Prospect) }), tasks, compareTasks),
	}
	if len(c.built.Tasks) == 0 {
		c.built.Tasks = nil // as a full read leaves it
	}
}

// keep is the items of xs for which ok holds, in a new slice.
func keep[T any](xs []T, ok func(T) bool) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// mergeSorted merges two lists sorted by cmp; on a tie a's item comes first.
func mergeSorted[T any](a, b []T, cmp func(T, T) int) []T {
	out := make([]T, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// lists builds the screen's lists from the entries, sorted as a full read
// sorts them (each prospect's items stay in DueItems' order).
func (c *todayCache) lists() Today {
	var t Today
	names := map[uint64]string{}
	var due []consent.Due
	for id, e := range c.entries {
		if len(e.due) > 0 {
			names[id] = e.name
			due = append(due, e.due...)
		}
		if e.hasTask {
			t.Tasks = append(t.Tasks, e.task)
		}
	}
	t.Due = dueItems(due, names)
	sortTasks(t.Tasks)
	return t
}
