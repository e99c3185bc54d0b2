//go:build ci

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// Every dialog with text fields closes on Escape from inside a field: none
// of them holds a plain entry, which would swallow the key. (The restore
// dialog's passphrase field, behind a file chooser, is an escEntry too.)
func TestEscapeFromEveryDialogsFields(t *testing.T) {
	g := openMain(t,
		consent.Prospect{Name: "Anna Berg", Company: "Zeta AB", Email: "anna@zeta.example", Source: consent.SourceCustomer},
		consent.Prospect{Name: "Bram Claes", Company: "Alpha BV", Email: "bram@alpha.example", Source: consent.SourceCard})
	rec, _ := g.db.Record(1)
	csvPath := filepath.Join(t.TempDir(), "leads.csv")
	os.WriteFile(csvPath, []byte("name,email\nCora Dahl,cora@mid.example\n"), 0o600)
	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	open := map[string]func(){
		"prospect form":     func() { showProspectForm(g, &rec.Prospect, nil) },
		"referral wizard":   func() { showReferralWizard(g, nil) },
		"referral answer":   func() { showReferralOutcome(g, rec.Prospect, nil) },
		"change passphrase": func() { g.shell.settings.onChangePassphrase() },
		"rekey":             func() { g.shell.settings.onRekey() },
		"import origin": func() {
			d := showImportOrigin(g, "Import", "Import", func(importOrigin) {})
			d.source.SetSelected(d.source.Options[0]) // cards: the event's field shows
		},
		"CSV mapping":  func() { showCSVImport(g, csvPath, nil); g.wait() },
		"bulk consent": func() { selectAll(p); p.bulk.onConsent() },
		"bulk erase":   func() { selectAll(p); p.bulk.onErase() },
		"team create":  func() { g.shell.team.onCreate() },
		"team join":    func() { g.shell.team.onJoin() },
		"team invite":  func() { g.shell.team.onInvite() },
	}
	for name, show := range open {
		show()
		top := g.win.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("%s: no dialog", name)
			continue
		}
		var fields []*escEntry
		anyUnder(top, true, true, func(o fyne.CanvasObject) bool {
			switch e := o.(type) {
			case *widget.Entry:
				t.Errorf("%s: a plain entry (placeholder %q) swallows Escape", name, e.PlaceHolder)
			case *escEntry:
				fields = append(fields, e)
			}
			return false
		})
		if len(fields) == 0 {
			t.Errorf("%s: no text field found", name)
		} else {
			last := fields[len(fields)-1]
			g.win.Canvas().Focus(last)
			last.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if g.win.Canvas().Overlays().Top() != nil {
				t.Errorf("%s: Escape in a field did not close the dialog", name)
			}
		}
		for g.closeTopDialog() {
		}
	}
	if _, err := g.db.Record(1); err != nil {
		t.Fatal("a closed dialog changed the database:", err)
	}
}
