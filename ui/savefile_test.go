package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"warmlead/ui/usecase"
)

// The save dialog's writer (what storage.Writer gives the dialog's
// callback) no longer truncates the chosen file: choosing the database in
// the dialog leaves it whole, and writing to it is refused with the use
// cases' sentence. On the old code storage.Writer emptied the file at once.
func TestSaveDialogWriterNeverTruncatesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "warmlead.db")
	createDB(t, db, false)
	before, _ := os.ReadFile(db)
	newTestGUI(t, usecase.Config{DB: db, NoKeyring: true}) // installs the guarded writer

	w, err := storage.Writer(storage.NewFileURI(db))
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Fatal("opening the dialog's writer changed the database")
	}
	w.Close() // the handlers that only want the path close it unwritten
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Fatal("closing the unwritten writer changed the database")
	}
	w, _ = storage.Writer(storage.NewFileURI(db))
	w.Write([]byte("BEGIN:VCARD\r\n"))
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "it is the Warmlead database") {
		t.Errorf("writing over the database through the dialog: %v", err)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Fatal("the database changed")
	}

	// An ordinary file is written whole at Close, private to the rep.
	out := filepath.Join(dir, "list.vcf")
	os.WriteFile(out, []byte("old"), 0o644)
	w, _ = storage.Writer(storage.NewFileURI(out))
	w.Write([]byte("new "))
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("the file changed before Close: %q", b)
	}
	w.Write([]byte("content"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new content" {
		t.Errorf("list.vcf holds %q", b)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("list.vcf is %v", st.Mode().Perm())
	}
}
