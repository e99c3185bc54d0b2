package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// strength rates a passphrase 0 (unusable) to 4 (strong) with a word for
// the meter. 0 is the store's own refusal (consent.WeakPassphrase: too
// short, blank, one character repeated, a simple run), with its reason in
// the rep's language: `warmlead init` and `passwd` print the same reason in
// English. Above that, length matters most for passphrases; variety adds a
// little.
func strength(p string) (int, string) {
	if reason, weak := consent.WeakPassphrase(p); weak {
		return 0, i18n.Text(reason)
	}
	n := len([]rune(p))
	classes := 0
	for _, f := range []func(rune) bool{unicode.IsLower, unicode.IsUpper, unicode.IsDigit, unicode.IsPunct, unicode.IsSpace} {
		if strings.IndexFunc(p, f) >= 0 {
			classes++
		}
	}
	distinct := map[rune]bool{}
	for _, r := range p {
		distinct[r] = true
	}
	switch {
	case len(distinct) < 5:
		return 1, lang.L("Weak: too repetitive")
	case n >= 20 && classes >= 2, n >= 16 && classes >= 3:
		return 4, lang.L("Strong")
	case n >= 14 || classes >= 3:
		return 3, lang.L("Good")
	default:
		return 2, lang.L("Fair: a few more words make it much stronger")
	}
}
