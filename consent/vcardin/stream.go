package vcardin

import (
	"bytes"

	"golang.org/x/text/encoding/unicode"
)

// toUTF8Stream turns a UTF-16 file (Outlook and some Windows tools write
// "Unicode" = UTF-16LE with a BOM) into UTF-8 and drops a UTF-8 BOM.
// Everything else is left as bytes: a vCard 2.1 file mixes charsets per
// property, so it can only be decoded value by value (decode.go).
func toUTF8Stream(b []byte) []byte {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], unicode.LittleEndian)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], unicode.BigEndian)
	}
	// UTF-16 without a BOM: ASCII text such as "BEGIN" then shows a NUL
	// after (LE) or before (BE) every character. Real text never has NULs.
	if e, ok := sniffUTF16(b); ok {
		return decodeUTF16(b, e)
	}
	return b
}

// sniffUTF16 recognises UTF-16 without a byte order mark (some Apple and
// Windows exports): UTF-8 and the 8-bit code pages never hold NUL bytes,
// while UTF-16 text that is mostly Latin has one in every other byte, after
// (LE) or before (BE) each character. A file mostly in another script
// (Cyrillic, CJK) has few NULs; it is recognised when one of the two
// decodings reads "BEGIN:VCARD" in its first few kilobytes.
func sniffUTF16(b []byte) (unicode.Endianness, bool) {
	n := min(len(b), sniffBytes) &^ 1
	if n < 8 || bytes.IndexByte(b[:n], 0) < 0 {
		return unicode.LittleEndian, false
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*2 >= pairs && evenNUL*8 < oddNUL:
		return unicode.LittleEndian, true
	case evenNUL*2 >= pairs && oddNUL*8 < evenNUL:
		return unicode.BigEndian, true
	}
	for _, e := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		if bytes.Contains(bytes.ToUpper(decodeUTF16(b[:n], e)), []byte("BEGIN:VCARD")) {
			return e, true
		}
	}
	return unicode.LittleEndian, false
}

// sniffBytes is how much of a file sniffUTF16 looks at: a few cards.
const sniffBytes = 4096

func decodeUTF16(b []byte, e unicode.Endianness) []byte {
	if len(b)%2 == 1 {
		b = b[:len(b)-1] // a file cut mid-character: drop the half
	}
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return b // cannot happen for UTF-16 (bad pairs become U+FFFD)
	}
	return out
}

// nextLine returns the first line of b and the rest. Line ends are CR LF,
// LF, a lone CR (classic Mac OS) and CR CR LF (iOS 6 "Share contact" wrote
// every line like that); all count as one line end, so iOS files do not get
// a blank line between every property.
func nextLine(b []byte) (line, rest []byte) {
	i := bytes.IndexAny(b, "\r\n")
	if i < 0 {
		return b, nil
	}
	line = b[:i]
	j := i + 1
	if b[i] == '\r' {
		switch {
		case j < len(b) && b[j] == '\n':
			j++
		case j+1 < len(b) && b[j] == '\r' && b[j+1] == '\n':
			j += 2
		}
	}
	return line, b[j:]
}
