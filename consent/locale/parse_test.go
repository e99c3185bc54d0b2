package locale_test

import (
	"testing"
	"time"

	"warmlead/consent/locale"
)

func TestParseDayEveryLanguageReadsWhatItShows(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no time zone data")
	}
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, ams)
	for _, lang := range locale.Languages() {
		shown := locale.Date(lang, day)
		got, err := locale.ParseDay(lang, shown, ams)
		if err != nil || !got.Equal(day) {
			t.Errorf("%s: ParseDay(%q) = %v, %v; want %v", lang, shown, got, err, day)
		}
		withTime := locale.DateTime(lang, day.Add(10*time.Hour+30*time.Minute))
		got, has, err := locale.ParseDateTime(lang, withTime, ams)
		if err != nil || !has || !got.Equal(day.Add(10*time.Hour+30*time.Minute)) {
			t.Errorf("%s: ParseDateTime(%q) = %v, %v, %v", lang, withTime, got, has, err)
		}
	}
}

func TestParseDayForms(t *testing.T) {
	cases := []struct {
		lang, in string
		want     string // ISO, "" when it must fail
	}{
		{"nl", "1-12-2026", "2026-12-01"},
		{"nl", "01-12-2026", "2026-12-01"},
		{"nl", "2026-12-01", "2026-12-01"},
		{"nl", " 1-12-2026 ", "2026-12-01"},
		{"nl", "12/1/2026", ""}, // not Dutch: never guessed
		{"en", "1 Dec 2026", "2026-12-01"},
		{"en", "1 December 2026", "2026-12-01"},
		{"en", "1/12/2026", "2026-12-01"},
		{"de", "1.12.2026", "2026-12-01"},
		{"de", "01.12.2026", "2026-12-01"},
		{"nb", "1.12.2026", "2026-12-01"},
		{"sv", "2026-12-01", "2026-12-01"},
		{"sv", "1-12-2026", ""},
		{"nl", "31-2-2026", ""},
		{"nl", "JJJJ-MM-DD", ""},
		{"en", "", ""},
	}
	for _, c := range cases {
		got, err := locale.ParseDay(c.lang, c.in, nil)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%s %q: got %v, want an error", c.lang, c.in, got)
		case c.want != "" && (err != nil || got.Format("2006-01-02") != c.want || got.Location() != time.UTC):
			t.Errorf("%s %q: got %v, %v; want %s UTC", c.lang, c.in, got, err, c.want)
		}
	}
}

func TestParseDateTimeForms(t *testing.T) {
	cases := []struct {
		lang, in string
		want     string
		hasTime  bool
	}{
		{"nl", "1-12-2026 10:00", "2026-12-01 10:00", true},
		{"nl", "1-12-2026", "2026-12-01 00:00", false},
		{"nb", "1.12.2026 kl. 09:15", "2026-12-01 09:15", true},
		{"en", "1 Dec 2026, 14:05", "2026-12-01 14:05", true},
		{"de", "1.12.2026, 14:05", "2026-12-01 14:05", true},
		{"de", "1.12.2026 14.05", "2026-12-01 14:05", true},
		{"sv", "2026-12-01 08:00", "2026-12-01 08:00", true},
		{"en", "2026-12-01T08:00", "2026-12-01 08:00", true},
		{"nl", "1-12-2026 25:00", "", false},
		{"nl", "10:00", "", false},
	}
	for _, c := range cases {
		got, has, err := locale.ParseDateTime(c.lang, c.in, time.UTC)
		if c.want == "" {
			if err == nil {
				t.Errorf("%s %q: got %v, want an error", c.lang, c.in, got)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02 15:04") != c.want || has != c.hasTime {
			t.Errorf("%s %q: got %v, %v, %v; want %s, %v", c.lang, c.in, got, has, err, c.want, c.hasTime)
		}
	}
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"1-12-2026 10:00", "1.12.2026 kl. 09:15", "2026-12-01", "x"} {
		f.Add("nl", s)
	}
	f.Fuzz(func(t *testing.T, lang, s string) {
		got, _, err := locale.ParseDateTime(lang, s, time.UTC)
		if err == nil && got.IsZero() {
			t.Errorf("%q parsed to the zero time", s)
		}
	})
}
