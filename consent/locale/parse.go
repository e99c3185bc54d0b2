package locale

import (
	"errors"
	"strings"
	"time"
)

// ErrNotADate says a typed day or moment is in none of the forms the
// language accepts (its own, as Date writes it, or ISO YYYY-MM-DD).
var ErrNotADate = errors.New("not a date")

// dayLayouts are the forms a rep of lang may type a day in: first the one
// the screens show (so what a date field displays reads back), then ISO,
// then the language's common variants. Forms that read differently in
// another language (1/2/2026) are accepted only where they are the
// language's own, never guessed.
func dayLayouts(lang string) []string {
	c := of(lang)
	out := []string{c.date, "2006-01-02"}
	switch c.code {
	case "en":
		out = append(out, "2 January 2006", "02 Jan 2006", "2/1/2006")
	case "nl":
		out = append(out, "02-01-2006", "2-1-06")
	case "nb", "de":
		out = append(out, "02.01.2006", "2.1.06")
	}
	return out
}

// ParseDay reads a day typed in lang's form (or ISO) as midnight in loc
// (UTC when loc is nil): "1-12-2026" in Dutch, "1 Dec 2026" in English.
func ParseDay(lang, s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dayLayouts(lang) {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, ErrNotADate
}

// ParseDateTime reads a day with an optional clock time ("1-12-2026 10:00",
// "1.12.2026 kl. 10:00", "2026-12-01 10:00") in loc. Without a time the
// moment is the day's midnight; hasTime says which it was.
func ParseDateTime(lang, s string, loc *time.Location) (t time.Time, hasTime bool, err error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.Join(strings.Fields(s), " ")
	if day, err := ParseDay(lang, s, loc); err == nil {
		return day, false, nil
	}
	// The clock is the last word; what stands between it and the day is
	// the language's separator (", ", " kl. ") or a plain space or T.
	cut := strings.LastIndexAny(s, " T")
	if cut < 0 {
		return time.Time{}, false, ErrNotADate
	}
	clock, err := time.Parse("15:04", s[cut+1:])
	if err != nil {
		if clock, err = time.Parse("15.04", s[cut+1:]); err != nil {
			return time.Time{}, false, ErrNotADate
		}
	}
	dayPart := strings.TrimSpace(s[:cut])
	for _, sep := range []string{of(lang).timeSep, ",", " kl.", " um", " at"} {
		dayPart = strings.TrimSpace(strings.TrimSuffix(dayPart, strings.TrimSpace(sep)))
	}
	day, err := ParseDay(lang, dayPart, loc)
	if err != nil {
		return time.Time{}, false, ErrNotADate
	}
	return time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, loc), true, nil
}

// DateHint is how a date field of lang says what to type: the displayed
// form of an example day, "1-12-2026" in Dutch.
func DateHint(lang string, example time.Time) string { return Date(lang, example) }
