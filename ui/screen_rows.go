package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// showRows puts a list screen's body into its root, or the screen's empty
// state (what it is for, what to do) when it has no rows, and redraws the
// list with its new rows.
func showRows(root *fyne.Container, rows int, empty, body fyne.CanvasObject, list *widget.List) {
	if rows == 0 {
		root.Objects = []fyne.CanvasObject{empty}
	} else {
		root.Objects = []fyne.CanvasObject{body}
	}
	root.Refresh()
	list.Refresh()
}

// showIf shows o when visible holds and hides it otherwise.
func showIf(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}
