package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The two widgets nearly every screen and dialog makes: a sentence that
// wraps at the width it is given (explanations, hints, results), and the
// one button that carries a dialog's or a screen's main action.

// wrappedLabel is a label whose text wraps by word.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// primaryButton is the highlighted button of the main action.
func primaryButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.HighImportance
	return b
}
