package i18n

import (
	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
	"warmlead/consent/locale"
)

// The words of the consent vocabulary as screens show them: consent/locale's
// English labels, translated through the vocab.<language>.json files. The
// codes ("follow-up", "cold-call") stay English in the database, the CLI and
// the JSON export; only their labels are translated. A code without a label
// (a purpose the user added) shows as it is.

func label(l string, ok bool, code string) string {
	if ok {
		return lang.L(l)
	}
	return code
}

// Purpose is the label of a purpose in the language in use.
func Purpose(p consent.Purpose) string {
	l, ok := locale.Purpose(p)
	return label(l, ok, string(p))
}

// Channel is the label of a channel.
func Channel(c consent.Channel) string {
	l, ok := locale.Channel(c)
	return label(l, ok, string(c))
}

// Source is the label of where a prospect came from.
func Source(s consent.Source) string {
	l, ok := locale.Source(s)
	return label(l, ok, string(s))
}

// Method is the label of how a consent was obtained.
func Method(m consent.Method) string {
	l, ok := locale.Method(m)
	return label(l, ok, string(m))
}

// Outcome is the label of a call outcome.
func Outcome(o string) string {
	l, ok := locale.Outcome(o)
	return label(l, ok, o)
}

// VocabularyKeys lists the English labels (consent/locale's); the
// translation tests check every file has them.
func VocabularyKeys() []string { return locale.Labels() }
