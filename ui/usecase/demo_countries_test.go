package usecase

import "testing"

// Every demo country has all it takes to make a person, a company and a
// phone number.
func TestDemoCountriesComplete(t *testing.T) {
	if len(demoCountries) < 5 {
		t.Fatalf("%d demo countries", len(demoCountries))
	}
	for _, c := range demoCountries {
		lists := map[string][]string{"first": c.First, "last": c.Last, "co_prefix": c.CoPrefix, "co_sector": c.CoSector,
			"co_form": c.CoForm, "titles": c.Titles, "fairs": c.Fairs, "mobile": c.Mobile, "fixed": c.Fixed}
		for name, l := range lists {
			if len(l) == 0 {
				t.Errorf("%s: no %s", c.Code, name)
			}
		}
		if c.Code == "" || c.Lang == "" || c.Weight <= 0 || c.CC == "" || c.CC[0] != '+' {
			t.Errorf("%s: code, language, weight or country code missing: %+v", c.Code, c)
		}
	}
}
