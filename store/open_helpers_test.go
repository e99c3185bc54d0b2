package store

import "testing"

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
