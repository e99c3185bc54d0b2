package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"warmlead/store"
	"warmlead/ui/usecase"
)

// Helpers for the tests that start the GUI on a database made by createDB
// and get past the unlock screen the way a rep does: by typing the
// passphrase.

// enterPassphrase types the test passphrase into the unlock screen, taps
// Unlock and waits for the result (the main window, or a message).
func enterPassphrase(g *GUI) {
	test.Type(g.unlock.pass, pass)
	test.Tap(g.unlock.button)
	g.wait()
}

// startUnlocked starts g, unlocks it with the test passphrase and fails the
// test when the main window does not open.
func startUnlocked(t *testing.T, g *GUI) *GUI {
	t.Helper()
	g.Start()
	g.wait()
	enterPassphrase(g)
	if g.shell == nil {
		t.Fatal("not unlocked")
	}
	return g
}

// newUnlockedGUI creates a database holding prospects with the given names
// (createDB) and returns its path and a GUI unlocked on it.
func newUnlockedGUI(t *testing.T, names ...string) (*GUI, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false, names...)
	return startUnlocked(t, newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})), path
}

// startWithPassphraseFile starts a GUI on the database at path with a
// passphrase file beside it, which unlocks it without asking.
func startWithPassphraseFile(t *testing.T, path string) *GUI {
	t.Helper()
	pf := filepath.Join(filepath.Dir(path), "pass")
	if err := os.WriteFile(pf, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	g := newTestGUI(t, usecase.Config{DB: path, PasswordFile: pf, NoKeyring: true})
	g.Start()
	g.wait()
	return g
}

// createUnlockedDB creates a database (createDB) and returns it open and
// unlocked with its path, for a test that writes into it before the GUI
// opens it; the test closes it.
func createUnlockedDB(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(pass)); err != nil {
		db.Close()
		t.Fatal(err)
	}
	return db, path
}

// showDetail opens the prospects screen on the prospect with this id.
func showDetail(g *GUI, id uint64) *prospectDetail {
	g.shell.show("prospects")
	g.wait()
	d := g.shell.prospects.detail
	d.show(id)
	g.wait()
	return d
}
