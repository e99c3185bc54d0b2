package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/store"
)

// Settings' restore of another database's backup asks first, naming both
// databases; nothing changes until the rep says Replace.
func TestRestoreOfAnotherDatabaseIsConfirmed(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Anna Here", Source: consent.SourceCard})
	dir := t.TempDir()
	otherPath := filepath.Join(dir, "other.db")
	createDB(t, otherPath, false, "Bruno Elsewhere")
	other, err := store.Open(otherPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.UnlockPassphrase([]byte(pass)); err != nil {
		t.Fatal(err)
	}
	otherID := other.Info().ID
	bak := filepath.Join(dir, "other.bak")
	if err := other.Backup(bak); err != nil {
		t.Fatal(err)
	}
	other.Close()
	hereID := g.db.Info().ID
	// The restore closes the database first, and a Close keeps the list's
	// facets in the file when they changed (store's facet snapshot): have
	// this session's kept now, so the file below is the one to leave alone.
	g.db.Lock()
	if err := g.db.UnlockPassphrase([]byte(pass)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(g.cfg.DB)

	g.restore(bak, []byte(pass), false)
	g.wait()
	c := g.otherDB
	if c == nil || !strings.Contains(c.text.Text, otherID) || !strings.Contains(c.text.Text, hereID) || !strings.Contains(c.text.Text, "Rita Rep") {
		t.Fatalf("no confirmation naming both databases: %+v", c)
	}
	if after, _ := os.ReadFile(g.cfg.DB); string(after) != string(before) {
		t.Fatal("the database changed before the rep confirmed")
	}
	if g.shell == nil || len(g.db.Index().Search("anna")) != 1 {
		t.Fatal("the window did not come back to the current database")
	}
	test.Tap(c.replace)
	g.wait()
	if g.shell == nil || len(g.db.Index().Search("bruno")) != 1 || len(g.db.Index().Search("anna")) != 0 {
		t.Fatal("Replace did not restore the other database's backup")
	}
	if top := g.win.Canvas().Overlays().Top(); top == nil || !hasLabelText(top, "Restored 1 prospects") {
		t.Fatal("the restore did not say what it did")
	}
}
