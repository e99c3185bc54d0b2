package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Issue 8: fuzz targets for the command line's own parsers (dates, ids).
// `make fuzz` runs every Fuzz function in the tree briefly; what a longer
// run finds goes into testdata/fuzz/ as a regression seed.

// refused reports whether the parser refused s; a refusal must be a usage
// error (exit 2) of one line.
func refused(t *testing.T, s string, err error) bool {
	t.Helper()
	if err != nil && (ExitCode(err) != ExitUsage || strings.ContainsAny(err.Error(), "\r\n")) {
		t.Fatalf("%q: %v is not a one-line usage error", s, err)
	}
	return err != nil
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-02", " 2031-01-01\n", "2026-02-30", "2026-3-2", "02-03-2026", "", "0000-01-01", "9999-12-31",
		"2026-03-02T10:00", "+2026-03-02", "2026-03-02\x00", "２０２６-03-02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if refused(t, s, err) {
			return
		}
		// A date is midnight UTC and reads back as what was written.
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("%q gave %v, not midnight UTC", s, d)
		}
		if got := d.Format("2006-01-02"); got != strings.TrimSpace(s) {
			t.Fatalf("%q read as %s", s, got)
		}
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2030-05-01 10:00", "2030-05-01T10:00", "2030-05-01", " 2030-05-01 23:59 ", "2030-05-01 24:00", "2030-05-01 10:60",
		"2030-05-01 10:00:00", "2030-13-01", "", "2030-05-01 1:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDateTime(s)
		if refused(t, s, err) {
			return
		}
		if d.Location() != time.Local || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("%q gave %v: not a local time to the minute", s, d)
		}
		trimmed := strings.TrimSpace(s)
		if d.Format("2006-01-02") != trimmed[:10] {
			t.Fatalf("%q gave the day %s", s, d.Format("2006-01-02"))
		}
		// It must survive the JSON the events are stored as.
		b, _ := json.Marshal(d)
		var back time.Time
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(d) {
			t.Fatalf("%q: %v does not survive JSON: %v", s, d, err)
		}
	})
}

func FuzzParseID(f *testing.F) {
	for _, s := range []string{"1", " 12 ", "0", "-1", "18446744073709551615", "18446744073709551616", "1e3", "0x10", "", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := parseID(s)
		if refused(t, s, err) {
			return
		}
		if n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64); id == 0 || err != nil || n != id {
			t.Fatalf("%q read as id %d", s, id)
		}
	})
}

// Found while fuzzing the settings: "NL" passes Settings.Validate (the
// language check ignores case) but the phone region is looked up by the
// lowercase code, so `init --lang NL` read Dutch numbers as British.
func TestInitNormalisesTheLanguage(t *testing.T) {
	for _, lang := range []string{"NL", " nl "} {
		h := newHarness(t)
		h.must("init", "--rep", "Rita Rep", "--lang", lang)
		h.must("add", "--name", "Dutch Dirk", "--phone", "020 555 0100", "--source", "card")
		var list []struct{ Phone string }
		json.Unmarshal([]byte(h.must("list", "--json")), &list)
		if len(list) != 1 || list[0].Phone != "+31205550100" {
			t.Errorf("init --lang %q: 020 555 0100 stored as %+v, want +31205550100", lang, list)
		}
	}
}
