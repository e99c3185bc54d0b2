// Package locale is how each language Warmlead speaks writes what is not a
// sentence: its own name, dates, clock times and numbers, and the English
// labels of the consent vocabulary that the translations are keyed by. The
// screens (ui/i18n), the PDF documents (consent/pdfreport) and the emails
// (consent) all read it, so the three cannot drift apart.
//
// It is plain Go with no dependencies inside Warmlead: consent imports it,
// so it must not import consent (the vocabulary codes are plain strings
// here). Every function takes the language code; an unknown or empty code
// is English.
package locale

import (
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// conventions are one language's ways of writing.
type conventions struct {
	code     string
	name     string     // the language's name in itself
	region   string     // the country its speakers' phone numbers default to (ISO 3166-1)
	date     string     // layout of a day
	dayMonth string     // layout of a day and month, for dates this year
	timeSep  string     // between the day and the clock time
	group    string     // thousands separator
	months   [12]string // spelled-out months, for letters
	dayDot   bool       // a letter writes the day with a dot: "1. März 2026"
	nouns    bool       // nouns keep their capital inside a sentence (German)
}

// languages in the order pickers offer them; English first, as the
// fallback. The British day-month-year in English, the numeric forms the
// other four use on screens and in documents; Norwegian and Swedish group
// thousands with a no-break space. The clock is 24 hours everywhere.
var languages = []conventions{
	{code: "en", region: "GB", name: "English", date: "2 Jan 2006", dayMonth: "2 Jan", timeSep: ", ", group: ",",
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
	{code: "nl", region: "NL", name: "Nederlands", date: "2-1-2006", dayMonth: "2-1", timeSep: " ", group: ".",
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}},
	{code: "nb", region: "NO", name: "Norsk bokmål", date: "2.1.2006", dayMonth: "2.1.", timeSep: " kl. ", group: "\u00a0", dayDot: true,
		months: [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}},
	{code: "sv", region: "SE", name: "Svenska", date: "2006-01-02", dayMonth: "2/1", timeSep: " ", group: "\u00a0",
		months: [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}},
	{code: "de", region: "DE", name: "Deutsch", date: "2.1.2006", dayMonth: "2.1.", timeSep: ", ", group: ".", dayDot: true, nouns: true,
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}},
}

var byCode = func() map[string]*conventions {
	m := make(map[string]*conventions, len(languages))
	for i := range languages {
		m[languages[i].code] = &languages[i]
	}
	return m
}()

// of is lang's conventions, English's for anything unknown.
func of(lang string) *conventions {
	if c, ok := byCode[lang]; ok {
		return c
	}
	return &languages[0]
}

// Languages are the codes of the languages Warmlead speaks, in the order a
// language picker offers them (a fresh slice each call).
func Languages() []string {
	out := make([]string, len(languages))
	for i, c := range languages {
		out[i] = c.code
	}
	return out
}

// Names are each language's name in itself, by code, as a language picker
// shows them (a fresh map each call).
func Names() map[string]string {
	m := make(map[string]string, len(languages))
	for _, c := range languages {
		m[c.code] = c.name
	}
	return m
}

// Name is lang's name in itself, "" for a language Warmlead does not speak.
func Name(lang string) string {
	if c, ok := byCode[lang]; ok {
		return c.name
	}
	return ""
}

// Known reports whether Warmlead speaks lang (an exact, lower-case code).
func Known(lang string) bool {
	_, ok := byCode[lang]
	return ok
}

// Region is the country a phone number written without its country code
// is taken to be in, for a user who works in lang: "NL" for Dutch, "GB" for
// English and anything unknown.
func Region(lang string) string { return of(lang).region }

// Supported is lang when Warmlead speaks it, else "en".
func Supported(lang string) string { return of(lang).code }

// Date writes the day of t, in t's location: "23 Nov 2026", "23-11-2026",
// "23.11.2026", "2026-11-23".
func Date(lang string, t time.Time) string { return t.Format(of(lang).date) }

// DateTime writes the day and the clock time: "23 Nov 2026, 14:05",
// "23.11.2026 kl. 14:05".
func DateTime(lang string, t time.Time) string {
	c := of(lang)
	return t.Format(c.date) + c.timeSep + t.Format("15:04")
}

// DateTimeSeconds is DateTime with the seconds, for records of when
// something happened: "23 Nov 2026, 14:05:09".
func DateTimeSeconds(lang string, t time.Time) string {
	c := of(lang)
	return t.Format(c.date) + c.timeSep + t.Format("15:04:05")
}

// DayMonthTime writes a moment close to now (a call-back) without the
// year: "23 Nov, 14:05", "23.11. kl. 14:05".
func DayMonthTime(lang string, t time.Time) string {
	c := of(lang)
	return t.Format(c.dayMonth) + c.timeSep + t.Format("15:04")
}

// LongDate writes a day as a letter does, with the month spelled out so it
// cannot be misread as day/month or month/day: "1 March 2026",
// "1. März 2026".
func LongDate(lang string, t time.Time) string {
	c := of(lang)
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(t.Day()), 10)
	if c.dayDot {
		b = append(b, '.')
	}
	b = append(b, ' ')
	b = append(b, c.months[t.Month()-1]...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(t.Year()), 10)
	return string(b)
}

// Number writes n with the language's thousands separator: "1,234,567",
// "1.234.567", "-1 000" (a no-break space). Identifiers and page numbers
// are not numbers in this sense: write them with strconv.
func Number(lang string, n int) string {
	s := strconv.Itoa(n)
	if n > -1000 && n < 1000 {
		return s
	}
	sep := of(lang).group
	digits := s
	if n < 0 {
		digits = s[1:]
	}
	b := make([]byte, 0, len(s)+len(digits)/3*len(sep))
	if n < 0 {
		b = append(b, '-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, sep...)
		}
		b = append(b, digits[i])
	}
	return string(b)
}

// InSentence turns a label ("Follow-up", "Email") into the form it takes
// inside a sentence ("follow-up", "email"). German nouns keep their capital,
// and so do abbreviations ("SMS") and labels that have none.
func InSentence(lang, label string) string {
	if of(lang).nouns || label == "" {
		return label
	}
	first, n := utf8.DecodeRuneInString(label)
	if second, _ := utf8.DecodeRuneInString(label[n:]); unicode.IsUpper(second) || !unicode.IsUpper(first) {
		return label
	}
	return string(unicode.ToLower(first)) + label[n:]
}
