package cli

import (
	"fmt"

	"warmlead/consent"
)

func init() {
	register(command{"settings", "show the settings, or change the phone country: settings [--country CC]", setupSettings})
}

// setupSettings shows the settings a script may need, and changes the
// country national phone numbers are read in (the same as `init --country`
// and the Settings screen). The other settings are set by init and the
// Settings screen.
func setupSettings(fs *flagSet, e *env) func([]string) error {
	var country string
	set := false
	fs.Func("country", "ISO 3166 country national phone numbers are read in (NL, NO, SE, DE, GB...); \"\" for the language's", func(v string) error {
		country, set = v, true
		return nil
	})
	return func(pos []string) error {
		if err := need(pos, 0, "settings [--country CC]"); err != nil {
			return err
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if set {
			st, err := uc.Settings.SetCountry(country)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "phone country set to %s: national numbers are read there from now on\n", countryLine(st))
			return nil
		}
		st, err := e.db.Settings()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "language: %s\nphone country: %s\nretention: %d months\n", st.Lang, countryLine(st), st.RetentionMonths)
		return nil
	}
}

// countryLine names the phone country, and says when it comes from the
// language because none was set.
func countryLine(st consent.Settings) string {
	if st.Country == "" {
		return st.PhoneRegion() + " (from the language; set one with --country)"
	}
	return st.Country
}
