package vcardin

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"warmlead/consent"
)

// FuzzCardsToProspects runs a file the whole way an import does before the
// store: Parse, the card's draft prospect, and Normalize (email check and
// E.164 through the phone library) in each region Warmlead uses. Nothing
// may panic, and what Normalize accepts is what the store's indexes and
// suppression hashes rely on: a lowercase address, an E.164 number.
func FuzzCardsToProspects(f *testing.F) {
	f.Add([]byte(card("3.0", "FN:Jørgen Ångström", "ORG:Nordlys AS", "EMAIL;TYPE=WORK:Jorgen@Nordlys.example", "TEL:+47 22 12 34 56")))
	f.Add([]byte(card("2.1", "N:Vries;Anna;de", "TEL;CELL:06-12345678", "EMAIL;PREF:\"Anna\" <anna@tulp.example>")))
	f.Add([]byte(card("4.0", "FN:X", "TEL;VALUE=uri:tel:+49-30-1234567", "EMAIL:a@b")))
	f.Add([]byte(card("3.0", "FN:Many", "TEL:00000000000000000000000000000000", "TEL:+", "TEL:++31 20", "TEL:ext. 12")))
	// Found by fuzzing: a "possible" German number that loses a zero each
	// time it is normalised.
	f.Add([]byte("BEGIN:VCARD\nA00:\nN:0\nTEL;A00=:+49-0000000000\n0000"))
	lim := Limits{MaxBytes: 1 << 20, MaxCards: 50, MaxFieldBytes: 256, MaxValuesPerCard: 4}
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := Parse(bytes.NewReader(in), lim)
		if err != nil {
			return
		}
		for _, c := range res.Cards {
			for _, region := range []string{"NL", "NO", "SE", "DE", "GB", ""} {
				p := c.Prospect(consent.SourceCard, " Fair ")
				if err := p.Normalize(region); err != nil {
					continue
				}
				if p.Name == "" || !utf8.ValidString(p.Name) {
					t.Fatalf("card %d: name %q accepted", c.Number, p.Name)
				}
				if p.Email != "" && (p.Email != strings.ToLower(p.Email) || !strings.Contains(p.Email, "@")) {
					t.Fatalf("card %d: email %q accepted", c.Number, p.Email)
				}
				if p.Phone != "" {
					if !strings.HasPrefix(p.Phone, "+") || strings.Trim(p.Phone[1:], "0123456789") != "" {
						t.Fatalf("card %d: phone %q is not E.164", c.Number, p.Phone)
					}
					// The store normalises a number again when it checks it
					// against suppression entries: a real number must come
					// out the same. (A number that is only "possible", such
					// as +49 followed by zeros, loses a leading zero of its
					// national part each time: the trunk prefix rule.)
					n, _ := phonenumbers.Parse(p.Phone, "")
					if again, err := consent.NormalizePhone(p.Phone, region); phonenumbers.IsValidNumber(n) && (err != nil || again != p.Phone) {
						t.Fatalf("card %d: %q normalises again to %q (%v)", c.Number, p.Phone, again, err)
					}
				}
			}
		}
	})
}
