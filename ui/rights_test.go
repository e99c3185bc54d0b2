package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// hasLabelText tells whether a label under o shows s.
func hasLabelText(o fyne.CanvasObject, s string) bool {
	return anyUnder(o, true, false, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	})
}

// Erasing from the prospect screen goes through the use case: without a
// reason nothing is erased and the rep is told why; with one the person
// is gone, and the tombstone and the audit entry keep the reason.
func TestEraseFromTheProspectScreen(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Erik Erase", Email: "erik@erase.example", Source: consent.SourceCard})
	d := showDetail(g, 1)
	p := d.rec.Prospect
	d.eraseFor(p, "")
	g.wait()
	if top := g.win.Canvas().Overlays().Top(); top == nil || !hasLabelText(top, "Say why") {
		t.Fatal("an erasure without a reason was not explained")
	}
	if _, err := g.db.Record(p.ID); err != nil {
		t.Fatalf("erased without a reason: %v", err)
	}
	d.eraseFor(p, "asked by email")
	g.wait()
	if _, err := g.db.Record(p.ID); usecase.CodeOf(err) != usecase.CodeNotFound {
		t.Fatalf("not erased: %v", err)
	}
	tombs, _ := g.db.Tombstones()
	log, _ := g.db.AuditLog()
	if len(tombs) != 1 || tombs[0].Reason != "asked by email" || len(log) == 0 || log[len(log)-1].Action != "erased" {
		t.Fatalf("tombstones %+v, audit %+v", tombs, log)
	}
	if log[0].Action != "viewed" || log[0].Detail != "opened in the app" {
		t.Errorf("opening the prospect was not audit-logged: %+v", log[0])
	}
}
