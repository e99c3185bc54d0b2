package vcardin

import (
	"bytes"
	"encoding/base64"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// transferDecode undoes ENCODING=QUOTED-PRINTABLE or BASE64 on a value.
// Soft line breaks were already removed while unfolding (split.go).
func transferDecode(h *head, v []byte) []byte {
	switch strings.ToUpper(h.get("ENCODING")) {
	case "QUOTED-PRINTABLE":
		return qpDecode(v)
	case "B", "BASE64":
		return b64Decode(v)
	}
	return v
}

// qpDecode is a lenient quoted-printable decoder: "=XX" becomes a byte and
// anything else, including a stray "=" (some phones use it as a line
// separator), stays as it is. mime/quotedprintable would reject such values
// and lose the card.
func qpDecode(v []byte) []byte {
	if bytes.IndexByte(v, '=') < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '=' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]) {
			out = append(out, unhex(v[i+1])<<4|unhex(v[i+2]))
			i += 2
			continue
		}
		out = append(out, v[i])
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// b64Decode decodes a base64 text value (some exporters encode names that
// way); padding and whitespace are optional. Undecodable input is kept.
func b64Decode(v []byte) []byte {
	clean := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, v)
	clean = bytes.TrimRight(clean, "=")
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		return v
	}
	return out[:n]
}

func isUTF8Label(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	return n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii"
}

// charsets resolves CHARSET labels: WHATWG labels first (they map
// ISO-8859-1 to its superset windows-1252, as browsers do), then IANA
// names, which cover the rest (SHIFT_JIS, csShiftJIS, ISO_8859-2:1987...).
// Results are cached per Parse; the cache is bounded because labels come
// from the input.
type charsets map[string]encoding.Encoding

func (cs charsets) lookup(name string) encoding.Encoding {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" || isUTF8Label(n) {
		return nil
	}
	if e, ok := cs[n]; ok {
		return e
	}
	var e encoding.Encoding
	if he, err := htmlindex.Get(n); err == nil {
		e = he
	} else if ie, err := ianaindex.IANA.Encoding(n); err == nil && ie != nil {
		e = ie
	}
	if hn, _ := htmlindex.Name(e); e != nil && hn == "utf-8" {
		e = nil
	}
	if len(cs) < 64 {
		cs[n] = e
	}
	return e
}

// decodeText turns transfer-decoded bytes into UTF-8.
//   - Valid UTF-8 stays as it is, whatever CHARSET says: exporters that
//     declare ISO-8859-1 but write UTF-8 are common, while Latin text that
//     happens to form valid multi-byte UTF-8 is not.
//   - Otherwise the declared CHARSET is used if it is known;
//   - else fallback, the card's guessed code page (see cardCodePage).
func decodeText(b []byte, declared, fallback encoding.Encoding) string {
	if utf8.Valid(b) {
		return string(b)
	}
	e := declared
	if e == nil {
		e = fallback
	}
	if e == nil {
		e = charmap.Windows1252
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// cardCodePage picks the code page for a card's bytes that are neither
// UTF-8 nor covered by a known CHARSET on their own property:
//  1. a CHARSET declared elsewhere on the same card (Outlook declares
//     windows-1251 on LABEL but not on FN);
//  2. windows-1252, the Windows default in Western Europe and a superset of
//     ISO-8859-1 (what the issue asks for);
//  3. unless that turns whole words into accented-Latin soup ("àôøéí"):
//     then the bytes are Cyrillic (windows-1251) or, when they only use the
//     Hebrew letter range E0-FA, Hebrew (windows-1255). Greek, Arabic and
//     Central European code pages are not guessed: they come out as 1251
//     or 1252 and need a CHARSET to read right.
func cardCodePage(hint encoding.Encoding, sample []byte) encoding.Encoding {
	if hint != nil {
		return hint
	}
	if len(sample) == 0 {
		return charmap.Windows1252
	}
	latin, _ := charmap.Windows1252.NewDecoder().Bytes(sample)
	if !hasNonLatinWord(string(latin)) {
		return charmap.Windows1252
	}
	upper, hebrew := false, true
	for _, c := range sample {
		if c >= 0xC0 && c <= 0xDF {
			upper = true
		}
		if c >= 0x80 && (c < 0xE0 || c > 0xFA) {
			hebrew = false
		}
	}
	if hebrew && !upper {
		return charmap.Windows1255
	}
	return charmap.Windows1251
}

// hasNonLatinWord reports a word of three or more letters none of which is
// ASCII: real Latin-script names always mix in plain letters.
func hasNonLatinWord(s string) bool {
	run, ascii := 0, false
	for _, r := range s + " " {
		if unicode.IsLetter(r) {
			run++
			ascii = ascii || r < utf8.RuneSelf
			continue
		}
		if run >= 3 && !ascii {
			return true
		}
		run, ascii = 0, false
	}
	return false
}

// unescapeText removes vCard 3.0/4.0 backslash escapes. 2.1 has none in
// text values (a backslash is a backslash there), so v21 leaves s alone.
// Unknown escapes before punctuation ("\:" from some exporters) drop the
// backslash; before letters and digits they are kept, as Windows paths are.
func unescapeText(s string, v21 bool) string {
	if v21 || strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch n := s[i]; {
		case n == 'n' || n == 'N':
			b.WriteByte('\n')
		case n < utf8.RuneSelf && !isAlnum(n):
			b.WriteByte(n)
		default:
			b.WriteByte('\\')
			b.WriteByte(n)
		}
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// splitComponents splits a structured value (N, ORG) at unescaped ";" and
// unescapes each component. In 2.1 only "\;" is an escape.
func splitComponents(s string, v21 bool) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if v21 && (i+1 == len(s) || s[i+1] != ';') {
				continue
			}
			i++ // skip the escaped byte
		case ';':
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	parts = append(parts, s[start:])
	for i, p := range parts {
		if v21 {
			parts[i] = strings.ReplaceAll(p, `\;`, ";")
		} else {
			parts[i] = unescapeText(p, false)
		}
	}
	return parts
}

// oneLine makes a value fit a one-line field: control characters
// (newlines from QP "=0D=0A" or "\n", NULs from broken files) become
// spaces, runs of white space one space, and the value is cut at max bytes
// on a character boundary. cut reports the cut.
func oneLine(s string, max int) (out string, cut bool) {
	if len(s) <= max && isOneLine(s) {
		return s, false
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= max {
		return s, false
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return strings.TrimSpace(s[:i]), true
}

// isOneLine is oneLine's fast path: s has no control characters, no
// non-ASCII space and no leading, trailing or double spaces.
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsControl(r) || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
				return false
			}
			i += size - 1
		case c < ' ' || c == 0x7f:
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}
