package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// An older copy of the file put in place by hand: the window explains and
// offers the choice; "Open anyway" opens it.
func TestOlderCopyOffersOpenAnyway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	state := t.TempDir()
	createDB(t, path, false, "Anna Early")
	o := store.Options{StateDir: state}
	old, _ := os.ReadFile(path)
	db, err := store.Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(pass)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddProspect(consent.Prospect{Name: "Bob Later", Source: consent.SourceCard}, store.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}

	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true, StateDir: state})
	g.Start()
	g.wait()
	enterPassphrase(g)
	if g.older == nil || g.shell != nil || !strings.Contains(g.older.text.Text, "older copy") {
		t.Fatalf("an older copy was not explained (older screen %v, main window %v)", g.older != nil, g.shell != nil)
	}
	if !hasText(g.win.Content(), "This database is older than the one last opened here") {
		t.Fatal("the older-copy title is not shown")
	}
	test.Tap(g.older.open)
	g.wait()
	if g.shell == nil || g.db.Index().Count() != 1 {
		t.Fatal("Open anyway did not open the older copy")
	}
}

// The prospect screen of an erased id says so, with the tombstone.
func TestErasedProspectScreen(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Erik Erase", Email: "erik@erase.example", Source: consent.SourceCard})
	if err := g.uc.Rights.Erase(1, "asked by email"); err != nil {
		t.Fatal(err)
	}
	d := showDetail(g, 1)
	if d.name.Text != "This prospect was erased" || !strings.Contains(d.status.Text, "asked by email") || !strings.Contains(d.status.Text, "Rita Rep") {
		t.Fatalf("erased prospect screen: %q / %q", d.name.Text, d.status.Text)
	}
}
