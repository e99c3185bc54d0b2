package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// searchable is a section with a search field (Prospects, Today, Calls):
// Ctrl+F goes there.
type searchable interface {
	searchEntry() *widget.Entry
}

// ctrlF is the shortcut that focuses the section's search.
var ctrlF = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}

// addSearchShortcut registers Ctrl+F on the window (once per shell: adding
// it again replaces it).
func (g *GUI) addSearchShortcut() {
	g.win.Canvas().AddShortcut(ctrlF, func(fyne.Shortcut) { g.focusSearch() })
}

// focusSearch focuses the search field of the section on screen.
func (g *GUI) focusSearch() {
	if g.shell == nil {
		return
	}
	if s, ok := g.shell.sections[g.shell.current].(searchable); ok {
		g.win.Canvas().Focus(s.searchEntry())
	}
}
