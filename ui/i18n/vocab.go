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

// label translates code's English label, found by get.
func label[T ~string](get func(T) (string, bool), code T) string {
	if l, ok := get(code); ok {
		return lang.L(l)
	}
	return string(code)
}

// Purpose is the label of a purpose in the language in use.
func Purpose(p consent.Purpose) string { return label(locale.Purpose[consent.Purpose], p) }

// Channel is the label of a channel.
func Channel(c consent.Channel) string { return label(locale.Channel[consent.Channel], c) }

// Source is the label of where a prospect came from.
func Source(s consent.Source) string { return label(locale.Source[consent.Source], s) }

// Method is the label of how a consent was obtained.
func Method(m consent.Method) string { return label(locale.Method[consent.Method], m) }

// Outcome is the label of a call outcome.
func Outcome(o string) string { return label(locale.Outcome[string], o) }

// VocabularyKeys lists the English labels (consent/locale's); the
// translation tests check every file has them.
func VocabularyKeys() []string { return locale.Labels() }
