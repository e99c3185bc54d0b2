package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// passphrasePair is the passphrase typed twice (a typo would leave a
// passphrase nobody knows) with a strength meter under it, as the forms
// that set a recovery passphrase show them.
type passphrasePair struct {
	p1, p2 *escEntry
	meter  *widget.Label
}

func newPassphrasePair(g *GUI) passphrasePair {
	pp := passphrasePair{p1: newEscPassword(g), p2: newEscPassword(g), meter: widget.NewLabel(" ")}
	pp.p1.OnChanged = func(v string) { _, w := strength(v); pp.meter.SetText(w) }
	return pp
}

// items are the form's rows: the passphrase (labelled first), the repeat
// and the meter.
func (pp passphrasePair) items(first string) []*widget.FormItem {
	return []*widget.FormItem{widget.NewFormItem(first, pp.p1), widget.NewFormItem(lang.L("Repeat"), pp.p2),
		widget.NewFormItem(lang.L("Strength"), pp.meter)}
}

// accepted is the passphrase when the two agree and the store would take
// it; otherwise it says why under refused and reports false. The reason is
// strength's, in the rep's language: the store's refusal would be in English.
func (pp passphrasePair) accepted(g *GUI, refused string) ([]byte, bool) {
	if pp.p1.Text != pp.p2.Text {
		dialog.ShowInformation(refused, lang.L("The two passphrases differ."), g.win)
		return nil, false
	}
	if score, word := strength(pp.p1.Text); score == 0 {
		dialog.ShowInformation(refused, word, g.win)
		return nil, false
	}
	return []byte(pp.p1.Text), true
}
