package usecase

import (
	"time"

	"warmlead/consent"
)

// CallRow is one person on the call list.
type CallRow struct {
	Record   consent.Record // the prospect with only their calls (see Queue)
	Decision consent.Decision
	Attempts int
	Callback time.Time // when the last call asked to call back; zero otherwise
}

// Queue is the call list: everyone with a phone number, call-backs due
// first, then those never called, then by the oldest last attempt, those
// no call is allowed to last (consent.OrderCalls), each
// with the policy's answer for phone follow-up now.
//
// One record at a time, keeping of each ledger only its calls (what the
// order and the row need): 100,000 whole ledgers would not fit in memory.
// A screen that needs the whole record reads it again.
func (c *Calls) Queue() ([]CallRow, error) {
	st, err := c.st.Settings()
	if err != nil {
		return nil, err
	}
	now := c.env.now()
	var recs []consent.Record
	decisions := map[uint64]consent.Decision{}
	_, err = c.st.ForEachRecord(func(r consent.Record) error {
		if r.Prospect.Phone == "" {
			return nil
		}
		decisions[r.Prospect.ID] = consent.Decide(r, consent.ChannelPhone, consent.PurposeFollowUp, now, st.RetentionMonths)
		calls := r.Events[:0:0]
		for _, e := range r.Events {
			if e.Kind == consent.KindCallLogged {
				e.Evidence, e.Note = "", ""
				calls = append(calls, e)
			}
		}
		r.Events = calls
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var rows []CallRow
	for _, r := range consent.CallQueue(recs, now, st.RetentionMonths) {
		row := CallRow{Record: r, Attempts: consent.Attempts(r), Decision: decisions[r.Prospect.ID]}
		if last, ok := consent.LastCall(r); ok && last.Outcome == consent.OutcomeCallBack {
			row.Callback = last.Callback
		}
		rows = append(rows, row)
	}
	return rows, nil
}
