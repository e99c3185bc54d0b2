package store

import (
	"encoding/base64"
	"errors"

	"github.com/zalando/go-keyring"
)

// KeyStore holds the key that unwraps a database's data key without a
// prompt. The OS keyring implements it; nil means "no keyring".
type KeyStore interface {
	Get(account string) ([]byte, error) // ErrNoKeyringKey when absent
	Set(account string, key []byte) error
	Delete(account string) error
}

// keyringService is the service name under which entries appear in the
// system keyring (Seahorse, Keychain Access, Credential Manager).
const keyringService = "Warmlead"

// OSKeyring is the system keyring: Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows. It stores a random key, never data.
type OSKeyring struct{}

// Get reads the key for a database.
func (OSKeyring) Get(account string) ([]byte, error) {
	s, err := keyring.Get(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, ErrNoKeyringKey
	}
	if err != nil {
		return nil, errors.Join(ErrNoKeyringKey, err)
	}
	k, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(k) != keyLen {
		return nil, ErrKeyringMismatch
	}
	return k, nil
}

// Set stores the key for a database.
func (OSKeyring) Set(account string, key []byte) error {
	return keyring.Set(keyringService, account, base64.StdEncoding.EncodeToString(key))
}

// Delete removes the key; a missing entry is not an error.
func (OSKeyring) Delete(account string) error {
	err := keyring.Delete(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
