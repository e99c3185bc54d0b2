package usecase

import "warmlead/consent"

// Prospects adds, edits, merges and finds prospects: the business-card form and the list.
type Prospects struct {
	env Env
	st  prospectStore
}

// prospectStore is what Prospects needs of the store (*store.DB in the app).
type prospectStore interface {
	Record(id uint64) (consent.Record, error)
}
