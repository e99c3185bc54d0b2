package usecase

import "warmlead/consent"

// Settings changes the settings and the keys: passphrase, keyring, backup and restore.
type Settings struct {
	env Env
	st  settingsStore
}

// settingsStore is what Settings needs of the store (*store.DB in the app).
type settingsStore interface {
	Record(id uint64) (consent.Record, error)
}
