package consent

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter plus a mark, mapped to
// what a rep types on an English keyboard ("jorgen" finds "Jørgen").
var foldSpecial = strings.NewReplacer(
	"ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "ß", "ss", "ł", "l", "Ł", "l",
	"đ", "d", "Đ", "d", "œ", "oe", "Œ", "oe", "þ", "th", "Þ", "th", "ı", "i",
)

// Fold lowercases s and strips accents, for accent- and case-insensitive
// search: Fold("Ångström") == "angstrom".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, foldSpecial.Replace(s))
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}
