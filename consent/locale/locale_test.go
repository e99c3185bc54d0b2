package locale_test

import (
	"maps"
	"math"
	"slices"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/consent/locale"
)

func TestLanguages(t *testing.T) {
	want := []string{"en", "nl", "nb", "sv", "de"}
	if got := locale.Languages(); !slices.Equal(got, want) {
		t.Fatalf("Languages() = %q, want %q", got, want)
	}
	if !slices.Equal(consent.Languages, want) {
		t.Errorf("consent.Languages = %q, want %q", consent.Languages, want)
	}
	names := map[string]string{"en": "English", "nl": "Nederlands", "nb": "Norsk bokmål", "sv": "Svenska", "de": "Deutsch"}
	if got := locale.Names(); !maps.Equal(got, names) {
		t.Errorf("Names() = %q, want %q", got, names)
	}
	for code, name := range names {
		if got := locale.Name(code); got != name {
			t.Errorf("Name(%q) = %q, want %q", code, got, name)
		}
		if !locale.Known(code) || locale.Supported(code) != code {
			t.Errorf("%q is not known", code)
		}
	}
	regions := map[string]string{"en": "GB", "nl": "NL", "nb": "NO", "sv": "SE", "de": "DE"}
	for code, region := range regions {
		if got := locale.Region(code); got != region {
			t.Errorf("Region(%q) = %q, want %q", code, got, region)
		}
	}
	for _, code := range []string{"", "fr", "EN", " de", "no", "nn"} {
		if locale.Known(code) || locale.Name(code) != "" || locale.Supported(code) != "en" || locale.Region(code) != "GB" {
			t.Errorf("%q: Known %v, Name %q, Supported %q, Region %q; want false, \"\", en, GB",
				code, locale.Known(code), locale.Name(code), locale.Supported(code), locale.Region(code))
		}
	}
	// The results are copies: a caller that changes them changes nothing here.
	l, n := locale.Languages(), locale.Names()
	l[0], n["en"] = "xx", "Xx"
	if locale.Languages()[0] != "en" || locale.Name("en") != "English" {
		t.Error("changing a returned slice or map changed the package's")
	}
}

func TestFormatsPerLanguage(t *testing.T) {
	at := time.Date(2026, 11, 3, 14, 5, 9, 0, time.UTC)
	cases := []struct {
		lang                                              string
		date, dateTime, dateTimeSec, dayMonth, long       string
		million, thousand, small, negThousand, negMillion string
	}{
		{"en", "3 Nov 2026", "3 Nov 2026, 14:05", "3 Nov 2026, 14:05:09", "3 Nov, 14:05", "3 November 2026",
			"1,234,567", "1,000", "999", "-1,000", "-1,234,567"},
		{"nl", "3-11-2026", "3-11-2026 14:05", "3-11-2026 14:05:09", "3-11 14:05", "3 november 2026",
			"1.234.567", "1.000", "999", "-1.000", "-1.234.567"},
		{"nb", "3.11.2026", "3.11.2026 kl. 14:05", "3.11.2026 kl. 14:05:09", "3.11. kl. 14:05", "3. november 2026",
			"1\u00a0234\u00a0567", "1\u00a0000", "999", "-1\u00a0000", "-1\u00a0234\u00a0567"},
		{"sv", "2026-11-03", "2026-11-03 14:05", "2026-11-03 14:05:09", "3/11 14:05", "3 november 2026",
			"1\u00a0234\u00a0567", "1\u00a0000", "999", "-1\u00a0000", "-1\u00a0234\u00a0567"},
		{"de", "3.11.2026", "3.11.2026, 14:05", "3.11.2026, 14:05:09", "3.11., 14:05", "3. November 2026",
			"1.234.567", "1.000", "999", "-1.000", "-1.234.567"},
	}
	for _, c := range cases {
		got := []string{
			locale.Date(c.lang, at), locale.DateTime(c.lang, at), locale.DateTimeSeconds(c.lang, at),
			locale.DayMonthTime(c.lang, at), locale.LongDate(c.lang, at),
			locale.Number(c.lang, 1234567), locale.Number(c.lang, 1000), locale.Number(c.lang, 999),
			locale.Number(c.lang, -1000), locale.Number(c.lang, -1234567),
		}
		want := []string{c.date, c.dateTime, c.dateTimeSec, c.dayMonth, c.long,
			c.million, c.thousand, c.small, c.negThousand, c.negMillion}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got  %q\n want %q", c.lang, got, want)
		}
	}
}

