package vcardin

import (
	"errors"
	"strings"
	"testing"
)

// Warnings and file errors carry a code and their values apart from the
// sentence, and the sentence in English reads as it always did.
func TestReasonsCarryCodesAndValues(t *testing.T) {
	long := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + strings.Repeat("x", 40) +
		"\r\nEMAIL:a@b.example\r\nEMAIL:c@b.example\r\nEMAIL:d@b.example\r\nEND:VCARD\r\n"
	res, err := Parse(strings.NewReader(long), Limits{MaxFieldBytes: 20, MaxValuesPerCard: 2})
	if err != nil || len(res.Warnings) != 2 {
		t.Fatalf("%v %+v", err, res.Warnings)
	}
	want := []struct {
		code   Code
		reason string
		data   map[string]any
	}{
		{CodeDropped, "card 1 had more than 2 emails, phones or names; 1 were dropped", map[string]any{"Number": 1, "Limit": 2, "Dropped": 1}},
		{CodeCut, "card 1 had a value longer than 20 bytes; it was cut", map[string]any{"Number": 1, "Limit": 20}},
	}
	for i, w := range want {
		got := res.Warnings[i]
		if got.Code != w.code || got.Reason != w.reason || got.Msg.String() != w.reason {
			t.Errorf("warning %d: %+v, want %s %q", i, got, w.code, w.reason)
		}
		for k, v := range w.data {
			if got.Msg.Data[k] != v {
				t.Errorf("warning %d: %s is %v, want %v", i, k, got.Msg.Data[k], v)
			}
		}
	}
	for _, c := range []struct {
		in     string
		lim    Limits
		code   Code
		sentry error
		text   string
	}{
		{long, Limits{MaxBytes: 10}, CodeTooLarge, ErrTooLarge, "vCard file is too large: it is over the limit of 10 bytes; split it into smaller files"},
		{long + long, Limits{MaxCards: 1}, CodeTooManyCards, ErrTooManyCards, "vCard file has too many cards: more than 1; split it into smaller files"},
	} {
		_, err := Parse(strings.NewReader(c.in), c.lim)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Code != c.code || !errors.Is(err, c.sentry) || err.Error() != c.text {
			t.Errorf("file error %v (%+v), want %s %q", err, fe, c.code, c.text)
		}
	}
}

// Every sentence is listed for the translation check.
func TestTemplatesListed(t *testing.T) {
	if n := len(Templates()); n != 12 {
		t.Errorf("%d templates", n)
	}
}
