//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped is a no-op where the resident pages of the mapped file are
// not measured the same way (see mapped_linux.go).
func (db *DB) releaseMapped() {}

func releaseMappedTx(*bolt.Tx) {}