// Anything Warmlead does not speak is written the English way.
func TestUnknownLanguageIsEnglish(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	for _, lang := range []string{"", "fr", "EN", "de-AT", "nn"} {
		got := []string{locale.Date(lang, at), locale.DateTime(lang, at), locale.DateTimeSeconds(lang, at),
			locale.DayMonthTime(lang, at), locale.LongDate(lang, at), locale.Number(lang, -4200), locale.InSentence(lang, "Newsletter")}
		want := []string{"1 Mar 2026", "1 Mar 2026, 09:30", "1 Mar 2026, 09:30:00", "1 Mar, 09:30", "1 March 2026", "-4,200", "newsletter"}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got  %q\n want %q", lang, got, want)
		}
	}
}

// A time is written in its own location: callers choose local time (the
// screens) or the document's zone (the PDFs).
func TestFormatsKeepLocation(t *testing.T) {
	amsterdam := time.FixedZone("CET", 3600)
	at := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC) // 1 Jan 2027 00:30 in Amsterdam
	if got := locale.DateTime("nl", at); got != "31-12-2026 23:30" {
		t.Errorf("UTC: %q", got)
	}
	if got := locale.DateTime("nl", at.In(amsterdam)); got != "1-1-2027 00:30" {
		t.Errorf("CET: %q", got)
	}
	if got := locale.LongDate("de", at.In(amsterdam)); got != "1. Januar 2027" {
		t.Errorf("CET long: %q", got)
	}
}

