package consent

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"time"
)

// Message is a sentence for people, kept apart from its values so that a
// screen can show it in the rep's language: Template is the English text in
// text/template syntax with named fields ({{.Who}}), Data holds the values.
// Data values are time.Time (a day), Purpose, Channel, Source, Method,
// strings, ints, or a nested Message (a phrase translated on its own). An int
// under the key Count makes the sentence countable: its translations give
// plural forms, chosen by that number.
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
	c := compile(m.Template)
	var b strings.Builder
	if c.pieces != nil {
		for i, p := range c.pieces {
			if i%2 == 0 {
				b.WriteString(p)
			} else if v, ok := m.Data[p]; ok {
				b.WriteString(englishValue(v))
			}
		}
		return b.String()
	}
	if c.tmpl == nil {
		return m.Template
	}
	data := make(map[string]string, len(m.Data))
	for k, v := range m.Data {
		data[k] = englishValue(v)
	}
	if err := c.tmpl.Execute(&b, data); err != nil {
		return m.Template
	}
	return b.String()
}

// compiled is a parsed template. One made of text and {{.Field}} fields
// only (every reason of the policy) is kept as pieces: literal, field name,
// literal, ..., literal, which render the same as text/template with
// missingkey=zero, without its reflection. Anything else uses tmpl.
type compiled struct {
	pieces []string
	tmpl   *template.Template // nil when the template does not parse
}

// Compiled templates, by their text: the policy words a sentence for every
// prospect of a list. Templates are constant texts, so the cache stays
// small; maxCompiled guards against a caller that builds them on the fly.
var (
	compiledCache sync.Map // string -> compiled
	numCompiled   atomic.Int32
)

const maxCompiled = 1000

var simpleField = regexp.MustCompile(`\{\{\.(\w+)\}\}`)

func compile(text string) compiled {
	if c, ok := compiledCache.Load(text); ok {
		return c.(compiled)
	}
	var c compiled
	last := 0
	for _, loc := range simpleField.FindAllStringSubmatchIndex(text, -1) {
		c.pieces = append(c.pieces, text[last:loc[0]], text[loc[2]:loc[3]])
		last = loc[1]
	}
	c.pieces = append(c.pieces, text[last:])
	for i := 0; i < len(c.pieces); i += 2 {
		if strings.Contains(c.pieces[i], "{{") {
			c.pieces = nil // an action other than {{.Field}}
			if t, err := template.New("").Option("missingkey=zero").Parse(text); err == nil {
				c.tmpl = t
			}
			break
		}
	}
	if numCompiled.Load() < maxCompiled {
		if _, loaded := compiledCache.LoadOrStore(text, c); !loaded {
			numCompiled.Add(1)
		}
	}
	return c
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
