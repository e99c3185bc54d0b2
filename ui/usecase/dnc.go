package usecase

import "warmlead/consent"

// DNC imports do-not-call registers and answers whether a number is on one.
type DNC struct {
	env Env
	st  dncStore
}

// dncStore is what DNC needs of the store (*store.DB in the app).
type dncStore interface {
	Record(id uint64) (consent.Record, error)
}
