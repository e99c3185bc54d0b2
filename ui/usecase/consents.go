package usecase

import "warmlead/consent"

// Consents records consents given, refused and withdrawn, and objections ("do not contact me").
type Consents struct {
	env Env
	st  consentStore
}

// consentStore is what Consents needs of the store (*store.DB in the app).
type consentStore interface {
	Record(id uint64) (consent.Record, error)
}
