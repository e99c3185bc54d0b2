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
	if defaultRegion == "" {
		defaultRegion = "NL"
	}
	n, err := phonenumbers.Parse(s, strings.ToUpper(defaultRegion))
	if err != nil || !phonenumbers.IsPossibleNumber(n) {
		return "", valueError(tNotPhone, s)
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
