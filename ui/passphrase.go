package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/lang"

	"warmlead/store"
	"warmlead/ui/i18n"
)

// strength rates a passphrase 0 (unusable) to 4 (strong) with a word for
// the meter. Length matters most for passphrases; variety adds a little.
func strength(p string) (int, string) {
	n := len([]rune(p))
	if n < store.MinPassphraseLen {
		return 0, lang.L("Too short: at least {{.Min}} characters", map[string]any{"Min": i18n.Number(store.MinPassphraseLen)})
	}
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
