package cardscan

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// The field parser takes whatever an OCR makes of a card: it never
// panics, its confidences stay in 0..1, an empty value has none, a phone
// it could read is E.164 and a fax never becomes the phone.
func FuzzExtractFields(f *testing.F) {
	f.Add("Jørgen Bråten\nDaglig leder\nFjord Energi AS\nTlf: +47 22 12 34 56\nFaks +47 22 12 34 57\njorgen@fjord.no", "NO")
	f.Add("T 020 123 4567\nM 06-12345678\nmarit vik@x.nl\nwww.x.nl\nKeizersgracht 1, 1015 CJ Amsterdam", "NL")
	f.Add("@@@ ... +++ (0) 0O0l1 \x00 ß", "")
	f.Add("E-mail: a@b.cc\nFax: +4930123456\n", "DE")
	f.Fuzz(func(t *testing.T, text, country string) {
		if len(text) > 4000 || !utf8.ValidString(text) {
			return
		}
		var lines []cardLine
		for i, l := range strings.Split(text, "\n") {
			lines = append(lines, cardLine{l, 20 + (i*7)%40, 40 + i*50})
		}
		c := ExtractFields(wordsOf(lines...), country)
		for _, fl := range []Field{c.Name, c.Title, c.Company, c.Email, c.Phone, c.Mobile, c.Fax, c.Web, c.Address} {
			if fl.Confidence < 0 || fl.Confidence > 1 || fl.Value == "" && fl.Confidence != 0 {
				t.Fatalf("field %+v", fl)
			}
		}
		if strings.HasPrefix(c.Phone.Value, "+") && c.Phone.Confidence >= LowConfidence {
			if n, err := phonenumbers.Parse(c.Phone.Value, "ZZ"); err != nil || phonenumbers.Format(n, phonenumbers.E164) != c.Phone.Value {
				t.Fatalf("phone %q is not E.164", c.Phone.Value)
			}
		}
		if c.Fax.Value != "" && c.Phone.Value == c.Fax.Value && c.Mobile.Value != c.Fax.Value {
			t.Fatalf("the fax %q became the phone", c.Fax.Value)
		}
	})
}

// QR codes hold anything: the vCard and MeCard parsing never panics and
// finds no contact in text that is neither.
func FuzzParseQRText(f *testing.F) {
	f.Add("BEGIN:VCARD\nVERSION:3.0\nFN:A B\nORG:X\\;Y;Z\nTEL;TYPE=CELL:+4791234567\nEND:VCARD\n")
	f.Add(`MECARD:N:B,A;TEL:1;EMAIL:a@b;;`)
	f.Add(`MECARD:\\\;;:`)
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := parseQRText(s)
		if !ok && c != (qrContact{}) {
			t.Fatalf("no contact but fields %+v", c)
		}
		up := strings.ToUpper(strings.TrimSpace(s))
		if ok && !strings.HasPrefix(up, "BEGIN:VCARD") && !strings.HasPrefix(up, "MECARD:") {
			t.Fatalf("%q read as a contact", s)
		}
	})
}
