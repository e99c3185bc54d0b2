package usecase

import "warmlead/consent"

// Calls logs calls and sends the follow-up email that confirms what the person agreed to.
type Calls struct {
	env Env
	st  callStore
}

// callStore is what Calls needs of the store (*store.DB in the app).
type callStore interface {
	Record(id uint64) (consent.Record, error)
}
