package pdfreport

import (
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"warmlead/consent"
)

// locale is how a language writes dates and numbers. The conventions are
// the screens' (ui/i18n/format.go), repeated here because this package
// must not depend on the GUI toolkit; a test keeps the two in step.
type locale struct {
	date    string // layout of a day
	timeSep string // between the day and the clock time
	group   string // thousands separator
}

var locales = map[string]locale{
	"en": {date: "2 Jan 2006", timeSep: ", ", group: ","},
	"nl": {date: "2-1-2006", timeSep: " ", group: "."},
	"nb": {date: "2.1.2006", timeSep: " kl. ", group: "\u00a0"},
	"sv": {date: "2006-01-02", timeSep: " ", group: "\u00a0"},
	"de": {date: "2.1.2006", timeSep: ", ", group: "."},
}

// Languages are the languages documents are written in: consent.Languages,
// each with its texts (TestTextsComplete).
func Languages() []string { return slices.Clone(consent.Languages) }

// langOf is the document language m asks for: Lang, else the settings',
// and English for anything unknown.
func langOf(m Meta) string {
	lang := m.Lang
	if lang == "" {
		lang = m.Settings.Lang
	}
	if _, ok := texts[lang]; !ok {
		return "en"
	}
	return lang
}

func (d *doc) date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(d.loc).Format(d.lc.date)
}

func (d *doc) dateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(d.loc)
	return t.Format(d.lc.date) + d.lc.timeSep + t.Format("15:04")
}

func (d *doc) dateTimeSec(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(d.loc)
	return t.Format(d.lc.date) + d.lc.timeSep + t.Format("15:04:05")
}

// filterDate shows a filter bound as given: a date from the command line
// is midnight UTC, which must not turn into the day before in local time.
func (d *doc) filterDate(t time.Time) string { return t.Format(d.lc.date) }

// num writes a count with the language's thousands separator. Identifiers
// (prospect numbers) and page numbers are written without one.
func (d *doc) num(n int) string {
	if n > -1000 && n < 1000 {
		return strconv.Itoa(n)
	}
	s := strconv.Itoa(n)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	b := make([]byte, 0, len(s)+len(s)/3*len(d.lc.group)+1)
	if neg {
		b = append(b, '-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, d.lc.group...)
		}
		b = append(b, s[i])
	}
	return string(b)
}

// inSentence is a vocabulary label ("Newsletter", "Email") as it stands
// inside a sentence: lower case, except German nouns and abbreviations
// ("SMS"), as ui/i18n.InSentence has it.
func (d *doc) inSentence(label string) string {
	if d.lang == "de" || label == "" {
		return label
	}
	first, n := utf8.DecodeRuneInString(label)
	if second, _ := utf8.DecodeRuneInString(label[n:]); unicode.IsUpper(second) || !unicode.IsUpper(first) {
		return label
	}
	return string(unicode.ToLower(first)) + label[n:]
}
