package consent

import (
	"fmt"
	"strings"
	"text/template"
	"time"
)

// Message is a sentence for people, kept apart from its values so that a
// screen can show it in the rep's language: Template is the English text in
// text/template syntax with named fields ({{.Who}}), Data holds the values.
// Data values are time.Time (a day), Purpose, Channel, Source, Method,
// strings, ints, or a nested Message (a phrase translated on its own).
//
// The CLI, the JSON output and the tests use String, the English sentence;
// the GUI renders the same Template through its translations (ui/i18n.Text).
type Message struct {
	Template string
	Data     map[string]any
}

// Msg builds a Message from a template and name/value pairs.
func Msg(template string, kv ...any) Message {
	m := Message{Template: template}
	if len(kv) > 0 {
		m.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Data[kv[i].(string)] = kv[i+1]
		}
	}
	return m
}

// String renders the English sentence: days as 2006-01-02 in the time's own
// location, vocabulary as its codes ("follow-up"), nested messages in English.
// A template that fails renders as its raw text, never as an error: a
// sentence is not worth a crash.
func (m Message) String() string {
	if len(m.Data) == 0 {
		return m.Template
	}
	data := make(map[string]string, len(m.Data))
	for k, v := range m.Data {
		data[k] = englishValue(v)
	}
	t, err := template.New("").Option("missingkey=zero").Parse(m.Template)
	if err != nil {
		return m.Template
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return m.Template
	}
	return b.String()
}

func englishValue(v any) string {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.DateOnly)
	case Message:
		return v.String()
	default:
		return fmt.Sprint(v)
	}
}
