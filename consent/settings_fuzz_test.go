package consent

import (
	"encoding/json"
	"net/url"
	"strconv"
	"testing"
	"unicode/utf8"
)

// FuzzSettingsValidate feeds Validate what the setup and Settings screens
// and `warmlead init` pass on: free text, and numbers typed as text (the
// screens parse them with strconv.Atoi first). Whatever it accepts is
// within range, tidy, stable under a second Validate and under the JSON
// the store seals it as.
func FuzzSettingsValidate(f *testing.F) {
	f.Add("Rita Rep", "Acme BV", "https://acme.example/privacy", "https://acme.example/prefs", "nl", "12", "10")
	f.Add(" Jørgen ", "", "http://x.example", "", "NB", "120", "480")
	f.Add("", "", "ftp://acme.example", "https://", "xx", "0", "-1")
	f.Add("a\nb", "c\x00d", "https://acme.example/privacy?q=1#x", "javascript:alert(1)", "", "999999999999999999999", "1e3")
	f.Add("R", "C", "https://exa mple.com", "//acme.example", "sv", " 7", "07")
	f.Add("0", "\xc7", "", "", "", "1", "1") // found by fuzzing: invalid UTF-8 does not survive JSON
	f.Fuzz(func(t *testing.T, rep, company, privacy, prefs, lang, retention, idle string) {
		s := Settings{Rep: rep, Company: company, PrivacyURL: privacy, PreferencesURL: prefs, Lang: lang}
		var err error
		if s.RetentionMonths, err = strconv.Atoi(retention); err != nil {
			s.RetentionMonths = DefaultSettings().RetentionMonths
		}
		if s.IdleLockMinutes, err = strconv.Atoi(idle); err != nil {
			s.IdleLockMinutes = DefaultSettings().IdleLockMinutes
		}
		if err := s.Validate(); err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if s.RetentionMonths < 1 || s.RetentionMonths > 120 || s.IdleLockMinutes < 1 || s.IdleLockMinutes > 480 {
			t.Fatalf("out of range accepted: %+v", s)
		}
		if _, err := ParseLanguage(s.Lang); err != nil {
			t.Fatalf("language %q accepted", s.Lang)
		}
		for _, u := range []string{s.PrivacyURL, s.PreferencesURL} {
			if u == "" {
				continue
			}
			p, err := url.Parse(u)
			if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
				t.Fatalf("URL %q accepted", u)
			}
		}
		again := s
		if err := again.Validate(); err != nil || again != s {
			t.Fatalf("a second Validate: %v, %+v -> %+v", err, s, again)
		}
		// Validate leaves only valid text, so it survives JSON (the store
		// seals settings as JSON) unchanged.
		for _, f := range []string{s.Rep, s.Company, s.PrivacyURL, s.PreferencesURL, s.Lang} {
			if !utf8.ValidString(f) {
				t.Fatalf("%q is not valid UTF-8 after Validate", f)
			}
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Settings
		if err := json.Unmarshal(b, &back); err != nil || back.Validate() != nil || back != s {
			t.Fatalf("through JSON: %+v -> %+v (%v)", s, back, err)
		}
	})
}
