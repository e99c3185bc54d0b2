package consent

import (
	"fmt"
	"net/mail"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"warmlead/consent/locale"
)

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
		return "", fmt.Errorf("%q is not an email address: write it as name@company.com", s)
	}
	at := strings.LastIndex(a.Address, "@")
	if !strings.Contains(a.Address[at:], ".") {
		return "", fmt.Errorf("%q is not an email address: the domain after @ needs a dot", s)
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
	if defaultRegion == "" {
		defaultRegion = "NL"
	}
	n, err := phonenumbers.Parse(s, strings.ToUpper(defaultRegion))
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
		return "", fmt.Errorf("%q is not a phone number: include the country code, e.g. +31 20 555 0100", s)
	}
	return phonenumbers.Format(n, phonenumbers.E164), nil
}

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
