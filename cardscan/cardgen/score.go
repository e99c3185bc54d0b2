package cardgen

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Same tells whether a field read from a card equals the truth after
// normalisation: Unicode NFC, case, runs of spaces, and the punctuation
// at the ends; phone numbers compare their digits and plus sign. The
// diacritics count: "Ødegård" is not "Odegard".
func Same(field, want, got string) bool {
	if field == "phone" || field == "mobile" || field == "fax" {
		return phoneDigits(want) == phoneDigits(got)
	}
	return Normalise(want) == Normalise(got)
}

// Normalise is a field's text as Same compares it.
func Normalise(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '.' || r == ' ' })
}

func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '+' || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
