package usecase

import (
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
	// The journal first, then the reads: a write in between is read now
	// and again next time, never missed.
	changed, version, all := d.st.Index().Changes(c.version)
	if all {
		c.entries = nil // locked, or a change that can touch anyone
	}
	st, err := d.st.Settings()
	if err != nil {
		return Today{}, err
	}
	ids, err := d.st.DueCandidates(now, st.RetentionMonths)
	if err != nil {
		return Today{}, err
	}
	if all || !c.fits(now, st.RetentionMonths) {
		c.reset(now, st.RetentionMonths)
	} else {
		ids = c.stale(ids, changed, now)
	}
	for _, id := range ids {
		delete(c.entries, id) // erased ones are not read back
	}
	skipped, err := d.st.ForEachRecordsOfBoth(ids, func(r consent.Record) error {
		c.entries[r.Prospect.ID] = todayEntryOf(r, now, st.RetentionMonths)
		return nil
	})
	if err != nil {
		c.entries = nil // half read: the next call reads everything
		return Today{}, err
	}
	c.version, c.at = version, now
	t := c.lists()
	t.Skipped = skipped
	return t, nil
}

// todayEntryOf is what Today keeps of one record: the rule, once.
func todayEntryOf(r consent.Record, now time.Time, months int) todayEntry {
	e := todayEntry{due: consent.DueItems(r, now, months), name: r.Prospect.Name, until: consent.DueStableUntil(r, now, months)}
	if task, ok := consent.OpenTask(r); ok {
		e.task, e.hasTask = taskItem(task, r.Prospect), true
	}
	return e
}
