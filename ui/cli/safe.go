package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Names, companies, evidence and reasons are stored as typed, but a name
// holding ESC [ 2 J, a carriage return or a right-to-left override would
// rewrite the rep's terminal (or hide what a line says) when printed raw.
// Every line the commands print with user data goes through safe; JSON
// through safeJSON.

// unsafeRune: C0 controls, DEL, C1 controls (U+0080–U+009F: 8-bit CSI
// among them), the line and paragraph separators, and the bidi embedding,
// override and isolate controls (U+202A–U+202E, U+2066–U+2069), plus the
// marks U+200E, U+200F and U+061C that reorder text as well.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// safe shows every unsafe character of s as a visible escape (\x1b,
// \u202e), and bytes that are not UTF-8 as \xNN; the rest as it is.
func safe(s string) string { return escape(s, false) }

// safeBlock is safe for text of several lines (an email body): line ends
// and tabs stay, a lone carriage return does not.
func safeBlock(s string) string { return escape(s, true) }

func escape(s string, lines bool) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case lines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// a CRLF line end is a line end
		case unsafeRune(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// safeJSON escapes in encoded JSON what encoding/json leaves raw but a
// terminal acts on: DEL, C1 controls and the bidi controls (it escapes
// C0, U+2028 and U+2029 itself, and replaces invalid UTF-8). They can only
// stand inside strings, where \uXXXX means the same character, so the
// JSON decodes to the same values.
func safeJSON(b []byte) []byte {
	s := string(b)
	clean := true
	for _, r := range s {
		if unsafeRune(r) && r >= 0x20 {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if unsafeRune(r) && r >= 0x20 {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}
