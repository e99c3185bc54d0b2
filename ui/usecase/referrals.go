package usecase

import "warmlead/consent"

// Referrals asks customers to introduce people and records the answers.
type Referrals struct {
	env Env
	st  referralStore
}

// referralStore is what Referrals needs of the store (*store.DB in the app).
type referralStore interface {
	Record(id uint64) (consent.Record, error)
}
