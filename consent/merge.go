package consent

import (
	"fmt"
	"slices"
	"time"
)

// KindMerged closes a merge of two prospects (a duplicate found later):
// the ledger before it is the time-ordered union of both ledgers, sealed
// again as one chain; Note names the id that was merged in.
const KindMerged EventKind = "merged"

// MergeLedgers orders the events of two ledgers of one person by time
// (keep's first on equal times, each ledger's own order kept) and appends
// the merged event; the store seals the result as a new chain. The old
// hashes stop meaning anything, so the merged event names both old heads:
// the audit trail says which two chains became this one.
func MergeLedgers(keep, drop []Event, dropID uint64, rep string, now time.Time) []Event {
	out := make([]Event, 0, len(keep)+len(drop)+1)
	out = append(out, keep...)
	out = append(out, drop...)
	slices.SortStableFunc(out, func(a, b Event) int { return a.Time.Compare(b.Time) })
	note := fmt.Sprintf("merged with prospect %d (ledger heads %s and %s)", dropID, short(LastHash(keep)), short(LastHash(drop)))
	return append(out, Event{Time: now, Rep: rep, Kind: KindMerged, Note: note})
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	if h == "" {
		return "none"
	}
	return h
}
