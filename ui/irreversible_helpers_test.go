package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chooseIrreversible selects choice (an answer that cannot be undone),
// checks that save turned red, then taps it and waits: the dialog should
// now ask to confirm. what names the choice in the failure.
func chooseIrreversible(t *testing.T, g *GUI, from interface{ SetSelected(string) }, choice string, save *widget.Button, what string) {
	t.Helper()
	from.SetSelected(choice)
	if save.Importance != widget.DangerImportance {
		t.Errorf("the save button of %s is not red", what)
	}
	test.Tap(save)
	g.wait()
}
