package usecase

import (
	"os"
	"strconv"

	"warmlead/consent"
)

// SetCountry stores the country national phone numbers are read in ("" goes
// back to the language's country) and returns the settings as saved.
// Numbers already stored keep their country code; only new ones read it.
func (s *Settings) SetCountry(country string) (consent.Settings, error) {
	c, err := consent.ParseCountry(country)
	if err != nil {
		return consent.Settings{}, errCountry.New("Value", quoted(country))
	}
	st, err := s.st.Settings()
	if err != nil {
		return consent.Settings{}, err
	}
	st.Country = c
	if err := s.st.SaveSettings(st); err != nil {
		return consent.Settings{}, err
	}
	return st, nil
}

// DesktopCountry is the country of the desktop's locale, as POSIX orders its
// variables for telephone conventions: LC_ALL, then LC_TELEPHONE, then LANG
// ("en_NL.UTF-8" is NL). "" when none names one ("C.UTF-8", "en").
func DesktopCountry() string { return countryFromEnv(os.Getenv) }

func countryFromEnv(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_TELEPHONE", "LANG"} {
		if v := getenv(name); v != "" {
			return consent.CountryFromLocale(v)
		}
	}
	return ""
}

// quoted is a value as a sentence quotes it (Go's %q).
func quoted(s string) string { return strconv.Quote(s) }
