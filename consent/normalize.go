package consent

import (
	"net/mail"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"warmlead/consent/locale"
)

// ValueError is a typed value that does not validate (an email address, a
// phone number), as a sentence with the value kept apart, so a screen can
// translate it and a command print it in English.
type ValueError struct{ Msg Message }

func (e *ValueError) Error() string { return e.Msg.String() }

// The sentences of ValueError. The value stands between quotes escaped as
// %q escapes it, so the English reads as it always has.
const (
	tNotEmail   = "\"{{.Value}}\" is not an email address: write it as name@company.com"
	tEmailNoDot = "\"{{.Value}}\" is not an email address: the domain after @ needs a dot"
	tNotPhone   = "\"{{.Value}}\" is not a phone number: include the country code, e.g. +31 20 555 0100"
)

// ValueTemplates lists the sentences a ValueError can carry.
func ValueTemplates() []string { return []string{tNotEmail, tEmailNoDot, tNotPhone} }

func valueError(template, value string) error {
	q := strconv.Quote(value)
	return &ValueError{Msg: Msg(template, "Value", q[1:len(q)-1])}
}

// NormalizeEmail validates an address and lowercases it, so that lookups,
// duplicate checks and suppression hashes match however it was typed.
// An empty address stays empty.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || !strings.Contains(a.Address, "@") {
		return "", valueError(tNotEmail, s)
	}
	at := strings.LastIndex(a.Address, "@")
	if !strings.Contains(a.Address[at:], ".") {
		return "", valueError(tEmailNoDot, s)
	}
	return strings.ToLower(a.Address), nil
}

// NormalizePhone parses a number and formats it as E.164 (+31205550100).
// Numbers without a country code are read in defaultRegion (ISO 3166, e.g.
// "NL"). An empty number stays empty.
func NormalizePhone(s, defaultRegion string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	r := readPhone(s, defaultRegion)
	if !r.possible {
		return "", valueError(tNotPhone, s)
	}
	return r.e164, nil
}

// phoneReading is what one parse of a number says: the library's parse is
// the costly part of a card (an import read each number three times).
type phoneReading struct {
	e164     string // its E.164 form, when possible
	possible bool   // a number of a possible length
	// unchecked: written without a country code and no valid number of
	// the region it was read in (or no number at all), so no register can
	// be checked for it (KeepUnreadPhone).
	unchecked bool
}

// readPhone parses s (trimmed, not empty) once, in region ("" is NL).
func readPhone(s, region string) phoneReading {
	if region == "" {
		region = "NL"
	}
	region = strings.ToUpper(region)
	n, err := phonenumbers.ParseAndKeepRawInput(compactPhone(s), region)
	if err != nil {
		return phoneReading{unchecked: true}
	}
	r := phoneReading{unchecked: n.GetCountryCodeSource() == phonenumbers.PhoneNumber_FROM_DEFAULT_COUNTRY &&
		!phonenumbers.IsValidNumberForRegion(n, region)}
	// Format gives a kept raw input back for a national number of 0
	// ("000"); Parse keeps none, and NormalizePhone reads as Parse does.
	n.RawInput = nil
	if phonenumbers.IsPossibleNumber(n) {
		r.e164, r.possible = phonenumbers.Format(n, phonenumbers.E164), true
	}
	return r
}

// compactPhone drops the spaces, dashes, dots and slashes of a number
// written with nothing but ASCII digits, brackets, those separators and a
// leading +. The phone library drops them itself, but only after looking
// for an extension with a regular expression whose cost grows with every
// character: a quarter of the time an import of 10,000 cards spent on
// phones. Anything else (a letter, #, a comma or semicolon: the marks of
// an extension; a vanity number; a + further in) leaves the number as it
// was. TestCompactPhoneReadsTheSame and FuzzCompactPhone hold both forms
// to one answer.
func compactPhone(s string) string {
	drop, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '(', c == ')', c == '+' && i == 0:
		case isPhoneSeparator(c):
			drop++
		default:
			return s
		}
	}
	// Two digits alone are a number to the library, two with a separator
	// between are not; from three on, both forms are.
	if drop == 0 || digits < 3 {
		return s
	}
	b := make([]byte, 0, len(s)-drop)
	for i := 0; i < len(s); i++ {
		if !isPhoneSeparator(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

func isPhoneSeparator(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' }

// FormatPhone shows an E.164 number the international way (+31 20 555 0100).
func FormatPhone(e164 string) string {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}

// RegionForLanguage is the default phone region for a settings language
// (consent/locale's; "GB" for English and anything unknown).
func RegionForLanguage(lang string) string { return locale.Region(lang) }
