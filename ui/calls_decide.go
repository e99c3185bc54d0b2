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
		ids = append(ids, r.ID)
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

func (c *callsScreen) undecided() bool {
	for _, r := range c.all {
		if _, ok := c.decisions[r.ID]; !ok {
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
		if _, ok := c.decisions[r.ID]; !ok {
			ids = append(ids, r.ID)
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

// movedRereadMax is how many answers a logged call reads again before the
// list is simply read again instead ("Callable now" has read everyone's).
const movedRereadMax = 500

// afterLog is the call log's prepare for a person on the list (nil: the
// list is read again instead): their entry read again (attempts, last call,
// call-back) and put back where the list's order says, without ordering
// 76,000 rows again; and the answers read so far read again, since the
// call may have changed theirs. Called on the UI goroutine when the log
// opens; the function it returns runs off it after the save.
func (c *callsScreen) afterLog(id uint64) func() func() {
	if len(c.decisions) > movedRereadMax {
		return nil
	}
	ids := slices.Collect(maps.Keys(c.decisions))
	if _, ok := c.decisions[id]; !ok {
		ids = append(ids, id)
	}
	gen := c.gen
	return func() func() {
		e, onList, err := c.g.uc.Calls.Entry(id)
		var got map[uint64]consent.Decision
		if err == nil {
			got, _, err = c.g.uc.Calls.Decisions(ids)
		}
		return func() {
			switch {
			case err != nil:
				c.g.showError(err)
				return
			case gen != c.gen: // the list was read again meanwhile, with the call
				return
			}
			c.all = slices.DeleteFunc(c.all, func(r callRow) bool { return r.ID == id })
			if onList {
				pos, _ := slices.BinarySearchFunc(c.all, e, c.g.uc.Calls.Compare)
				c.all = slices.Insert(c.all, pos, e)
			}
			c.decisions, c.asked = got, map[uint64]struct{}{}
			c.gen++
			c.show()
		}
	}
}
