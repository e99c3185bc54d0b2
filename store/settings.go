package store

import (
	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Settings reads the sealed settings; defaults fill anything missing.
func (db *DB) Settings() (consent.Settings, error) {
	s := consent.DefaultSettings()
	err := db.getIfThere(bSettings, kSettings, &s, "settings")
	return s, err
}

// SaveSettings validates and stores the settings.
func (db *DB) SaveSettings(s consent.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if _, err := db.key(); err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error { tx.OnCommit(db.changedEveryone); return db.put(tx, bSettings, kSettings, s) })
}
