package i18n

import (
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
)

// Text renders a consent.Message (a decision's reason, a deadline) in the
// language in use: the English template is the translation key, days are
// written the language's way, vocabulary by its labels, nested phrases
// translated on their own.
func Text(m consent.Message) string {
	if len(m.Data) == 0 {
		return lang.L(m.Template)
	}
	data := make(map[string]string, len(m.Data))
	for k, v := range m.Data {
		data[k] = value(v)
	}
	return lang.L(m.Template, data)
}

// TextOr renders m, or returns english when m is empty (a sentence that has
// no structured form yet).
func TextOr(m consent.Message, english string) string {
	if m.Template == "" {
		return english
	}
	return Text(m)
}

func value(v any) string {
	switch v := v.(type) {
	case consent.Message:
		return Text(v)
	case time.Time:
		return Date(v)
	case consent.Purpose:
		return InSentence(Purpose(v))
	case consent.Channel:
		return InSentence(Channel(v))
	case consent.Source:
		return InSentence(Source(v))
	case consent.Method:
		return InSentence(Method(v))
	case int:
		return Number(v)
	case string:
		return v
	default:
		return consent.Msg("{{.V}}", "V", v).String()
	}
}

// InSentence turns a label ("Follow-up") into the form it takes inside a
// sentence ("follow-up"). German nouns keep their capital, and so do
// abbreviations ("SMS").
func InSentence(label string) string {
	if Current() == "de" || label == "" {
		return label
	}
	first, n := utf8.DecodeRuneInString(label)
	if second, _ := utf8.DecodeRuneInString(label[n:]); unicode.IsUpper(second) {
		return label
	}
	return string(unicode.ToLower(first)) + label[n:]
}
