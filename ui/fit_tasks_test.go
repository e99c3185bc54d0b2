//go:build ci

package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// Call-backs with their time, on Calls and Today, and the dialogs of this
// issue (first email, reply, erase, the call dialog with its dates) fit in
// every language: "call back 2 Dec, 10:0" and "0 poging" were cut. Checked
// at the default window and at 1366x800, the laptop screen reps have.
func TestTasksAndMessagesFitInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			g := openInLanguage(t, code)
			at := time.Now().AddDate(0, 0, 1).Truncate(time.Hour).Add(10 * time.Minute)
			if _, err := g.uc.Calls.Log(3, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: at}); err != nil {
				t.Fatal(err)
			}
			for _, size := range []fyne.Size{windowSize, fyne.NewSize(1366, 800)} {
				g.win.Resize(size)
				for _, s := range []string{"calls", "today"} {
					g.shell.show(s)
					g.wait()
					checkFits(t, g, s)
				}
				// A list row is laid out at the list's width, whatever it
				// needs: what does not fit is clipped, not squeezed, so
				// compare each row's need with the width it gets.
				cs := g.shell.calls
				for i := range cs.rows {
					row := cs.newRow()
					cs.updateRow(i, row)
					if need, have := row.MinSize().Width, cs.list.Size().Width; need > have {
						t.Errorf("%v: calls row %d needs %.0f, gets %.0f", size, i, need, have)
					}
				}
				td := g.shell.today
				for i := range td.items {
					row := td.list.CreateItem()
					td.list.UpdateItem(i, row)
					if need, have := row.MinSize().Width, td.list.Size().Width; need > have {
						t.Errorf("%v: today row %d needs %.0f, gets %.0f", size, i, need, have)
					}
				}
			}
			g.win.Resize(windowSize)
			if len(g.shell.today.items) == 0 || len(g.shell.today.tasks) == 0 {
				t.Fatal("the call-back is not on Today")
			}
			d := g.shell.prospects.detail
			d.show(1) // the card contact
			g.wait()
			d.messages.onFirst()
			g.wait()
			checkFits(t, g, "first email")
			d.preview.dlg.Hide()
			d.onErase()
			checkFits(t, g, "erase")
			g.closeTopDialog()
			d.show(3)
			g.wait()
			cd := showCallDialog(g, d.rec, nil)
			cd.outcome.SetSelected(i18n.Outcome(consent.OutcomeReached))
			checkFits(t, g, "call, reached, with the next step")
			cd.dlg.Hide()
			d.messages.onReply()
			checkFits(t, g, "connection reply")
			g.closeTopDialog()
		})
	}
}
