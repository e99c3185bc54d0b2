// Package storetest holds helpers for the tests of the store and of the
// layers above it, which read or damage a closed database file directly.
package storetest

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// PageOfEvent is the file offset of the page holding the sealed event (id,
// seq) of the closed database file at path, found by its sealed bytes:
// damage there is damage to that ledger alone (and to the ledgers sharing
// its page), found only after unlock, which reads the prospects but not the
// ledgers.
func PageOfEvent(t testing.TB, path string, id, seq uint64) int {
	t.Helper()
	key := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, id), seq)
	var sealed []byte
	View(t, path, func(tx *bolt.Tx) error {
		sealed = append(sealed, tx.Bucket([]byte("events")).Get(key)...)
		return nil
	})
	file, _ := os.ReadFile(path)
	at := bytes.Index(file, sealed)
	if len(sealed) == 0 || at < 0 {
		t.Fatalf("event %d/%d is not in the file", id, seq)
	}
	return at / os.Getpagesize() * os.Getpagesize()
}

// Update runs fn in one write transaction on the closed database file at
// path, straight through bbolt: no sealing and no authenticated state, as
// damage would, or someone with write access to the file but no key. An
// error from fn fails the test.
func Update(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// View runs fn in a read-only transaction on the closed database file at
// path, straight through bbolt (the sealed bytes, not what they hold).
func View(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.View(fn); err != nil {
		t.Fatal(err)
	}
}

// FillDisk fills the file system holding dir to the last byte with a file
// named filler, in ever smaller writes, so the next write there fails as
// on a full disk.
func FillDisk(t testing.TB, dir string) {
	t.Helper()
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer filler.Close()
	chunk := make([]byte, 64<<10)
	for _, n := range []int{64 << 10, 4 << 10, 512, 1} {
		for {
			if _, err := filler.Write(chunk[:n]); err != nil {
				break
			}
		}
	}
}
