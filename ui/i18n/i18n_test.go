package i18n

import (
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
	logged := inCLocale(t)
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
	want := map[string][5]string{
		"en": {"4 Mar 2026", "4 Mar 2026, 14:05", "4 Mar, 14:05", "1,234,567", "-4,200"},
		"nl": {"4-3-2026", "4-3-2026 14:05", "4-3 14:05", "1.234.567", "-4.200"},
		"nb": {"4.3.2026", "4.3.2026 kl. 14:05", "4.3. kl. 14:05", "1\u00a0234\u00a0567", "-4\u00a0200"},
		"sv": {"2026-03-04", "2026-03-04 14:05", "4/3 14:05", "1\u00a0234\u00a0567", "-4\u00a0200"},
		"de": {"4.3.2026", "4.3.2026, 14:05", "4.3., 14:05", "1.234.567", "-4.200"},
	}
	for _, code := range Languages {
		Use(code)
		got := [5]string{Date(at), DateTime(at), DayMonthTime(at), Number(1234567), Number(-4200)}
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
	// Screens write local time: a UTC instant shows as the local day.
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	local := time.Local
	time.Local = auckland
	defer func() { time.Local = local }()
	if got := DateTime(time.Date(2026, 3, 4, 23, 0, 0, 0, time.UTC)); got != "5 Mar 2026, 12:00" {
		t.Errorf("DateTime in Auckland = %q", got)
	}
}

// The labels screens show are consent/locale's, translated; a code without
// one shows as it is, and InSentence follows the language in use.
func TestVocabularyLabels(t *testing.T) {
	defer Use("en")
	Use("en")
	for _, c := range []struct{ got, want string }{
		{Purpose(consent.PurposeThirdParty), "Third-party sharing"},
		{Channel(consent.ChannelSMS), "SMS"},
		{Source(consent.SourceList), "Purchased list"},
		{Method(consent.MethodVerbalEmail), "Said on the phone, confirmed by email"},
		{Outcome(consent.OutcomeDoNotCall), "Do not call me"},
		{Purpose("trade-fair-invites"), "trade-fair-invites"},
		{Channel("fax"), "fax"},
		{Source("odd"), "odd"},
		{Method("odd"), "odd"},
		{Outcome("odd"), "odd"},
		{InSentence(Purpose(consent.PurposeNewsletter)), "newsletter"},
		{InSentence(Channel(consent.ChannelSMS)), "SMS"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	Use("de")
	if got := InSentence(Purpose(consent.PurposeNewsletter)); got != "Newsletter" {
		t.Errorf("de: InSentence(newsletter) = %q", got)
	}
	if got := Purpose(consent.PurposeFollowUp); got == "Follow-up" || got == "" {
		t.Errorf("de: follow-up is %q", got)
	}
	if len(VocabularyKeys()) != len(consent.Purposes)+len(consent.Channels)+len(consent.Sources)+len(consent.Methods)+len(consent.Outcomes) {
		t.Errorf("VocabularyKeys has %d labels", len(VocabularyKeys()))
	}
}
