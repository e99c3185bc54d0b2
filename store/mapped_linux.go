package store

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// releaseMapped gives back the resident pages of the database file that a
// read of every ledger brought in. bbolt reads the file through a shared,
// read-only mmap; after a full read all of it (hundreds of megabytes at
// 100,000 prospects) counts in the process's resident memory though no
// Go value holds it. MADV_DONTNEED on a shared file mapping only drops the
// pages from this process: they stay in the page cache and a later read
// maps them again, from memory. Done inside a read transaction, during
// which bbolt cannot remap the file, so the range is the file's mapping.
func (db *DB) releaseMapped() {
	db.view(func(tx *bolt.Tx) error {
		releaseMappedTx(tx)
		return nil
	})
}

// releaseMappedTx is releaseMapped inside a read transaction under way:
// a long read calls it every releaseEvery records, so the pages it went
// through never pile up to the whole file (the peak, not only the end).
// Pages the read still uses are mapped again on their next access.
func releaseMappedTx(tx *bolt.Tx) {
	size := tx.Size()
	if size <= 0 {
		return
	}
	// A raw syscall on the mapping's address: no Go pointer is made from
	// it, so nothing else can be affected.
	syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(size), syscall.MADV_DONTNEED)
}
