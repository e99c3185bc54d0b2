package usecase

import (
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Deadlines lists what is due: notices, retention, call-backs, ask-again dates, unanswered referrals.
type Deadlines struct {
	env   Env
	st    deadlineStore
	today todayCache // Today's reads, kept (today_cache.go)
}

// deadlineStore is what Deadlines needs of the store (*store.DB in the app).
type deadlineStore interface {
	Settings() (consent.Settings, error)
	DueCandidatesUntil(now time.Time, retentionMonths int) ([]uint64, time.Time, error)
	ForEachRecordsOfBoth(ids []uint64, fn func(consent.Record) error) ([]error, error)
	Index() store.Index // its change journal, for Today's cache
	// LoadView is Today's cache kept at the last close (today_view.go).
	LoadView(name string) ([]byte, uint64, bool)
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
	// The same computation as Today's deadlines, so the same cache: only
	// the ledgers that may hold a deadline (the store's hints), and after
	// the first call only what changed.
	t, err := d.Today()
	if err != nil {
		return nil, nil, err
	}
	return t.Due, t.Skipped, nil
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
