//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// TestDialogsFitInEveryLanguage opens the card, import, call and referral
// dialogs in each language with every optional part showing, and fails when
// a text is squeezed: the dialogs have fixed sizes, and German or Dutch
// words are longer than English ones.
func TestDialogsFitInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			g := openInLanguage(t, code)
			var caller consent.Record
			for _, p := range g.db.Index().Search("") {
				if p.Source == consent.SourceColdCall {
					caller, _ = g.db.Record(p.ID)
				}
			}

			c := showCardEntry(g, func() {})
			c.dupText.SetText(duplicateText(consent.Prospect{Name: "Jørgen Ødegård", Company: "Fjordkraft Næringsliv AS",
				Source: consent.SourceCard}, ""))
			c.dupBox.Show()
			c.counter.SetText(cardsCounter(1234))
			fits(t, g, "business cards", c.dlg)

			cd := showCallDialog(g, caller, nil)
			cd.reached.Show()
			fits(t, g, "call, reached", cd.dlg)
			cd = showCallDialog(g, caller, nil)
			cd.later.Show()
			fits(t, g, "call, call back", cd.dlg)

			w := showReferralWizard(g, nil)
			fits(t, g, "referral wizard", w.dlg)
			o := showReferralOutcome(g, caller.Prospect, nil)
			fits(t, g, "referral answer", o.dlg)

			showImportResult(g, store.ImportSummary{Imported: 12000, Merged: 300, Suppressed: 12, Failed: 1200,
				Problems: []store.ImportProblem{{File: "beurs.vcf", Number: 12, Reason: "card 12 is empty"}}},
				[]store.ImportProblem{{File: "beurs.vcf", Number: 40, Reason: "card 40 had more than 100 emails, phones or names; 9900 were dropped"}})
			checkFits(t, g, "import result")
			checkNotClipped(t, g, "import result")
			chooseVCards(g, nil)
			checkFits(t, g, "import choice")
			checkNotClipped(t, g, "import choice")
		})
	}
}

// fits checks the window while d shows, then closes d.
func fits(t *testing.T, g *GUI, where string, d dialog.Dialog) {
	t.Helper()
	g.wait()
	checkFits(t, g, where)
	checkNotClipped(t, g, where)
	d.Hide()
}

// checkNotClipped reports content cut off at the right instead of squeezed:
// a fixed-size cell (the dialogs' GridWrap) or a vertical scroll shows only
// the left part of content wider than itself, which checkFits does not see.
func checkNotClipped(t *testing.T, g *GUI, where string) {
	t.Helper()
	for _, r := range g.win.Canvas().Overlays().List() {
		walkVisible(r, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *fyne.Container:
				if x.Layout == nil || len(x.Objects) != 1 { // a cell holding one thing, as GridWrap's
					return
				}
				in := x.Objects[0]
				if need, has := in.MinSize().Width, in.Size().Width; has > 0 && need > has+1 {
					t.Errorf("%s: %T needs %.0f wide, its cell is %.0f", where, in, need, has)
				}
			case *container.Scroll:
				if need := x.Content.MinSize().Width; x.Direction == container.ScrollVerticalOnly && need > x.Size().Width+1 {
					t.Errorf("%s: scrolled content needs %.0f wide, shows %.0f", where, need, x.Size().Width)
				}
			}
		})
	}
}
