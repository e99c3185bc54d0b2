package store

import (
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// openLocked opens the closed database at path, still locked, and closes it
// when the test ends; a failure to open fails the test.
func openLocked(t *testing.T, path string, o Options) *DB {
	t.Helper()
	db, err := Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// failSecondStep makes migration i (from schema i+1) run in steps of batch
// and fail its second step, as a crash or a full disk would, until the test
// ends; it returns the number of steps run so far.
func failSecondStep(t *testing.T, i, batch int) *int {
	real, was := migrations[i], migrateBatch
	t.Cleanup(func() { migrations[i], migrateBatch = real, was })
	migrateBatch = batch
	steps := 0
	migrations[i] = func(db *DB, tx *bolt.Tx, from []byte) ([]byte, error) {
		steps++
		next, err := real(db, tx, from)
		if steps == 2 {
			return nil, errors.New("disk on fire")
		}
		return next, err
	}
	return &steps
}
