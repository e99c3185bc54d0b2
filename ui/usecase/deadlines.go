package usecase

import "warmlead/consent"

// Deadlines lists what is due: notices, retention, call-backs, ask-again dates, unanswered referrals.
type Deadlines struct {
	env Env
	st  deadlineStore
}

// deadlineStore is what Deadlines needs of the store (*store.DB in the app).
type deadlineStore interface {
	Record(id uint64) (consent.Record, error)
}
