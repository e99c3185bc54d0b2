package pdfreport

import (
	"time"

	"warmlead/consent/locale"
)

// Dates, numbers and the list of languages are consent/locale's, the same
// conventions the screens and the emails use; the words are this package's
// (texts*.go), the wording of documents.

// Languages are the languages documents are written in: consent/locale's,
// each with its texts (TestTextsComplete).
func Languages() []string { return locale.Languages() }

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
	return locale.Date(d.lang, t.In(d.loc))
}

func (d *doc) dateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return locale.DateTime(d.lang, t.In(d.loc))
}

func (d *doc) dateTimeSec(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return locale.DateTimeSeconds(d.lang, t.In(d.loc))
}

// filterDate shows a filter bound as given: a date from the command line
// is midnight UTC, which must not turn into the day before in local time.
func (d *doc) filterDate(t time.Time) string { return locale.Date(d.lang, t) }

// num writes a count with the language's thousands separator. Identifiers
// (prospect numbers) and page numbers are written without one.
func (d *doc) num(n int) string { return locale.Number(d.lang, n) }

// inSentence is a vocabulary label ("Newsletter", "Email") as it stands
// inside a sentence: lower case, except German nouns and abbreviations
// ("SMS"), as on the screens.
func (d *doc) inSentence(label string) string { return locale.InSentence(d.lang, label) }
