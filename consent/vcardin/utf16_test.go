package vcardin

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

func utf16Bytes(t testing.TB, s string, e unicode.Endianness) []byte {
	b, err := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// UTF-16 without a byte order mark, either way round, whatever script the
// first card is written in, reads as the same cards as its UTF-8.
func TestUTF16WithoutBOM(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"latin", card("3.0", "FN:Håkon Ås", "EMAIL:h@as.example"), "Håkon Ås"},
		{"cyrillic first", card("3.0", "FN:Оксана Шевченко-Коваленко Олександрівна", "ORG:Київстар Телеком"), "Оксана Шевченко-Коваленко Олександрівна"},
		{"chinese first", card("4.0", "FN:黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇"), "黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇黄世勇"},
		{"lower-case begin", strings.ToLower(card("3.0", "FN:jörg")), "jörg"},
	}
	for _, c := range cases {
		for _, e := range []struct {
			name string
			e    unicode.Endianness
		}{{"LE", unicode.LittleEndian}, {"BE", unicode.BigEndian}} {
			t.Run(c.name+" "+e.name, func(t *testing.T) {
				res, err := Parse(bytes.NewReader(utf16Bytes(t, c.text, e.e)), DefaultLimits())
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Cards) != 1 || res.Cards[0].Name != c.want {
					t.Fatalf("cards %+v failures %+v, want one card named %q", res.Cards, res.Failures, c.want)
				}
			})
		}
	}
}

// FuzzUTF16Sniff: any vCard text without NULs, written as UTF-16 without a
// BOM, comes back as the same UTF-8; UTF-8 input is never taken for UTF-16;
// arbitrary bytes never panic.
func FuzzUTF16Sniff(f *testing.F) {
	f.Add("FN:Håkon Ås", []byte{0, 'B', 0, 'E'})
	f.Add("FN:黄世勇\r\nORG:Fjord; Kraft AS", []byte("BEGIN:VCARD"))
	f.Add("N:Ångström;Jørgen;;;Jr.", []byte{0xFE, 0xFF, 0, 'B'})
	f.Fuzz(func(t *testing.T, body string, raw []byte) {
		toUTF8Stream(raw) // must not panic
		if !utf8.ValidString(body) || strings.ContainsRune(body, 0) || strings.ContainsRune(body, utf8.RuneError) {
			return
		}
		text := "BEGIN:VCARD\r\n" + body + "\r\nEND:VCARD\r\n"
		if got := toUTF8Stream([]byte(text)); string(got) != text {
			t.Fatalf("UTF-8 text changed: %q", got)
		}
		for _, e := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			if got := toUTF8Stream(utf16Bytes(t, text, e)); string(got) != text {
				t.Fatalf("UTF-16 (%v) read back as %q, want %q", e, got, text)
			}
		}
	})
}
