package usecase

import (
	"slices"
	"time"

	"warmlead/consent"
)

// Today is what the Today screen shows: every deadline (as Deadlines.List)
// and every open task (as Tasks.List), from one read of the ledgers that
// may hold either, on both cores. The two lists read the same short list
// of ledgers (a call-back is always a due candidate, consent.HintDue).
// After the first call only what changed is read again (today_cache.go):
// the screen opens in milliseconds at 100,000 prospects.
type Today struct {
	Due     []DueItem
	Tasks   []TaskItem
	Skipped []error // records that could not be read, as in Deadlines.List
}

// Today reads the Today screen's lists. The answer is the one a full read
// of every due candidate would give (TestTodayIncrementalIsFresh).
func (d *Deadlines) Today() (Today, error) {
	c := &d.today
	c.mu.Lock() // two calls at once: the second reuses the first's reads
	defer c.mu.Unlock()
	now := d.env.now()
	if c.entries == nil {
		c.restore(d.st, now) // kept at the last close (today_view.go)
	}
	// The journal first, then the reads: a write in between is read now
	// and again next time, never missed.
	changed, version, all := d.st.Index().Changes(c.version)
	if all {
		c.drop() // locked, or a change that can touch anyone
	}
	st, err := d.st.Settings()
	if err != nil {
		return Today{}, err
	}
	full := !c.fits(now, st.RetentionMonths)
	var ids []uint64
	if full || c.candidatesDue(now) {
		if ids, c.candidatesUntil, err = d.st.DueCandidatesUntil(now, st.RetentionMonths); err != nil {
			c.drop()
			return Today{}, err
		}
	}
	var read, again []uint64 // again: worked out anew from a kept record
	if full {
		c.reset(now, st.RetentionMonths)
		read = ids
	} else {
		read, again = c.stale(ids, changed, now)
	}
	for _, id := range read {
		delete(c.entries, id) // erased ones are not read back
	}
	for _, id := range again {
		c.entries[id] = todayEntryOf(*c.entries[id].rec, now, st.RetentionMonths)
	}
	skipped, err := d.st.ForEachRecordsOfBoth(read, func(r consent.Record) error {
		c.entries[r.Prospect.ID] = todayEntryOf(r, now, st.RetentionMonths)
		return nil
	})
	if err != nil {
		c.drop() // half read: the next call reads everything
		return Today{}, err
	}
	c.version, c.at = version, now
	c.keepSkipped(skipped)
	c.relist(append(read, again...))
	return Today{Due: slices.Clone(c.built.Due), Tasks: slices.Clone(c.built.Tasks), Skipped: skipped}, nil
}

// keepRecordFor: a record whose items may change within this time is kept
// whole (a few dozen at 100,000 prospects, mostly retention ends inside
// DueStableUntil's day of slack), so the change is worked out without
// reading its ledger again.
const keepRecordFor = 24 * time.Hour

// todayEntryOf is what Today keeps of one record: the rule, once.
func todayEntryOf(r consent.Record, now time.Time, months int) todayEntry {
	e := todayEntry{due: consent.DueItems(r, now, months), name: r.Prospect.Name, until: consent.DueStableUntil(r, now, months)}
	if task, ok := consent.OpenTask(r); ok {
		e.task, e.hasTask = taskItem(task, r.Prospect), true
	}
	if !e.until.IsZero() && e.until.Before(now.Add(keepRecordFor)) {
		r.Events = slices.Clone(r.Events)
		e.rec = &r
	}
	return e
}
