package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	bolt "go.etcd.io/bbolt"

	"warmlead/store/storetest"
	"warmlead/ui/usecase"
)

// overlayWidgets collects the entries and buttons of the top dialog.
func overlayWidgets(g *GUI) (entries []*widget.Entry, buttons map[string]*widget.Button) {
	buttons = map[string]*widget.Button{}
	anyUnder(g.win.Canvas().Overlays().Top(), true, true, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Entry:
			if w.Password {
				entries = append(entries, w)
			}
		case *escEntry: // a dialog's field, Escape closing the dialog
			if w.Password {
				entries = append(entries, &w.Entry)
			}
		case *widget.Button:
			buttons[w.Text] = w
		}
		return false
	})
	return entries, buttons
}

// Settings → Re-encrypt database: the form explains when to use it and
// wants the passphrase twice, a confirmation follows, and the use case
// runs in the background with a progress bar; the result is audit-logged.
func TestSettingsRekey(t *testing.T) {
	g := openMain(t)
	s := g.shell.settings
	s.onRekey()
	top := g.win.Canvas().Overlays().Top()
	if top == nil || !hasLabelText(top, "a lost laptop") {
		t.Fatal("no rekey form explaining when to use it")
	}
	entries, buttons := overlayWidgets(g)
	if len(entries) != 2 || buttons["Continue"] == nil {
		t.Fatalf("form: %d passphrase entries, buttons %v", len(entries), buttons)
	}
	test.Type(entries[0], "a new and longer passphrase")
	test.Type(entries[1], "a new and longer passphrase")
	test.Tap(buttons["Continue"])
	if top := g.win.Canvas().Overlays().Top(); top == nil || !hasLabelText(top, "Old backups keep their old key") {
		t.Fatal("no confirmation before re-encrypting")
	}
	_, buttons = overlayWidgets(g)
	if buttons["Yes"] == nil {
		t.Fatalf("confirmation buttons %v", buttons)
	}
	test.Tap(buttons["Yes"])
	g.wait()
	if !strings.Contains(s.status.Text, "re-encrypted under a new key") {
		t.Fatalf("status %q", s.status.Text)
	}
	log, err := g.db.AuditLog()
	if err != nil || len(log) == 0 || log[len(log)-1].Action != "rekeyed" {
		t.Fatalf("audit %+v %v", log, err)
	}
}

// A record removed from the file without the key: unlock says so and
// offers the choice; opening anyway reaches the main window.
func TestUnlockWarnsOfRecordsRemovedWithoutTheKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false, "Anna", "Bert")
	storetest.Update(t, path, func(tx *bolt.Tx) error { return tx.Bucket([]byte("prospects")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, 2}) })
	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})
	g.Start()
	g.wait()
	enterPassphrase(g)
	top := g.win.Canvas().Overlays().Top()
	if top == nil || !hasLabelText(top, "without its key") || !hasLabelText(top, "in prospects: 1 record(s) removed") {
		t.Fatal("no warning naming the removed record")
	}
	_, buttons := overlayWidgets(g)
	if buttons["Open anyway"] == nil || buttons["Lock"] == nil {
		t.Fatalf("buttons %v", buttons)
	}
	test.Tap(buttons["Open anyway"])
	g.wait()
	if g.shell == nil {
		t.Fatal("opening anyway did not reach the main window")
	}
}
