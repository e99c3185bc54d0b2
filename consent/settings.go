package consent

import (
	"fmt"
	"net/url"
	"strings"
)

// Settings are what setup asks and the Settings screen edits. They hold the
// rep's name, so the store seals them like prospect data.
type Settings struct {
	Rep             string `json:"rep"`
	Company         string `json:"company"`
	PrivacyURL      string `json:"privacy_url"`
	PreferencesURL  string `json:"preferences_url"`
	Lang            string `json:"lang"`
	RetentionMonths int    `json:"retention_months"`
	IdleLockMinutes int    `json:"idle_lock_minutes"`
	// Country (ISO 3166, "NL") is where a phone number written without its
	// country code is read. Empty: the language's country, as before the
	// setting existed (settings stored by older versions have none).
	Country string `json:"country,omitempty"`
}

// DefaultSettings are used for anything setup left empty.
func DefaultSettings() Settings {
	return Settings{Lang: "en", RetentionMonths: 12, IdleLockMinutes: 10}
}

// Validate checks and tidies the settings; the error says which field is wrong.
func (s *Settings) Validate() error {
	// Text as it will read back: the settings are stored as JSON, which
	// turns bytes that are not UTF-8 (from a flag, a script) into U+FFFD.
	for _, f := range []*string{&s.Rep, &s.Company, &s.PrivacyURL, &s.PreferencesURL} {
		*f = strings.TrimSpace(strings.ToValidUTF8(*f, "\uFFFD"))
	}
	if s.Lang == "" {
		s.Lang = "en"
	}
	lang, err := ParseLanguage(s.Lang)
	if err != nil {
		return err
	}
	s.Lang = lang // "NL" is accepted and stored as "nl", which the phone region reads

	for _, u := range []struct{ name, v string }{{"privacy statement URL", s.PrivacyURL}, {"preferences URL", s.PreferencesURL}} {
		if u.v == "" {
			continue
		}
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return fmt.Errorf("the %s %q is not a web address: start it with https://", u.name, u.v)
		}
	}
	if s.Country, err = ParseCountry(s.Country); err != nil {
		return err
	}
	if s.RetentionMonths < 1 || s.RetentionMonths > 120 {
		return fmt.Errorf("retention must be between 1 and 120 months, not %d", s.RetentionMonths)
	}
	if s.IdleLockMinutes < 1 || s.IdleLockMinutes > 480 {
		return fmt.Errorf("idle lock must be between 1 and 480 minutes, not %d", s.IdleLockMinutes)
	}
	return nil
}
