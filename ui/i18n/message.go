package i18n

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
	"warmlead/consent/locale"
)

// Text renders a consent.Message (a decision's reason, a deadline) in the
// language in use: the English template is the translation key, days are
// written the language's way, vocabulary by its labels, nested phrases
// translated on their own. A message with an int Count is looked up with
// lang.N, so its translations give plural forms ("1 maand", "12 maanden").
func Text(m consent.Message) string {
	if len(m.Data) == 0 {
		return lang.L(m.Template)
	}
	data := make(map[string]string, len(m.Data))
	var phrases []string
	for k, v := range m.Data {
		data[k] = value(v)
		if _, ok := v.(consent.Message); ok {
			phrases = append(phrases, data[k])
		}
	}
	var out string
	if n, ok := m.Data["Count"].(int); ok {
		out = lang.N(m.Template, n, data)
	} else {
		out = lang.L(m.Template, data)
	}
	return capitalizePhrases(out, phrases)
}

// capitalizePhrases gives a nested phrase ("this person") a capital where it
// opens the sentence, and in German also where it opens the sentence after
// the leading "Erlaubt:" or "Nicht erlaubt:", as German writes a whole
// sentence after a colon. Names and the words around them are left alone.
func capitalizePhrases(out string, phrases []string) string {
	for _, p := range phrases {
		if p == "" {
			continue
		}
		if strings.HasPrefix(out, p) {
			out = upperFirst(out, 0)
		}
		if Current() != "de" {
			continue
		}
		if i := strings.Index(out, ": "); i >= 0 && strings.HasPrefix(out[i+2:], p) {
			out = upperFirst(out, i+2)
		}
	}
	return out
}

func upperFirst(s string, at int) string {
	r, n := utf8.DecodeRuneInString(s[at:])
	if !unicode.IsLower(r) {
		return s
	}
	return s[:at] + string(unicode.ToUpper(r)) + s[at+n:]
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
func InSentence(label string) string { return locale.InSentence(Current(), label) }
