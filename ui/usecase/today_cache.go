package usecase

import (
	"slices"
	"sync"
	"time"

	"warmlead/consent"
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
}

type todayEntry struct {
	due     []consent.Due
	name    string
	task    TaskItem
	hasTask bool
	until   time.Time // zero: holds until a write
}

// fits tells whether the entries can answer for now: same retention, same
// time zone (the texts' dates), and time did not go back (the instants
// only look forward).
func (c *todayCache) fits(now time.Time, months int) bool {
	return c.entries != nil && c.months == months && c.loc == now.Location() && !now.Before(c.at)
}

// reset drops every entry: Today reads all the candidates.
func (c *todayCache) reset(now time.Time, months int) {
	c.entries = map[uint64]todayEntry{}
	c.months, c.loc = months, now.Location()
}

// stale is what must be read again, in id order: the changed prospects,
// the kept ones whose instant has come, and the candidates never read
// (newly due as time passed, or unreadable last time).
func (c *todayCache) stale(candidates, changed []uint64, now time.Time) []uint64 {
	out := slices.Clone(changed)
	for id, e := range c.entries {
		if !e.until.IsZero() && !now.Before(e.until) {
			out = append(out, id)
		}
	}
	for _, id := range candidates {
		if _, ok := c.entries[id]; !ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
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
