package vcardin

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no input panics, errors only for limits, and that
// the result stays within the limits. Seeds are the real-world files (when
// present) and the hand-written feature cards.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.vcf"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(card("2.1", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=", "=B8rgen", "item1.EMAIL:a@b.c", "item1.X-ABLabel:work")))
	f.Add([]byte("BEGIN:VCARD\nAGENT:BEGIN:VCARD\nBEGIN:VCARD\nFN:x\nEND:VCARD\n"))
	f.Add([]byte("\xff\xfeB\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00R\x00D\x00"))
	lim := Limits{MaxBytes: 1 << 20, MaxCards: 200, MaxFieldBytes: 64, MaxValuesPerCard: 3}
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := Parse(bytes.NewReader(in), lim)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooManyCards) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if n := len(res.Cards) + len(res.Failures); n > lim.MaxCards {
			t.Fatalf("%d cards over limit", n)
		}
		checkNumbers(t, res)
		for _, c := range res.Cards {
			for _, s := range append([]string{c.Name, c.Company, c.Title, c.Email, c.Phone}, append(c.Emails, c.Phones...)...) {
				if len(s) > lim.MaxFieldBytes || !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n\x00") {
					t.Fatalf("card %d: bad value %q", c.Number, s)
				}
			}
			if len(c.Emails) > lim.MaxValuesPerCard || len(c.Phones) > lim.MaxValuesPerCard {
				t.Fatalf("card %d: %d emails, %d phones", c.Number, len(c.Emails), len(c.Phones))
			}
			if c.Name == "" && c.Email == "" && c.Phone == "" {
				t.Fatalf("card %d has nothing", c.Number)
			}
		}
	})
}
