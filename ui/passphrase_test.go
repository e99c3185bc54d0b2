package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// Issue 20, "keys": setup refuses a trivially weak passphrase with the
// meter's reason (the store's rule, the sentence `warmlead init` prints),
// in the rep's language, and makes no file.
func TestSetupRefusesTriviallyWeakPassphrases(t *testing.T) {
	g := newTestGUI(t, usecase.Config{NoKeyring: true})
	g.Start()
	s := g.setup
	test.Type(s.rep, "Rita")
	for _, c := range []struct{ pass, reason string }{
		{"            ", "Only spaces"},
		{"oooooooooooo", "One character repeated"},
		{"1234567890", "A simple run like 12345678 or abcdefgh"},
		{"qwertyuiop", "A simple run"},
	} {
		s.pass.SetText(c.pass)
		s.pass2.SetText(c.pass)
		if s.meter.Value != 0 || !strings.Contains(s.meterText.Text, c.reason) {
			t.Errorf("%q: the meter shows %v %q", c.pass, s.meter.Value, s.meterText.Text)
		}
		test.Tap(s.create)
		g.wait()
		if !strings.Contains(s.status.Text, c.reason) || store.Exists(g.cfg.DB) {
			t.Errorf("%q: status %q, file made %v", c.pass, s.status.Text, store.Exists(g.cfg.DB))
		}
	}
	i18n.Use("nl")
	s.pass.SetText("abcdefghijk")
	if !strings.Contains(s.meterText.Text, "Een eenvoudige reeks") {
		t.Errorf("in Dutch the meter shows %q", s.meterText.Text)
	}
}

// The Settings dialog refuses the same passphrases with the same reason,
// and the old passphrase keeps opening the database.
func TestSettingsRefusesTriviallyWeakPassphrase(t *testing.T) {
	g, path := newUnlockedGUI(t)
	g.shell.show("settings")
	g.shell.settings.onChangePassphrase()
	form := g.win.Canvas().Overlays().Top()
	var entries []*widget.Entry
	var change *widget.Button
	anyUnder(form, true, false, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Entry:
			entries = append(entries, w)
		case *escEntry:
			entries = append(entries, &w.Entry)
		case *widget.Button:
			if w.Text == "Change" {
				change = w
			}
		}
		return false
	})
	if len(entries) != 2 || change == nil {
		t.Fatalf("the dialog has %d entries, button %v", len(entries), change)
	}
	test.Type(entries[0], "7777777777777")
	test.Type(entries[1], "7777777777777")
	test.Tap(change)
	g.wait()
	if top := g.win.Canvas().Overlays().Top(); top == nil || !hasLabelText(top, "One character repeated") {
		t.Fatal("the weak passphrase was not refused with its reason")
	}
	g.Close()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.UnlockPassphrase([]byte(pass)); err != nil {
		t.Fatalf("the old passphrase no longer opens: %v", err)
	}
}
