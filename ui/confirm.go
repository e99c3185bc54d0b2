package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// confirmIrreversible asks once before something that cannot be undone,
// naming what happens; its confirm button is red and says the action
// (never a bare OK). then runs only on confirm.
func confirmIrreversible(g *GUI, title, what, action string, then func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, what, func(ok bool) {
		if ok {
			then()
		}
	}, g.win)
	d.SetConfirmText(action)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
	return d
}

// dangerWhen makes b red while the choice it saves is irreversible.
func dangerWhen(b *widget.Button, irreversible bool) {
	b.Importance = widget.HighImportance
	if irreversible {
		b.Importance = widget.DangerImportance
	}
	b.Refresh()
}
