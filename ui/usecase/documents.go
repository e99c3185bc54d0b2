package usecase

import "warmlead/consent"

// Documents writes the managers' PDF records: consent summary, team report, Art. 30 register.
type Documents struct {
	env Env
	st  documentStore
}

// documentStore is what Documents needs of the store (*store.DB in the app).
type documentStore interface {
	Record(id uint64) (consent.Record, error)
}
