// Package fold turns names into the letters an email address spells them
// with, for the card reader (to match a name with an email) and the card
// generator (to make the addresses).
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var letters = strings.NewReplacer("ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "ß", "ss", "ĳ", "ij", "Ĳ", "ij", "ł", "l")

// ASCII is s in lower-case ASCII letters and digits only: "Jørgen
// Ångström" is "jorgenangstrom".
func ASCII(s string) string {
	s = letters.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, _ = transform.String(t, s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
