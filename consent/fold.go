package consent

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter plus a mark, mapped to
// what a rep types on an English keyboard ("jorgen" finds "Jørgen").
var foldSpecial = map[rune]string{
	'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// foldCache remembers how each non-ASCII rune folds: names repeat the same
// few accented letters, and the Unicode decomposition is the slow part of
// building the search index at unlock.
var foldCache sync.Map // rune -> string

func foldRune(r rune) string {
	if v, ok := foldCache.Load(r); ok {
		return v.(string)
	}
	s, ok := foldSpecial[r]
	if unicode.Is(unicode.Mn, r) { // a combining accent typed separately
		s, ok = "", true
	}
	if !ok {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		out, _, err := transform.String(t, string(r))
		if err != nil || out == "" {
			out = string(r)
		}
		s = strings.ToLower(out)
	}
	foldCache.Store(r, s)
	return s
}

// Fold lowercases s and strips accents, for accent- and case-insensitive
// search: Fold("Ångström") == "angstrom".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteString(foldRune(r))
	}
	return b.String()
}
