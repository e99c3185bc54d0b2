package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// escape presses Escape with nothing focused, as the window passes it on.
func escape(g *GUI) { g.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

// Escape closes a dialog with nothing focused, and from inside its text
// fields; nothing is recorded.
func TestEscapeClosesDialogs(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carla Cold", Company: "Koud BV", Phone: "+31 20 555 0101", Email: "carla@koud.example", Source: consent.SourceColdCall})
	rec, _ := g.db.Record(1)
	overlays := func() int { return len(g.win.Canvas().Overlays().List()) }

	showCallDialog(g, rec, nil)
	if overlays() != 1 {
		t.Fatal("the call dialog is not shown")
	}
	escape(g)
	if overlays() != 0 {
		t.Fatal("Escape did not close the call dialog")
	}
	cd := showCallDialog(g, rec, nil)
	cd.outcome.SetSelected("Reached")
	g.win.Canvas().Focus(cd.agreed)
	test.Type(cd.agreed, "x")
	cd.agreed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays() != 0 {
		t.Fatal("Escape in the agreed field did not close the dialog")
	}
	// From the evidence field of the consent, objection and reply dialogs.
	for name, field := range map[string]func() *escEntry{
		"consent":   func() *escEntry { return showConsentDialog(g, rec.Prospect, nil).evidence },
		"objection": func() *escEntry { return showObjectionDialog(g, rec.Prospect, nil).evidence },
		"reply":     func() *escEntry { return showReplyDialog(g, rec.Prospect, nil).text },
	} {
		e := field()
		g.win.Canvas().Focus(e)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if overlays() != 0 {
			t.Errorf("Escape in the %s dialog's field did not close it", name)
			for overlays() > 0 {
				g.closeTopDialog()
			}
		}
	}
	d := g.shell.prospects.detail
	d.show(1)
	g.wait()
	d.onErase()
	escape(g)
	if overlays() != 0 {
		t.Fatal("Escape did not close the erase dialog")
	}
	if _, err := g.db.Record(1); err != nil {
		t.Fatal("closing the erase dialog erased")
	}
	after, _ := g.db.Record(1)
	if len(after.Events) != len(rec.Events)+1 && len(after.Events) != len(rec.Events) {
		t.Errorf("events changed: %d → %d", len(rec.Events), len(after.Events))
	}
}

// Enter in the passphrase repeat creates the database; the mismatch
// message goes once the two match.
func TestSetupEnterSubmitsAndMismatchClears(t *testing.T) {
	g := newTestGUI(t, usecase.Config{})
	g.Start()
	s := g.setup
	test.Type(s.rep, "Rita Rep")
	test.Type(s.pass, pass)
	test.Type(s.pass2, pass+"x")
	s.pass2.OnSubmitted(s.pass2.Text) // Enter
	g.wait()
	if !strings.Contains(s.status.Text, "differ") || store.Exists(g.cfg.DB) {
		t.Fatalf("mismatch: %q", s.status.Text)
	}
	if s.status.Importance != widget.DangerImportance {
		t.Error("the error is not shown as one")
	}
	s.pass2.SetText(pass)
	if s.status.Text != "" {
		t.Fatalf("the mismatch message stayed after the fix: %q", s.status.Text)
	}
	s.pass2.OnSubmitted(s.pass2.Text)
	g.wait()
	if g.shell == nil {
		t.Fatalf("Enter did not create the database: %q", s.status.Text)
	}
}

// "Add the evidence" goes once evidence is typed.
func TestConsentErrorClearsWhenFixed(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carl Card", Email: "carl@kaart.example", Source: consent.SourceCard})
	d := showConsentDialog(g, consent.Prospect{ID: 1, Name: "Carl Card"}, nil)
	d.purpose.SetSelectedIndex(0)
	d.channel.SetSelectedIndex(0)
	d.decision.SetSelected(d.decision.Options[0])
	d.method.SetSelectedIndex(0)
	test.Tap(d.save)
	g.wait()
	if !strings.Contains(d.status.Text, "Add the evidence") {
		t.Fatalf("status %q", d.status.Text)
	}
	test.Type(d.evidence, "Yes please")
	if d.status.Text != "" {
		t.Errorf("the evidence message stayed: %q", d.status.Text)
	}
}

// "Do not call me" and erasing ask once, naming what happens, with a red
// button; nothing happens until confirmed.
func TestIrreversibleActionsAskOnce(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carla Cold", Company: "Koud BV", Phone: "+31 20 555 0101", Email: "carla@koud.example", Source: consent.SourceColdCall})
	rec, _ := g.db.Record(1)
	cd := showCallDialog(g, rec, nil)
	chooseIrreversible(t, g, cd.outcome, "Do not call me", cd.save, "a do-not-call outcome")
	if cd.confirm == nil {
		t.Fatal("no confirmation for do not call")
	}
	if r, _ := g.db.Record(1); len(r.Events) != len(rec.Events) {
		t.Fatal("recorded before the confirmation")
	}
	cd.confirm.Confirm()
	g.wait()
	r, _ := g.db.Record(1)
	if last := r.Events[len(r.Events)-1]; last.Outcome != consent.OutcomeDoNotCall {
		t.Fatalf("after confirming: %+v", last)
	}
	d := g.shell.prospects.detail
	d.show(1)
	g.wait()
	d.onErase()
	if d.eraseButton == nil || d.eraseButton.Importance != widget.DangerImportance || d.eraseButton.Text != "Erase for good" {
		t.Fatal("the erase dialog does not name what happens with a red button")
	}
	if d.erase.Importance != widget.DangerImportance {
		t.Error("the Erase… button is not red")
	}
}
