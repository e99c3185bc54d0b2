package consent

import (
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// parseAsWritten is NormalizePhone without compactPhone: the library on
// the number as the rep wrote it.
func parseAsWritten(s, region string) (string, bool) {
	n, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// keptAsWritten is the former check of an import (two more parses): kept
// unless NormalizePhone reads it and, written without a country code, it
// is a valid number of region as written.
func keptAsWritten(s, region string) bool {
	if _, err := NormalizePhone(s, region); err != nil {
		return true
	}
	n, err := phonenumbers.ParseAndKeepRawInput(s, region)
	return err != nil || n.GetCountryCodeSource() == phonenumbers.PhoneNumber_FROM_DEFAULT_COUNTRY &&
		!phonenumbers.IsValidNumberForRegion(n, region)
}

// sameReading holds NormalizePhone and NormalizeKeepingUnreadPhone (each one
// parse of the compacted number) to the library on the number as written.
func sameReading(t *testing.T, s, region string) {
	t.Helper()
	s = strings.TrimSpace(s)
	if s == "" {
		return // no number: NormalizePhone keeps it empty
	}
	want, wantOK := parseAsWritten(s, region)
	got, err := NormalizePhone(s, region)
	if (err == nil) != wantOK || got != want {
		t.Errorf("%q in %s: %q (%v), the library reads %q (%v)", s, region, got, err, want, wantOK)
	}
	p := Prospect{Name: "Jan", Source: SourceCard, Phone: s}
	kept, err := p.NormalizeKeepingUnreadPhone(region)
	switch wantKept := keptAsWritten(s, region); {
	case err != nil || kept != wantKept:
		t.Errorf("%q in %s: kept %v (%v), the library's reading keeps it: %v", s, region, kept, err, wantKept)
	case !kept && p.Phone != want:
		t.Errorf("%q in %s: read as %q, NormalizePhone reads %q", s, region, p.Phone, want)
	}
}

// Compacting a number never changes how it reads: the same E.164, or the
// same refusal, in every region the app ships.
func TestCompactPhoneReadsTheSame(t *testing.T) {
	for _, s := range []string{
		"+31 20 555 0100", "+31 (0)20 555 0100", "020-555 01 00", "(020) 555.0100", "+47 22 00 00 00",
		"+46 8-123 456 78", "08/123 45 67", "+49 (0) 30 1234-5678", "0049 30 12345678", "+1 (212) 555-0100",
		"+44 20 7946 0958", "00 31 20 555 0100", "+31 20 555 0100 x12", "+31 20 555 0100 ext. 3", "020 555 0100#",
		"+31 20 555 0100;ext=4", "020 5550100,,22", "1-800-FLOWERS", "+31 20 555", "12", "+", "-", "()", "+31 20 555 0100 - 12#",
		"06 12 34 56 78", "+31 6 1234 5678", "0 20 555 0100", "(+31) 20 555 0100", "+31  20  555  0100", "+31.20.555.0100",
	} {
		for _, region := range []string{"NL", "DE", "SE", "NO", "GB", "US"} {
			sameReading(t, s, region)
		}
	}
	if got := compactPhone("+31 20 555 0100"); got != "+31205550100" {
		t.Errorf("compactPhone = %q", got)
	}
	for _, s := range []string{"+31 20 555 0100 x12", "(+31) 20", "1-800-FLOWERS", "020 555 0100#"} {
		if got := compactPhone(s); got != s {
			t.Errorf("compactPhone(%q) = %q, want it left as written", s, got)
		}
	}
}

// FuzzCompactPhone: any number made of digits, brackets, separators and
// pluses reads the same compacted as written.
func FuzzCompactPhone(f *testing.F) {
	for _, s := range []string{"+31 20 555 0100", "(020) 555-0100", "0049 / 30 12.34", "+1 212 555 0100"} {
		f.Add(s, uint8(0))
	}
	const alphabet = "0123456789 +-./()"
	regions := []string{"NL", "DE", "SE", "NO", "GB", "US"}
	f.Fuzz(func(t *testing.T, raw string, r uint8) {
		b := []byte(raw)
		for i := range b {
			b[i] = alphabet[int(b[i])%len(alphabet)]
		}
		if len(b) > 40 {
			b = b[:40]
		}
		sameReading(t, string(b), regions[int(r)%len(regions)])
	})
}
