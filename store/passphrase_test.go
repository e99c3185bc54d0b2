package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Issue 20, "keys": a trivially weak recovery passphrase is refused at
// creation and when changed, with the strength meter's reason, and the
// file (or its absence) stays as it was.
func TestWeakPassphrasesRefused(t *testing.T) {
	weak := []string{"short", "            ", "xxxxxxxxxxxx", "12345678901", "abcdefghijkl", "qwertyuiop"}
	for _, p := range weak {
		path := filepath.Join(t.TempDir(), "w.db")
		_, err := Create(path, []byte(p), testSettings(), Options{KDF: FastKDF()})
		var we *WeakPassphraseError
		if !errors.As(err, &we) || err.Error() != we.Msg.String() {
			t.Errorf("Create with %q: %v", p, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("Create with %q left a file", p)
		}
	}
	db, path := newTestDB(t, Options{})
	before, _ := os.ReadFile(path)
	for _, p := range weak {
		if err := db.ChangePassphrase([]byte(p)); !errors.As(err, new(*WeakPassphraseError)) {
			t.Errorf("ChangePassphrase to %q: %v", p, err)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused passphrase changed the file")
	}
	db.Close()
	db = openLocked(t, path, Options{})
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatalf("the old passphrase no longer opens: %v", err)
	}
}
