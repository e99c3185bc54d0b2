package ui

import "warmlead/consent"

// releaser is a section that lets go of a long list when another section
// is shown: its refresh reads it again when it is shown anew, so holding
// 76,000 call rows or 17,000 deadlines for a hidden screen only costs
// memory (issue 16: under 400 MB at 100,000 prospects).
type releaser interface{ release() }

// longList is the length from which a hidden screen's list is released;
// shorter lists cost nothing worth the rebuild.
const longList = 2000

func (c *callsScreen) release() {
	if len(c.all) < longList {
		return
	}
	c.all, c.rows = nil, nil
	c.decisions, c.asked = map[uint64]consent.Decision{}, map[uint64]struct{}{}
	c.gen++ // answers still being read are for the list let go
	c.list.Refresh()
}

func (t *todayScreen) release() {
	if len(t.all) < longList {
		return
	}
	t.all, t.items = nil, nil
	t.list.Refresh()
}
