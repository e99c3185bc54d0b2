package consent

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CallKey is what the call list orders a person by: their name, the latest
// logged call and the call-back it asked for (when its outcome was
// call-back). The read model keeps these per prospect, so the list of
// 100,000 is ordered without opening a ledger; CallQueue orders records by
// the same rule.
type CallKey struct {
	Name     string
	Last     time.Time // zero: never called
	Callback time.Time // zero: no call-back asked
	// Barred: they objected (or said "do not call" on a call, here or to
	// another member of the team), or their number is on a do-not-call
	// register (imported here or published by the team's manager). No call is allowed, whatever call-back was asked for
	// before, so they come last: the top of the list is people the rep may
	// ring.
	Barred bool
	// RetentionEnds is when their retention period ends (RetentionEnds;
	// zero: no activity). From then on they are barred as well, until
	// re-activated or erased (Decide's step 3): a date, so the list judges
	// it at its own now.
	RetentionEnds time.Time
}

// CallKeyOf is a record's key under a retention period of retentionMonths.
func CallKeyOf(r Record, retentionMonths int) CallKey {
	k := CallKey{Name: r.Prospect.Name, Barred: r.Objected() || r.DNCHit() != nil, RetentionEnds: RetentionEnds(r, retentionMonths)}
	if c, ok := LastCall(r); ok {
		k.Last = c.Time
		if c.Outcome == OutcomeCallBack {
			k.Callback = c.Callback
		}
	}
	return k
}

// due is the call-back that puts the person first: one asked for up to a
// day from now (a call-back for next week waits its turn).
func (k CallKey) due(now time.Time) time.Time {
	if k.Callback.IsZero() || k.Callback.After(now.Add(24*time.Hour)) {
		return time.Time{}
	}
	return k.Callback
}

// OrderCalls sorts items as the call list shows them: call-backs due
// first (earliest first), then those never called, then by the oldest last
// attempt, then by name; the barred (and those whose retention ended)
// after everyone else, in the same order among themselves; equal keys by id
// (a total order: the same list always comes out the same). The keys are
// taken once, the sort moves small structs and the items are then moved
// in place: 100,000 people sort in milliseconds.
func OrderCalls[T any](items []T, key func(*T) CallKey, id func(*T) uint64, now time.Time) {
	ks := make([]callSortKey, len(items))
	for i := range items {
		ks[i] = key(&items[i]).sortKey(id(&items[i]), now)
		ks[i].i = int32(i)
	}
	slices.SortFunc(ks, callSortKey.compare)
	permute(items, ks)
}

// permute puts items in the sorted keys' order in place, one cycle of the
// permutation at a time: a sorted copy would be garbage of the list's size
// (9 MB for the 76,000 rows of the call list at 100,000 prospects) at every
// opening. A key whose item is in place is marked by pointing at itself.
func permute[T any](items []T, ks []callSortKey) {
	for n := range ks {
		if int(ks[n].i) == n {
			continue
		}
		first := items[n] // belongs where the cycle ends
		j := n
		for {
			k := int(ks[j].i)
			ks[j].i = int32(j)
			if k == n {
				items[j] = first
				break
			}
			items[j] = items[k]
			j = k
		}
	}
}

// CompareCalls is OrderCalls' order for two people: negative when a comes
// first. A list sorted by OrderCalls stays sorted when one person's key
// changes and they are put back where CompareCalls says (a logged call
// moves one row, without sorting 100,000 again).
func CompareCalls(a, b CallKey, aID, bID uint64, now time.Time) int {
	return a.sortKey(aID, now).compare(b.sortKey(bID, now))
}

// callSortKey is a CallKey judged at one moment, as the sort compares it.
type callSortKey struct {
	due, last int64 // Unix nanoseconds; hasDue, called: whether set
	hasDue    bool
	called    bool
	barred    bool
	name      string
	id        uint64
	i         int32 // the item's position before the sort (OrderCalls)
}

func (k CallKey) sortKey(id uint64, now time.Time) callSortKey {
	expired := !k.RetentionEnds.IsZero() && !now.Before(k.RetentionEnds)
	x := callSortKey{name: k.Name, id: id, barred: k.Barred || expired}
	if d := k.due(now); !d.IsZero() {
		x.due, x.hasDue = d.UnixNano(), true
	}
	if !k.Last.IsZero() {
		x.last, x.called = k.Last.UnixNano(), true
	}
	return x
}

func (a callSortKey) compare(b callSortKey) int {
	if a.barred != b.barred {
		if b.barred {
			return -1
		}
		return 1
	}
	switch {
	case a.hasDue && b.hasDue:
		if c := cmp.Compare(a.due, b.due); c != 0 {
			return c
		}
	case a.hasDue != b.hasDue:
		if a.hasDue {
			return -1
		}
		return 1
	}
	switch {
	case a.called != b.called: // never called first
		if !a.called {
			return -1
		}
		return 1
	case a.called:
		if c := cmp.Compare(a.last, b.last); c != 0 {
			return c
		}
	}
	if c := strings.Compare(a.name, b.name); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}
