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

func sameReading(t *testing.T, s, region string) {
	t.Helper()
	if strings.TrimSpace(s) == "" {
		return // no number: NormalizePhone keeps it empty
	}
	want, wantOK := parseAsWritten(strings.TrimSpace(s), region)
	got, err := NormalizePhone(s, region)
	if (err == nil) != wantOK || got != want {
		t.Errorf("%q in %s: %q (%v), the library reads %q (%v)", s, region, got, err, want, wantOK)
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
