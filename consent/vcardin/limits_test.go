package vcardin

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHugeNameIsCapped(t *testing.T) {
	big := strings.Repeat("ø", 512<<10) // 1 MB of two-byte runes
	for _, line := range []string{
		"FN:" + big,
		"N:" + big + ";" + big,
		"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + strings.Repeat("=C3=B8", 512<<10),
	} {
		res := parseString(t, card("3.0", line, "EMAIL:a@example.com")+card("3.0", "FN:Next"))
		if len(res.Cards) != 2 || res.Cards[1].Name != "Next" {
			t.Fatalf("cards %d", len(res.Cards))
		}
		name := res.Cards[0].Name
		if max := DefaultLimits().MaxFieldBytes; len(name) > max || len(name) < max-8 || !utf8.ValidString(name) {
			t.Errorf("name is %d bytes (valid UTF-8 %v), want about %d", len(name), utf8.ValidString(name), max)
		}
		if len(res.Warnings) != 1 || res.Warnings[0].Number != 1 || !strings.Contains(res.Warnings[0].Reason, "was cut") {
			t.Errorf("warnings %v", res.Warnings)
		}
	}
}

func TestManyEmailsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n")
	for i := range 10_000 {
		fmt.Fprintf(&b, "EMAIL:user%d@example.com\r\nTEL:+31 20 555 %04d\r\n", i, i)
	}
	b.WriteString("EMAIL;TYPE=WORK:late-work@example.com\r\nEND:VCARD\r\n")
	res := parseString(t, b.String())
	c := res.Cards[0]
	max := DefaultLimits().MaxValuesPerCard
	if len(c.Emails) != max || len(c.Phones) != max || c.Emails[0] != "user0@example.com" || c.Email != "user0@example.com" {
		t.Errorf("%d emails, %d phones, preferred %q", len(c.Emails), len(c.Phones), c.Email)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Reason, "were dropped") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestOverMaxBytes(t *testing.T) {
	in := strings.Repeat(card("3.0", "FN:Filler Person"), 100)
	lim := Limits{MaxBytes: int64(len(in) - 1)}
	res, err := Parse(strings.NewReader(in), lim)
	if !errors.Is(err, ErrTooLarge) || len(res.Cards) != 0 {
		t.Fatalf("err %v, %d cards", err, len(res.Cards))
	}
	if !strings.Contains(err.Error(), "limit") {
		t.Errorf("error %q does not say what the limit is", err)
	}
	lim.MaxBytes = int64(len(in))
	if res, err := Parse(strings.NewReader(in), lim); err != nil || len(res.Cards) != 100 {
		t.Errorf("at the limit: err %v, %d cards", err, len(res.Cards))
	}
}

// endless never ends; Parse must stop reading once past MaxBytes.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "BEGIN:VCARD\r\n"[e.n%13]
		e.n++
	}
	return len(p), nil
}

func TestEndlessInputStops(t *testing.T) {
	r := &endless{}
	_, err := Parse(r, Limits{MaxBytes: 1 << 20})
	if !errors.Is(err, ErrTooLarge) || r.n > 2<<20 {
		t.Errorf("err %v after %d bytes", err, r.n)
	}
}

func TestOverMaxCards(t *testing.T) {
	in := strings.Repeat(card("3.0", "FN:X"), 11)
	if _, err := Parse(strings.NewReader(in), Limits{MaxCards: 10}); !errors.Is(err, ErrTooManyCards) {
		t.Errorf("11 cards, limit 10: err %v", err)
	}
	if res, err := Parse(strings.NewReader(in), Limits{MaxCards: 11}); err != nil || len(res.Cards) != 11 {
		t.Errorf("11 cards, limit 11: err %v", err)
	}
	// Cards without END count too.
	if _, err := Parse(strings.NewReader(strings.Repeat("BEGIN:VCARD\nFN:X\n", 11)), Limits{MaxCards: 10}); !errors.Is(err, ErrTooManyCards) {
		t.Errorf("11 open cards, limit 10: err %v", err)
	}
}

func TestLongFoldedHeadIsLinear(t *testing.T) {
	// A head whose parameters never end, folded over 200,000 lines, each
	// with a ":" inside an unterminated quote.
	var b bytes.Buffer
	b.WriteString("BEGIN:VCARD\nVERSION:3.0\nFN:Quick\nX-A;P=\"")
	for range 200_000 {
		b.WriteString(" a:b\n")
	}
	b.WriteString("END:VCARD\n")
	res, err := Parse(&b, DefaultLimits())
	if err != nil || len(res.Cards) != 1 || res.Cards[0].Name != "Quick" {
		t.Fatalf("err %v, %+v", err, res.Cards)
	}
}
