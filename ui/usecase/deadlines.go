package usecase

import (
	"time"

	"warmlead/consent"
)

// Deadlines lists what is due: notices, retention, call-backs, ask-again dates, unanswered referrals.
type Deadlines struct {
	env Env
	st  deadlineStore
}

// deadlineStore is what Deadlines needs of the store (*store.DB in the app).
type deadlineStore interface {
	Settings() (consent.Settings, error)
	DueCandidates(now time.Time, retentionMonths int) ([]uint64, error)
	ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error)
	ForEachRecordsOfBoth(ids []uint64, fn func(consent.Record) error) ([]error, error)
}

// DueItem is one deadline with the name of the person it concerns (a line
// of `due --json`, a row of the Today screen).
type DueItem struct {
	consent.Due
	Name string `json:"name"`
}

// List is every deadline of every prospect, most urgent first
// (consent.SortDue). skipped names the prospects whose records could not be
// read (a damaged page: each a *store.SkippedError); the list is complete
// without them.
func (d *Deadlines) List() (items []DueItem, skipped []error, err error) {
	now := d.env.now()
	st, err := d.st.Settings()
	if err != nil {
		return nil, nil, err
	}
	// Only the ledgers that may hold a deadline (the store's hints), one
	// record at a time: at 100,000 prospects every ledger would be a
	// million events to decrypt for a list of a few hundred items.
	ids, err := d.st.DueCandidates(now, st.RetentionMonths)
	if err != nil {
		return nil, nil, err
	}
	names := map[uint64]string{}
	var due []consent.Due
	skipped, err = d.st.ForEachRecordOf(ids, func(r consent.Record) error {
		items := consent.DueItems(r, now, st.RetentionMonths)
		if len(items) > 0 {
			names[r.Prospect.ID] = r.Prospect.Name
			due = append(due, items...)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return dueItems(due, names), skipped, nil
}

// dueItems sorts due most urgent first (consent.SortDue) and names each.
func dueItems(due []consent.Due, names map[uint64]string) []DueItem {
	consent.SortDue(due)
	out := make([]DueItem, len(due))
	for i, x := range due {
		out[i] = DueItem{x, names[x.Prospect]}
	}
	return out
}
