package consent

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// ParseCountry validates an ISO 3166 country code for reading national phone
// numbers ("nl" is accepted as "NL"); "" stays "" (no setting). Only
// countries with a phone numbering plan known to the phone library are
// accepted, since that is what the code is for.
func ParseCountry(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if c == "" {
		return "", nil
	}
	if len(c) != 2 || !phonenumbers.GetSupportedRegions()[c] {
		return "", fmt.Errorf("%q is not a country code: use the two letters of ISO 3166, e.g. NL, NO, SE, DE or GB", s)
	}
	return c, nil
}

// PhoneRegion is where national phone numbers are read: the country setting,
// else the country of the settings' language.
func (s Settings) PhoneRegion() string {
	if s.Country != "" {
		return s.Country
	}
	return RegionForLanguage(s.Lang)
}

// CountryFromLocale is the country of a POSIX locale name as the desktop
// sets it in LC_ALL, LC_PHONE... or LANG ("en_NL.UTF-8" is "NL"), or ""
// when the name carries none ("C", "en", "POSIX").
func CountryFromLocale(name string) string {
	if i := strings.IndexAny(name, ".@"); i >= 0 {
		name = name[:i]
	}
	_, c, ok := strings.Cut(strings.ReplaceAll(name, "-", "_"), "_")
	if !ok {
		return ""
	}
	c, err := ParseCountry(c)
	if err != nil {
		return ""
	}
	return c
}
