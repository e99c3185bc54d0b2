package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"warmlead/store/storetest"
)

// sealedValues lists every sealed value of the file, bucket and key with it.
func sealedValues(t *testing.T, path string) (out [][3][]byte) {
	t.Helper()
	storetest.View(t, path, func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bSettings, bProspects, bEvents, bSuppress, bTombstones, bAudit, bRegisters} {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				if len(v) > 0 {
					out = append(out, [3][]byte{name, bytes.Clone(k), bytes.Clone(v)})
				}
				return nil
			})
		}
		return nil
	})
	return out
}

func rekeyFixture(t *testing.T, o Options) (*DB, string, []uint64) {
	t.Helper()
	path, ids := tamperFixture(t, o)
	db, err := Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	return db, path, ids
}

// After a rekey the old data key, as an old copy of the file and the old
// passphrase give it, opens no value of the new file; the new file holds
// the same records, the same suppression and register lookups, and opens
// with the passphrase and the keyring.
func TestRekeyOldKeyNoLongerOpens(t *testing.T) {
	kr := mockKeyring(t)
	o := Options{Keyring: kr, KDF: FastKDF()}
	db, path, ids := rekeyFixture(t, o)
	before := recordsJSON(t, db)
	oldCopy, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	oldPath := filepath.Join(t.TempDir(), "old.db")
	os.WriteFile(oldPath, oldCopy, 0o600)

	var last [2]int
	reports := 0
	if err := db.Rekey([]byte(testPass), func(done, total int) { last = [2]int{done, total}; reports++ },
		AuditEntry{Rep: "Rita Rep", Action: "rekeyed"}); err != nil {
		t.Fatal(err)
	}
	if reports == 0 || last[0] != last[1] || last[1] == 0 {
		t.Errorf("progress: %d reports, last %v", reports, last)
	}
	// The file in use reads and writes on without a new unlock.
	if got := recordsJSON(t, db); !bytes.Equal(got, before) {
		t.Fatalf("records after rekey differ:\n%s\n%s", got, before)
	}
	addTest(t, db, "After Rekey", "New AB", "after@new.example", "")
	db.Close()

	old, err := Open(oldPath, Options{KDF: FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	oldDK, err := old.unwrapPass([]byte(testPass))
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	values := sealedValues(t, path)
	if len(values) < 15 {
		t.Fatalf("only %d sealed values", len(values))
	}
	for _, v := range values {
		if _, err := open(oldDK, v[2], adFor(v[0], v[1])); err == nil {
			t.Fatalf("the old data key opens %s/%x of the rekeyed file", v[0], v[1])
		}
	}
	if _, err := open(oldDK, rawValue(t, path, bMeta, mWrapPass), adFor(bMeta, mWrapPass)); err == nil {
		t.Fatal("the old key opens the wrap")
	}

	for _, unlock := range []string{"passphrase", "keyring"} {
		db, err := Open(path, o)
		if err != nil {
			t.Fatal(err)
		}
		if unlock == "passphrase" {
			err = db.UnlockPassphrase([]byte(testPass))
		} else {
			err = db.UnlockKeyring()
		}
		if err != nil {
			t.Fatalf("unlock with the %s after rekey: %v", unlock, err)
		}
		if r, err := db.Verify(); err != nil || !r.OK() {
			t.Fatalf("verify after rekey: %v %v", r.Problems, err)
		}
		if !db.IsSuppressed("gustav@erased.example", "") {
			t.Error("the erased person is no longer suppressed after rekey")
		}
		if db.DNCLookup("+46812345678") == nil {
			t.Error("the register number is no longer found after rekey")
		}
		if id, _ := db.FindByContact("sofie@intact.example", ""); id != ids[1] {
			t.Errorf("found %d by email after rekey", id)
		}
		log, _ := db.AuditLog()
		if len(log) == 0 || log[len(log)-1].Action != "rekeyed" {
			t.Errorf("audit after rekey: %+v", log)
		}
		db.Close()
	}
}

// A failure between the complete copy and the rename (a crash there)
// leaves the database as it was: same bytes, same key, usable, no copy
// left beside it.
func TestRekeyFailureLeavesTheFileUsable(t *testing.T) {
	db, path, _ := rekeyFixture(t, Options{KDF: FastKDF()})
	defer func(f func(string) error) { rekeyBeforeSwap = f }(rekeyBeforeSwap)
	rekeyBeforeSwap = func(tmp string) error {
		if _, err := os.Stat(tmp); err != nil {
			t.Errorf("no complete copy before the swap: %v", err)
		}
		return errors.New("power cut")
	}
	before, _ := os.ReadFile(path)
	err := db.Rekey([]byte("another good passphrase"), nil)
	if err == nil || !strings.Contains(err.Error(), "unchanged: power cut") {
		t.Fatalf("rekey with a failure: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".warmlead-*"))
	if len(left) > 0 {
		t.Errorf("left beside the database: %v", left)
	}
	addTest(t, db, "Still Here", "Usable AB", "still@usable.example", "")
	db.Close()
	db2 := openLocked(t, path, Options{})
	if err := db2.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatalf("the old passphrase after a failed rekey: %v", err)
	}
	if r, err := db2.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify: %v %v", r.Problems, err)
	}
}

// Rekey with a new passphrase: the old one no longer unlocks the file.
func TestRekeyWithANewPassphrase(t *testing.T) {
	db, path, _ := rekeyFixture(t, Options{KDF: FastKDF()})
	if err := db.Rekey([]byte("a brand new passphrase"), nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2 := openLocked(t, path, Options{})
	if err := db2.UnlockPassphrase([]byte(testPass)); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	if err := db2.UnlockPassphrase([]byte("a brand new passphrase")); err != nil {
		t.Fatal(err)
	}
}

// A file changed without the key is not rekeyed: the new state would seal
// the change in as good.
func TestRekeyRefusesAChangedFile(t *testing.T) {
	path, _ := tamperFixture(t, Options{})
	putRaw(t, path, bDNC, rawKeys(t, path, bDNC)[0], nil)
	db := openLocked(t, path, Options{})
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err) // the dnc bucket is checked by verify, not at unlock
	}
	if err := db.Rekey([]byte(testPass), nil); err == nil || !strings.Contains(err.Error(), "in dnc: 1 record(s) removed") {
		t.Fatalf("rekey of a changed file: %v", err)
	}
}
