package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Escape closes the topmost dialog, whatever opened it. Fyne's dialogs
// ignore the key, and the window only sees keys that no focused widget
// takes: the canvas handler covers a dialog with nothing focused, and the
// dialogs' text fields (escEntry) hand Escape on. Closing hides the
// dialog's overlay, as its Cancel button does; nothing is recorded.

func (g *GUI) installKeys() {
	c := g.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape && g.closeTopDialog() {
			return
		}
		if prev != nil {
			prev(k)
		}
	})
}

// closeTopDialog hides the topmost overlay (a dialog or pop-up); false
// when none is open.
func (g *GUI) closeTopDialog() bool {
	top := g.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	top.Hide()
	g.win.Canvas().Overlays().Remove(top)
	return true
}

// escEntry is an entry for dialogs: Escape closes the dialog instead of
// being swallowed by the field.
type escEntry struct {
	widget.Entry
	g *GUI
}

func newEscEntry(g *GUI, multiLine bool) *escEntry {
	e := &escEntry{g: g}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// newEscPassword is a password entry for dialogs, Escape closing them.
func newEscPassword(g *GUI) *escEntry {
	e := newEscEntry(g, false)
	e.Password = true // the entry adds its reveal button when it draws
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// textEntry is the entry underneath, for what reads every text field alike
// (the idle lock's activity check).
func (e *escEntry) textEntry() *widget.Entry { return &e.Entry }

func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.g != nil {
		e.g.win.Canvas().Unfocus()
		e.g.closeTopDialog()
		return
	}
	e.Entry.TypedKey(k)
}
