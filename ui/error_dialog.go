package ui

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
)

// showError shows what went wrong in the rep's language (errorText), not
// the English of err, in an error dialog over the window.
func (g *GUI) showError(err error) { g.showProblem(errorText(err)) }

// showProblem shows a sentence already in the rep's language in an error
// dialog over the window.
func (g *GUI) showProblem(text string) { dialog.ShowError(errors.New(text), g.win) }
