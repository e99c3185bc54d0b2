package usecase

import (
	"slices"

	"warmlead/consent"
	"warmlead/store"
)

// The call list at 100,000 prospects: Queue reads every ledger (seconds,
// and gigabytes for the window to hold), so the window orders the list
// from the read model instead (List) and asks the policy only about the
// rows the rep sees (Decisions). Both order by consent.CompareCalls.

// List is the call list as Queue orders it, from the read model: everyone
// with a phone number with their attempts and call-back, without the
// policy's answer (Decisions gives it for the rows shown). dst is reused.
func (c *Calls) List(dst []store.CallEntry) ([]store.CallEntry, error) {
	st, err := c.st.Settings()
	if err != nil {
		return dst, err
	}
	rows, err := c.st.Index().CallList(dst, st.RetentionMonths)
	if err != nil {
		return rows, err
	}
	consent.OrderCalls(rows, callKey, func(e *store.CallEntry) uint64 { return e.ID }, c.env.now())
	return rows, nil
}

func callKey(e *store.CallEntry) consent.CallKey {
	return consent.CallKey{Name: e.Name, Last: e.LastCall, Callback: e.Callback, Barred: e.Barred, RetentionEnds: e.RetentionEnds}
}

// Entry is one person's row of List, read again after a write to their
// ledger; ok is false when they are no longer on the list (erased, or no
// phone number any more).
func (c *Calls) Entry(id uint64) (e store.CallEntry, ok bool, err error) {
	st, err := c.st.Settings()
	if err != nil {
		return e, false, err
	}
	return c.st.Index().CallEntryOf(id, st.RetentionMonths)
}

// Compare is List's order for two rows, now: a list from List stays in
// order when a row read again with Entry is put back where Compare says
// (slices.BinarySearchFunc), which is what the call list does after a
// logged call instead of ordering 100,000 rows again.
func (c *Calls) Compare(a, b store.CallEntry) int {
	return consent.CompareCalls(callKey(&a), callKey(&b), a.ID, b.ID, c.env.now())
}

// Decisions is the policy's answer for phone follow-up now for each of ids
// (ascending or not), as Queue gives it. skipped names the records that
// could not be read; their ids have no answer.
func (c *Calls) Decisions(ids []uint64) (map[uint64]consent.Decision, []error, error) {
	st, err := c.st.Settings()
	if err != nil {
		return nil, nil, err
	}
	now := c.env.now()
	sorted := sortedIDs(ids)
	out := make(map[uint64]consent.Decision, len(ids))
	skipped, err := c.st.ForEachRecordOf(sorted, func(r consent.Record) error {
		out[r.Prospect.ID] = consent.Decide(r, consent.ChannelPhone, consent.PurposeFollowUp, now, st.RetentionMonths)
		return nil
	})
	return out, skipped, err
}

// sortedIDs is a sorted copy of ids: the store reads them in key order.
func sortedIDs(ids []uint64) []uint64 {
	s := slices.Clone(ids)
	slices.Sort(s)
	return slices.Compact(s)
}
