package store

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

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

// An entry's value is the key in base64, optionally followed by
// genSep and the generation last seen (generation.go): "KEY" as written
// before the generation existed still reads, with no generation.
const genSep = ";generation="

func (OSKeyring) raw(account string) (string, error) {
	s, err := keyring.Get(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNoKeyringKey
	}
	if err != nil {
		return "", errors.Join(ErrNoKeyringKey, err)
	}
	return s, nil
}

// Get reads the key for a database.
func (k OSKeyring) Get(account string) ([]byte, error) {
	s, err := k.raw(account)
	if err != nil {
		return nil, err
	}
	s, _, _ = strings.Cut(s, genSep)
	key, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(key) != keyLen {
		return nil, ErrKeyringMismatch
	}
	return key, nil
}

// Set stores the key for a database, keeping the generation the entry
// remembered.
func (k OSKeyring) Set(account string, key []byte) error {
	v := base64.StdEncoding.EncodeToString(key)
	if old, err := k.raw(account); err == nil {
		if _, g, ok := strings.Cut(old, genSep); ok {
			v += genSep + g
		}
	}
	return keyring.Set(keyringService, account, v)
}

// Generation is the generation remembered in the entry, if any.
func (k OSKeyring) Generation(account string) (uint64, bool) {
	s, err := k.raw(account)
	if err != nil {
		return 0, false
	}
	_, g, ok := strings.Cut(s, genSep)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(g, 10, 64)
	return n, err == nil
}

// SetGeneration remembers gen in the existing entry; with no entry (the
// keyring was forgotten for this database) it does nothing: the state
// file keeps it then.
func (k OSKeyring) SetGeneration(account string, gen uint64) error {
	s, err := k.raw(account)
	if err != nil {
		return err
	}
	key, _, _ := strings.Cut(s, genSep)
	return keyring.Set(keyringService, account, key+genSep+strconv.FormatUint(gen, 10))
}

// Delete removes the key; a missing entry is not an error.
func (OSKeyring) Delete(account string) error {
	err := keyring.Delete(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
