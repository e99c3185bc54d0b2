package usecase

import (
	"errors"
	"sort"
	"sync"

	"warmlead/consent"
	"warmlead/store"
)

// Code says what kind of refusal or failure an Error is, for the commands'
// exit codes and for screens that branch (a duplicate offers a merge).
type Code string

// The codes.
const (
	CodeInvalid      Code = "invalid"      // the input is wrong (the CLI's usage error, exit 2)
	CodeBadValue     Code = "bad-value"    // a value does not validate (an email, a phone): the form says so, exit 1
	CodeNotFound     Code = "not-found"    // no prospect or record with that id
	CodeBlocked      Code = "blocked"      // the policy refuses (exit 3)
	CodePrecondition Code = "precondition" // right input, wrong moment (no reached call yet)
	CodeDuplicate    Code = "duplicate"    // the person is already there
	CodeSuppressed   Code = "suppressed"   // the person was erased and may not come back
	CodeFailed       Code = "failed"       // the store or the file system failed
)

// Error is a use case's answer when it did nothing: a code and a sentence
// kept apart from its values (consent.Message), so the GUI shows it in the
// rep's language (ui/i18n.Text) and the CLI prints Error(), the English
// sentence, byte for byte as before. Err is the cause, when there is one.
type Error struct {
	Code Code
	Msg  consent.Message
	Err  error
}

func (e *Error) Error() string { return e.Msg.String() }
func (e *Error) Unwrap() error { return e.Err }

// Template is a use case sentence with its code. Every Template is declared
// as a package variable through newTemplate, so Templates can list them all
// and a test checks each is translated (assets/translations/errors.*.json).
type Template struct {
	Code Code
	Text string
}

var (
	templatesMu sync.Mutex
	templates   = map[string]Code{}
)

func newTemplate(code Code, text string) Template {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	templates[text] = code
	return Template{Code: code, Text: text}
}

// New makes the Error with the template's values: name/value pairs as
// consent.Msg takes them.
func (t Template) New(kv ...any) *Error {
	return &Error{Code: t.Code, Msg: consent.Msg(t.Text, kv...)}
}

// Wrap is New with a cause that errors.Is and errors.As find.
func (t Template) Wrap(cause error, kv ...any) *Error {
	e := t.New(kv...)
	e.Err = cause
	return e
}

// Templates lists the text of every Template, sorted.
func Templates() []string {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	out := make([]string, 0, len(templates))
	for t := range templates {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// CodeOf is err's code: its Error's, the store's not-found, duplicate and
// suppression errors as such, anything else CodeFailed (nil: "").
func CodeOf(err error) Code {
	var ue *Error
	var dup *store.DuplicateError
	var sup *store.SuppressedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ue):
		return ue.Code
	case errors.Is(err, store.ErrNotFound):
		return CodeNotFound
	case errors.As(err, &dup):
		return CodeDuplicate
	case errors.As(err, &sup):
		return CodeSuppressed
	}
	return CodeFailed
}
