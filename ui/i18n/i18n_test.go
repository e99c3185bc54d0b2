package i18n

import (
	"bytes"
	"log"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
)

func TestSystemLanguage(t *testing.T) {
	cases := []struct {
		name                           string
		lcAll, lcMessages, lang, langs string
		want                           string
	}{
		{"unset", "", "", "", "", "en"},
		{"C", "", "", "C", "", "en"},
		{"C.UTF-8 as in containers", "", "", "C.UTF-8", "de", "en"},
		{"POSIX in LC_ALL hides LANGUAGE", "POSIX", "", "nl_NL.UTF-8", "nl", "en"},
		{"Dutch", "", "", "nl_NL.UTF-8", "", "nl"},
		{"Belgian Dutch", "", "", "nl_BE.UTF-8", "", "nl"},
		{"Norwegian bokmål", "", "", "nb_NO.UTF-8", "", "nb"},
		{"Norwegian, old code", "", "", "no_NO.UTF-8", "", "nb"},
		{"Nynorsk reads bokmål", "", "", "nn_NO.UTF-8", "", "nb"},
		{"Swedish in Finland", "", "", "sv_FI.UTF-8", "", "sv"},
		{"Austrian German", "de_AT.UTF-8", "", "en_GB.UTF-8", "", "de"},
		{"LC_MESSAGES before LANG", "", "sv_SE.UTF-8", "de_DE.UTF-8", "", "sv"},
		{"LANGUAGE list, first spoken wins", "", "", "fr_FR.UTF-8", "fr:de:en", "de"},
		{"French is not spoken", "", "", "fr_FR.UTF-8", "", "en"},
		{"Japanese is not spoken", "", "", "ja_JP.UTF-8", "", "en"},
		{"malformed", "", "", "xx_YY", "", "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("LC_ALL", c.lcAll)
			t.Setenv("LC_MESSAGES", c.lcMessages)
			t.Setenv("LANG", c.lang)
			t.Setenv("LANGUAGE", c.langs)
			if got := detect(); got != c.want {
				t.Errorf("detect() = %q, want %q", got, c.want)
			}
		})
	}
}

func TestPick(t *testing.T) {
	sysOnce.Do(func() { sys = "sv" })
	if sys != "sv" {
		t.Skip("system language already read")
	}
	for setting, want := range map[string]string{"de": "de", "nb": "nb", "": "sv", "fr": "sv", " ": "sv"} {
		if got := Pick(setting); got != want {
			t.Errorf("Pick(%q) = %q, want %q", setting, got, want)
		}
	}
}

// Switching language changes what lang.L returns, including Fyne's own
// dialog buttons in the two languages Fyne does not ship (nl, nb), and a C
// locale logs no error.
func TestUseSwitchesLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "C")
	t.Setenv("LANGUAGE", "")
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	defer Use("en")
	want := map[string][2]string{
		"en": {"Phone", "Cancel"}, "nl": {"Telefoon", "Annuleren"}, "nb": {"Telefon", "Avbryt"},
		"sv": {"Telefon", "Avbryt"}, "de": {"Telefon", "Abbrechen"}, "fr": {"Phone", "Cancel"},
	}
	for _, code := range []string{"nl", "nb", "sv", "de", "en", "fr"} {
		Use(code)
		if got := Channel(consent.ChannelPhone); got != want[code][0] {
			t.Errorf("%s: phone = %q, want %q", code, got, want[code][0])
		}
		if got := lang.L("Cancel"); got != want[code][1] {
			t.Errorf("%s: Cancel = %q, want %q", code, got, want[code][1])
		}
	}
	if Current() != "en" {
		t.Errorf("an unknown language should mean English, got %q", Current())
	}
	if logged.Len() > 0 {
		t.Errorf("switching languages logged: %s", logged.String())
	}
}

func TestFormats(t *testing.T) {
	defer Use("en")
	t.Setenv("TZ", "")
	at := time.Date(2026, 3, 4, 14, 5, 0, 0, time.Local)
	want := map[string][3]string{
		"en": {"4 Mar 2026", "4 Mar 2026, 14:05", "1,234,567"},
		"nl": {"4-3-2026", "4-3-2026 14:05", "1.234.567"},
		"nb": {"4.3.2026", "4.3.2026 kl. 14:05", "1\u00a0234\u00a0567"},
		"sv": {"2026-03-04", "2026-03-04 14:05", "1\u00a0234\u00a0567"},
		"de": {"4.3.2026", "4.3.2026, 14:05", "1.234.567"},
	}
	for _, code := range Languages {
		Use(code)
		got := [3]string{Date(at), DateTime(at), Number(1234567)}
		if got != want[code] {
			t.Errorf("%s: got %q, want %q", code, got, want[code])
		}
	}
	Use("en")
	for n, s := range map[int]string{0: "0", 12: "12", 999: "999", 1000: "1,000", -4200: "-4,200"} {
		if got := Number(n); got != s {
			t.Errorf("Number(%d) = %q, want %q", n, got, s)
		}
	}
}
