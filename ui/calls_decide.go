package ui

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
)

// The call list's policy answers. Ordering 100,000 people needs no ledger
// (the read model has the keys); the answer "may I call?" does, one ledger
// per person, so it is read for the rows the rep can see: the first
// screenful with the list, then any row that scrolls into view (ask).
// Only the "Callable now" filter needs everyone's, and reads them then.

// firstDecided is how many rows are decided with the list: more than a
// window of rows, a few milliseconds of ledgers.
const firstDecided = 60

// decideFirst reads the answers for the first rows; off the UI goroutine.
func (c *callsScreen) decideFirst(rows []callRow) (map[uint64]consent.Decision, error) {
	ids := make([]uint64, 0, firstDecided)
	for _, r := range rows[:min(len(rows), firstDecided)] {
		ids = append(ids, r.rec.Prospect.ID)
	}
	d, _, err := c.g.uc.Calls.Decisions(ids)
	return d, err
}

// ask has a shown row's answer read; rows asked while a read is under way
// are read together next.
func (c *callsScreen) ask(id uint64) {
	if _, ok := c.decisions[id]; ok {
		return
	}
	c.asked[id] = struct{}{}
	if !c.deciding {
		c.readDecisions(slices.Collect(maps.Keys(c.asked)), nil)
	}
}

// readDecisions reads the answers for ids, then calls then (nil: shows
// them). A refresh meanwhile drops them: the list they were for is gone.
func (c *callsScreen) readDecisions(ids []uint64, then func(error)) {
	clear(c.asked)
	c.deciding = true
	gen := c.gen
	var got map[uint64]consent.Decision
	c.g.background(func() error {
		var err error
		got, _, err = c.g.uc.Calls.Decisions(ids)
		return err
	}, func(err error) {
		c.deciding = false
		if gen == c.gen && err == nil {
			maps.Copy(c.decisions, got)
			c.fillDecisions()
		}
		if then != nil {
			then(err)
			return
		}
		if gen == c.gen && err == nil {
			c.applyFilter()
		}
		if len(c.asked) > 0 {
			c.readDecisions(slices.Collect(maps.Keys(c.asked)), nil)
		}
	})
}

// fillDecisions copies the answers read into the rows.
func (c *callsScreen) fillDecisions() {
	views := [][]callRow{c.all}
	if len(c.rows) > 0 && len(c.all) > 0 && &c.rows[0] != &c.all[0] {
		views = append(views, c.rows)
	}
	for _, rows := range views {
		for i := range rows {
			if d, ok := c.decisions[rows[i].rec.Prospect.ID]; ok {
				rows[i].decision, rows[i].decided = d, true
			}
		}
	}
}

func (c *callsScreen) undecided() bool {
	for _, r := range c.all {
		if !r.decided {
			return true
		}
	}
	return false
}

// decideAll reads every missing answer, for "Callable now", then filters.
func (c *callsScreen) decideAll() {
	if c.waitAll {
		return
	}
	var ids []uint64
	for _, r := range c.all {
		if !r.decided {
			ids = append(ids, r.rec.Prospect.ID)
		}
	}
	showLoading(c.root, lang.L("Checking who you may call now…"))
	c.waitAll = true
	c.readDecisions(ids, func(err error) {
		c.waitAll = false
		if err != nil {
			c.g.showError(err)
		}
		c.filterRows() // an answer still missing (erased meanwhile) counts as "not callable"
		showRows(c.root, len(c.all), c.empty, c.list, c.list)
	})
}
