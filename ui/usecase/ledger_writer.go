package usecase

import (
	"warmlead/consent"
	"warmlead/store"
)

// ledgerWriter is what every use case that records events needs of the
// store (*store.DB in the app): the record a rule decides on, the settings
// it decides with, and the commit that writes the events and their audit
// entry in one transaction. The families' store interfaces embed it.
type ledgerWriter interface {
	Record(id uint64) (consent.Record, error)
	Settings() (consent.Settings, error)
	Commit(c store.Change) ([]consent.Event, error)
}
