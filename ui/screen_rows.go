package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// showRows puts a list screen's body into its root, or the screen's empty
// state (what it is for, what to do) when it has no rows, and redraws the
// list with its new rows.
func showRows(root *fyne.Container, rows int, empty, body fyne.CanvasObject, list *widget.List) {
	want := body
	if rows == 0 {
		want = empty
	}
	// A container's Refresh refreshes its children: refreshing root too
	// when it already shows the list laid out the visible rows twice (a
	// third of the time a logged call took to show at 100,000 prospects).
	if len(root.Objects) != 1 || root.Objects[0] != want {
		root.Objects = []fyne.CanvasObject{want}
		root.Refresh()
		if want == fyne.CanvasObject(list) {
			return
		}
	}
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
