package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// phoneFlag shows a number an import kept as written (no country code, not
// readable in the country chosen): the text as it was, and why calls are
// blocked until the rep corrects it (Correct details).
func phoneFlag(p consent.Prospect) *widget.Label {
	l := widget.NewLabel(lang.L("{{.Phone}} · kept as written, no country code: calls are blocked until you correct it (Correct details)",
		map[string]any{"Phone": p.PhoneRaw}))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}
