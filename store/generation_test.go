package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/zalando/go-keyring"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// An older copy of the file put in place by hand is noticed at unlock,
// through the state file (no keyring) or the keyring entry (no state
// file); accepting it opens it and makes it the newest.
func TestOlderCopyIsDetectedAtUnlock(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts func(t *testing.T) Options
	}{
		{"state file", func(t *testing.T) Options { return Options{StateDir: t.TempDir()} }},
		{"keyring", func(t *testing.T) Options { return Options{Keyring: mockKeyring(t)} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.opts(t)
			db, path := newTestDB(t, o)
			addTest(t, db, "Anna Old", "Alpha BV", "anna@alpha.example", "")
			db.Close()
			old := filepath.Join(t.TempDir(), "old-copy.db")
			copyFile(t, path, old)

			db = reopen(t, path, o)
			gen := db.Generation()
			addTest(t, db, "Bob New", "Beta BV", "bob@beta.example", "")
			if db.Generation() <= gen {
				t.Fatalf("a write did not raise the generation (%d, then %d)", gen, db.Generation())
			}
			db.Close()

			copyFile(t, old, path)
			db = openLocked(t, path, o)
			err := db.UnlockPassphrase([]byte(testPass))
			var oe *OlderCopyError
			if !errors.Is(err, ErrOlderCopy) || !errors.As(err, &oe) || oe.File >= oe.Seen || db.Unlocked() {
				t.Fatalf("unlock of an older copy: %v (unlocked %v)", err, db.Unlocked())
			}
			db.AcceptOlderCopy()
			if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
				t.Fatalf("open anyway: %v", err)
			}
			db.Close()
			// Accepted: it is now the newest seen here.
			reopen(t, path, o).Close()
		})
	}
}

func reopen(t *testing.T, path string, o Options) *DB {
	t.Helper()
	return openWith(t, path, o, testPass)
}

// openWith opens and unlocks the file at path with pass; the caller closes it.
func openWith(tb testing.TB, path string, o Options, pass string) *DB {
	tb.Helper()
	db, err := Open(path, o)
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(pass)); err != nil {
		db.Close()
		tb.Fatal(err)
	}
	return db
}

// A restore of an old backup is legitimate: it does not count as an older
// copy, and the file after it is above everything seen before.
func TestRestoreIsNotAnOlderCopy(t *testing.T) {
	o := Options{StateDir: t.TempDir(), Keyring: mockKeyring(t)}
	db, path := newTestDB(t, o)
	bak := filepath.Join(t.TempDir(), "b.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a", "b", "c"} {
		addTest(t, db, "P "+n, "Co", n+"@x.example", "")
	}
	seen := db.Generation()
	db.Close()
	if _, err := RestoreWith(path, bak, o, RestoreOptions{Unlock: unlockTestPass}); err != nil {
		t.Fatal(err)
	}
	db = reopen(t, path, o)
	if db.Generation() <= seen {
		t.Fatalf("restored generation %d is not above %d", db.Generation(), seen)
	}
	db.Close()
}

// The keyring entry written before the generation existed (the key alone)
// still unlocks; the generation is added to it, and a new key keeps it.
func TestKeyringEntryOldFormat(t *testing.T) {
	ks := mockKeyring(t)
	db, path := newTestDB(t, Options{Keyring: ks})
	acct := db.keyringAccount()
	raw, _ := keyring.Get(keyringService, acct)
	if g, ok := ks.(generationKeeper).Generation(acct); ok {
		t.Fatalf("a fresh entry has generation %d", g)
	}
	addTest(t, db, "Anna", "Alpha", "anna@alpha.example", "")
	db.Close()
	if g, ok := ks.(generationKeeper).Generation(acct); !ok || g == 0 {
		t.Fatalf("close did not remember the generation in the keyring: %d %v", g, ok)
	}
	if err := keyring.Set(keyringService, acct, raw); err != nil { // the old format
		t.Fatal(err)
	}
	db = openLocked(t, path, Options{Keyring: ks})
	if err := db.UnlockKeyring(); err != nil {
		t.Fatalf("old-format entry: %v", err)
	}
	if err := ks.Set(acct, make([]byte, keyLen)); err != nil {
		t.Fatal(err)
	}
	db.rememberGeneration(7, true)
	if err := ks.Set(acct, make([]byte, keyLen)); err != nil {
		t.Fatal(err)
	}
	if g, _ := ks.(generationKeeper).Generation(acct); g != 7 {
		t.Fatalf("Set lost the generation: %d", g)
	}
}