func TestNumberEdges(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {-7, "-7"}, {999, "999"}, {-999, "-999"}, {1000, "1,000"}, {-1000, "-1,000"},
		{12345, "12,345"}, {-123456, "-123,456"}, {1000000, "1,000,000"},
		{math.MaxInt64, "9,223,372,036,854,775,807"}, {math.MinInt64, "-9,223,372,036,854,775,808"},
	} {
		if got := locale.Number("en", c.n); got != c.want {
			t.Errorf("Number(en, %d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := locale.Number("nb", math.MinInt64); got != "-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808" {
		t.Errorf("Number(nb, MinInt64) = %q", got)
	}
}

// Every month of a letter date, in every language.
func TestLongDateMonths(t *testing.T) {
	want := map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		"nb": {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
		"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	}
	dot := map[string]string{"nb": ".", "de": "."}
	for _, lang := range locale.Languages() {
		for m := time.January; m <= time.December; m++ {
			got := locale.LongDate(lang, time.Date(2026, m, 15, 12, 0, 0, 0, time.UTC))
			if w := "15" + dot[lang] + " " + want[lang][m-1] + " 2026"; got != w {
				t.Errorf("%s month %d: %q, want %q", lang, m, got, w)
			}
		}
	}
}

func TestInSentence(t *testing.T) {
	for _, c := range []struct{ lang, label, want string }{
		{"en", "Follow-up", "follow-up"},
		{"en", "SMS", "SMS"},
		{"en", "", ""},
		{"en", "email", "email"},
		{"en", "E-mail", "e-mail"},
		{"nl", "Nieuwsbrief", "nieuwsbrief"},
		{"nb", "Øvrig", "øvrig"},
		{"sv", "Ändamål", "ändamål"},
		{"de", "Newsletter", "Newsletter"},
		{"de", "SMS", "SMS"},
		{"en", "1st call", "1st call"},
		{"en", "\xffbad", "\xffbad"}, // not UTF-8: left as it is
	} {
		if got := locale.InSentence(c.lang, c.label); got != c.want {
			t.Errorf("InSentence(%q, %q) = %q, want %q", c.lang, c.label, got, c.want)
		}
	}
}

// The labels are the translation files' keys: each is pinned here, so a
// change is deliberate (and needs every vocab.<language>.json changed too).
func TestLabels(t *testing.T) {
	type row struct {
		code, label string
	}
	cases := []struct {
		kind  string
		get   func(string) (string, bool)
		codes []string
		want  []row
	}{
		{"purpose", locale.Purpose[string], strs(consent.Purposes), []row{
			{"follow-up", "Follow-up"}, {"newsletter", "Newsletter"}, {"product-info", "Product information"},
			{"events", "Events"}, {"offers", "Offers"}, {"third-party-sharing", "Third-party sharing"}, {"tracking", "Email tracking"}}},
		{"channel", locale.Channel[string], strs(consent.Channels), []row{
			{"email", "Email"}, {"phone", "Phone"}, {"sms", "SMS"}, {"post", "Post"}}},
		{"source", locale.Source[string], strs(consent.Sources), []row{
			{"card", "Business card"}, {"referral", "Referral"}, {"cold-call", "Cold call"}, {"list", "Purchased list"},
			{"inbound", "Inbound (web form)"}, {"customer", "Customer"}, {"social", "Social network"}, {"address-book", "Address book"}}},
		{"method", locale.Method[string], strs(consent.Methods), []row{
			{"web-form", "Web form"}, {"email-reply", "Email reply"}, {"signed", "Signed form"}, {"recorded-call", "Recorded call"},
			{"verbal-confirmed-by-email", "Said on the phone, confirmed by email"}, {"vendor-proof", "List vendor's proof"}}},
		{"outcome", locale.Outcome[string], consent.Outcomes, []row{
			{"reached", "Reached"}, {"no-answer", "No answer"}, {"voicemail", "Voicemail"}, {"call-back", "Call back"},
			{"not-interested", "Not interested"}, {"do-not-call", "Do not call me"}}},
	}
	var all []string
	for _, c := range cases {
		var codes []string
		for _, r := range c.want {
			codes = append(codes, r.code)
			got, ok := c.get(r.code)
			if !ok || got != r.label {
				t.Errorf("%s %q: label %q (%v), want %q", c.kind, r.code, got, ok, r.label)
			}
			all = append(all, r.label)
		}
		// Every code consent has, and no other, has a label.
		if !slices.Equal(codes, c.codes) {
			t.Errorf("%s: the table lists %q, consent has %q", c.kind, codes, c.codes)
		}
		if table := slices.Sorted(maps.Keys(locale.LabelTables[c.kind])); !slices.Equal(table, slices.Sorted(slices.Values(c.codes))) {
			t.Errorf("%s: labels for %q, consent has %q", c.kind, table, c.codes)
		}
		if l, ok := c.get("no-such-" + c.kind); ok || l != "" {
			t.Errorf("%s: an unknown code has the label %q", c.kind, l)
		}
	}
	// The typed codes work as they are.
	if l, _ := locale.Purpose(consent.PurposeThirdParty); l != "Third-party sharing" {
		t.Errorf("Purpose(consent.PurposeThirdParty) = %q", l)
	}
	if l, _ := locale.Method(consent.MethodVerbalEmail); l != "Said on the phone, confirmed by email" {
		t.Errorf("Method(consent.MethodVerbalEmail) = %q", l)
	}
	if got := slices.Sorted(slices.Values(locale.Labels())); !slices.Equal(got, slices.Sorted(slices.Values(all))) {
		t.Errorf("Labels() = %q, want %q", got, all)
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
