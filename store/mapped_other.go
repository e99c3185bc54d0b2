//go:build !linux

package store

// releaseMapped is a no-op where the resident pages of the mapped file are
// not measured the same way (see mapped_linux.go).
func (db *DB) releaseMapped() {}
