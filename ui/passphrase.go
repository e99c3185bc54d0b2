package ui

import (
	"strings"
	"unicode"

	"warmlead/store"
)

// strength rates a passphrase 0 (unusable) to 4 (strong) with a word for
// the meter. Length matters most for passphrases; variety adds a little.
func strength(p string) (int, string) {
	n := len([]rune(p))
	if n < store.MinPassphraseLen {
		return 0, "Too short: at least 10 characters"
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
		return 1, "Weak: too repetitive"
	case n >= 20 && classes >= 2, n >= 16 && classes >= 3:
		return 4, "Strong"
	case n >= 14 || classes >= 3:
		return 3, "Good"
	default:
		return 2, "Fair: a few more words make it much stronger"
	}
}
