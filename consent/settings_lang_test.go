package consent

import "testing"

// A language typed in capitals is stored as the code everything else reads
// (the phone region, the templates).
func TestSettingsLanguageNormalised(t *testing.T) {
	s := DefaultSettings()
	s.Lang = " NL "
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.Lang != "nl" || RegionForLanguage(s.Lang) != "NL" {
		t.Errorf("lang %q, region %q", s.Lang, RegionForLanguage(s.Lang))
	}
	s.Lang = "fr"
	if s.Validate() == nil {
		t.Error("French was accepted")
	}
}
