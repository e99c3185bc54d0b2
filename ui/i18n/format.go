package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Each language's own way of writing a date: the British day-month-year in
// English, the numeric forms the other four use on screens and letters.
var (
	dateLayout = map[string]string{
		"en": "2 Jan 2006", "nl": "2-1-2006", "nb": "2.1.2006", "sv": "2006-01-02", "de": "2.1.2006",
	}
	shortLayout = map[string]string{ // day and month, for dates this year
		"en": "2 Jan", "nl": "2-1", "nb": "2.1.", "sv": "2/1", "de": "2.1.",
	}
	timeSep = map[string]string{"en": ", ", "nl": " ", "nb": " kl. ", "sv": " ", "de": ", "}
	// Thousands separators; Norwegian and Swedish use a no-break space.
	group = map[string]string{"en": ",", "nl": ".", "nb": "\u00a0", "sv": "\u00a0", "de": "."}
)

// Date writes t as a day in the language in use, in local time.
func Date(t time.Time) string {
	return t.Local().Format(dateLayout[Current()])
}

// DateTime writes day and clock time (24 hours in all five languages).
func DateTime(t time.Time) string {
	l := Current()
	t = t.Local()
	return t.Format(dateLayout[l]) + timeSep[l] + t.Format("15:04")
}

// DayMonthTime writes a date close to now (a call-back) without the year.
func DayMonthTime(t time.Time) string {
	l := Current()
	t = t.Local()
	return t.Format(shortLayout[l]) + timeSep[l] + t.Format("15:04")
}

// Number writes n with the language's thousands separator.
func Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sep := group[Current()]
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
