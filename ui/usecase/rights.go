package usecase

import "warmlead/consent"

// Rights handles the person's rights: export, rectification, erasure and the Art. 14 notice.
type Rights struct {
	env Env
	st  rightsStore
}

// rightsStore is what Rights needs of the store (*store.DB in the app).
type rightsStore interface {
	Record(id uint64) (consent.Record, error)
}
