package usecase

import "warmlead/consent"

// Imports reads vCard files and imports their cards in one transaction.
type Imports struct {
	env Env
	st  importStore
}

// importStore is what Imports needs of the store (*store.DB in the app).
type importStore interface {
	Record(id uint64) (consent.Record, error)
}
