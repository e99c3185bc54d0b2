// Package store persists Warmlead's data in one bbolt file. Every value that
// holds personal data is sealed with an AEAD bound to its bucket and key; the
// data key is kept only wrapped, by a key in the OS keyring and by the
// recovery passphrase. Bucket keys are ids and keyed hashes, never names.
package store

import (
	"errors"
	"fmt"
)

// Sentinel errors callers branch on (the CLI maps them to exit codes).
var (
	// ErrLocked: another process (a second Warmlead) holds the file.
	ErrLocked = errors.New("the database is in use by another Warmlead: close the other window or command first")
	// ErrWrongPassphrase: the passphrase does not unwrap the data key.
	ErrWrongPassphrase = errors.New("wrong passphrase: nothing was changed; try again or use the passphrase chosen at setup")
	// ErrNoKeyringKey: the OS keyring has no key for this database (or no keyring runs).
	ErrNoKeyringKey = errors.New("the system keyring has no key for this database: unlock with the recovery passphrase")
	// ErrKeyringMismatch: the keyring key exists but does not open this database.
	ErrKeyringMismatch = errors.New("the key in the system keyring does not open this database: unlock with the recovery passphrase")
	// ErrNotFound: no prospect (or record) with that id.
	ErrNotFound = errors.New("not found")
	// ErrNotUnlocked: a data call before unlock or after lock.
	ErrNotUnlocked = errors.New("the database is locked: unlock it first")
	// ErrNoDatabase: the file does not exist yet.
	ErrNoDatabase = errors.New("no Warmlead database here yet: run 'warmlead init' or start the app to set one up")
	// ErrExists: init on a file that already holds a database.
	ErrExists = errors.New("a Warmlead database already exists at this path")
	// ErrNewerSchema: the file was written by a newer Warmlead.
	ErrNewerSchema = errors.New("this database was written by a newer Warmlead: update the app before opening it")
	// ErrNotWarmlead: the file is not a Warmlead database.
	ErrNotWarmlead = errors.New("this file is not a Warmlead database")
)

// IntegrityError reports a stored value that failed its authentication:
// the file was modified or damaged at that place. Other records stay readable.
type IntegrityError struct {
	Bucket string
	Key    string // a description of the key: "prospect 12", "event 12/3"
}

func (e *IntegrityError) Error() string {
	return fmt.Sprintf("integrity check failed for %s in %s: the file was modified or damaged there (restore a backup or run 'warmlead verify')", e.Key, e.Bucket)
}

// DuplicateError says a new prospect matches an existing one by email or phone.
type DuplicateError struct {
	ID    uint64
	Field string // "email" or "phone"
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("a prospect with this %s already exists (id %d)", e.Field, e.ID)
}

// SuppressedError says the person was erased earlier and must not be added again.
type SuppressedError struct {
	Field string
}

// fieldDeclined is the Field of a SuppressedError for a declined referral.
const fieldDeclined = "name and company"

// Declined tells whether the person was suppressed by declining a referral
// (matched by name and company) rather than by an erasure.
func (e *SuppressedError) Declined() bool { return e.Field == fieldDeclined }

func (e *SuppressedError) Error() string {
	if e.Field == fieldDeclined {
		return tSuppressedDeclined
	}
	return fmt.Sprintf("this person asked to be erased (matched by %s): they may not be added or contacted again", e.Field)
}
