package vcardin

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"warmlead/consent"
)

// FuzzExportReadBack: what the vCard export writes, this reader reads back
// as it was: name, company (a ";" in it included) and title.
func FuzzExportReadBack(f *testing.F) {
	f.Add("Jørgen Ångström, Jr.", "Fjord; Kraft AS", "Salgssjef, Norden")
	f.Add("黄世勇", `Bakker \ Zonen; B.V.`, "VD;CEO")
	f.Add("Dr. Zoë Müller-Lüdenscheidt", "Müller, Söhne & Co.", `a\nb`)
	f.Fuzz(func(t *testing.T, name, company, title string) {
		for _, s := range []string{name, company, title} {
			if !utf8.ValidString(s) || s != strings.Join(strings.Fields(s), " ") || len(s) > 1000 ||
				strings.ContainsFunc(s, func(r rune) bool {
					return unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029'
				}) {
				return
			}
		}
		if name == "" {
			return
		}
		var buf bytes.Buffer
		if err := consent.ExportVCard(&buf, []consent.Prospect{{ID: 1, Name: name, Company: company, Title: title, Source: consent.SourceCard}}); err != nil {
			t.Fatal(err)
		}
		res, err := Parse(&buf, DefaultLimits())
		if err != nil || len(res.Cards) != 1 {
			t.Fatalf("read back: %v %+v %+v\n%s", err, res.Cards, res.Failures, buf.String())
		}
		c := res.Cards[0]
		if c.Name != name || c.Company != company || c.Title != title {
			t.Fatalf("read back name %q company %q title %q, want %q %q %q\n%s", c.Name, c.Company, c.Title, name, company, title, buf.String())
		}
	})
}
