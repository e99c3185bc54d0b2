package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showActionDialog shows content in a dialog of a fixed size (a longer
// translation wraps instead of growing it past the window), with Cancel
// and then the dialog's action button, and returns the dialog.
func showActionDialog(g *GUI, title string, size fyne.Size, content fyne.CanvasObject, action *widget.Button) *dialog.CustomDialog {
	var dlg *dialog.CustomDialog
	cancel := widget.NewButton(lang.L("Cancel"), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(size, content), g.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, action})
	dlg.Show()
	return dlg
}
