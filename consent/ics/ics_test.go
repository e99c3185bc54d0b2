package ics_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"

	"warmlead/consent/ics"
)

var stamp = time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)

func entries() []ics.Entry {
	ams := time.FixedZone("CET", 3600)
	return []ics.Entry{
		{UID: "task-42-7@warmlead", Start: time.Date(2026, 12, 2, 10, 0, 0, 0, ams), Summary: "Call back 黄世勇 (Acme; Ltd, \"Europe\")",
			Description: "Agreed: send the price list, then call; about the renewal.\nPhone: +31 20 555 0100\n" + strings.Repeat("ø long line ", 20),
			Reminder:    15 * time.Minute},
		{UID: "task-43-2@warmlead", Start: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), Duration: time.Hour, Summary: "Next step\nwith Jane"},
	}
}

// TestEncodeIsStrictRFC5545 checks the raw text: CRLF line ends, no line
// over 75 octets, folds that do not split a UTF-8 character, the required
// properties once per event, UTC times.
func TestEncodeIsStrictRFC5545(t *testing.T) {
	b, err := ics.Encode(entries(), stamp)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) || !bytes.HasPrefix(b, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Fatalf("not one VCALENDAR:\n%s", b)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var unfolded []string
	for i, l := range lines {
		if strings.Contains(l, "\n") || strings.Contains(l, "\r") {
			t.Fatalf("line %d has a bare line end: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	count := map[string]int{}
	for _, l := range unfolded {
		name, _, _ := strings.Cut(l, ":")
		name, _, _ = strings.Cut(name, ";")
		count[name]++
	}
	for name, want := range map[string]int{"VERSION": 1, "PRODID": 1, "UID": 2, "DTSTAMP": 2, "DTSTART": 2, "DTEND": 2, "SUMMARY": 2 + 0, "BEGIN": 4, "TRIGGER": 1} {
		if count[name] != want {
			t.Errorf("%s appears %d times, want %d", name, count[name], want)
		}
	}
	joined := strings.Join(unfolded, "\n")
	for _, want := range []string{
		"DTSTART:20261202T090000Z", "DTEND:20261202T091500Z", "DTSTAMP:20261201T230000Z", "DTEND:20261203T103000Z",
		`SUMMARY:Call back 黄世勇 (Acme\; Ltd\, "Europe")`, "SUMMARY:Next step with Jane", `DESCRIPTION:Agreed: send the price list\, then call\; about the renewal.\nPhone`,
		"TRIGGER:-PT15M", "UID:task-42-7@warmlead",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in\n%s", want, joined)
		}
	}
}

// TestEncodeParsesBack reads the file with the library's parser: what was
// written is what a calendar program reads.
func TestEncodeParsesBack(t *testing.T) {
	b, err := ics.Encode(entries(), stamp)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	for i, e := range entries() {
		ev := evs[i]
		if ev.Id() != e.UID {
			t.Errorf("event %d: UID %q, want %q", i, ev.Id(), e.UID)
		}
		if got, err := ev.GetStartAt(); err != nil || !got.Equal(e.Start) {
			t.Errorf("event %d: start %v, %v; want %v", i, got, err, e.Start)
		}
		if got := ev.GetProperty(ical.ComponentPropertySummary).Value; got != strings.Join(strings.Fields(e.Summary), " ") {
			t.Errorf("event %d: summary %q", i, got)
		}
		if e.Description != "" {
			if got := ev.GetProperty(ical.ComponentPropertyDescription).Value; got != e.Description {
				t.Errorf("event %d: description %q, want %q", i, got, e.Description)
			}
		}
	}
}

func TestEncodeRefusesEmptyAndIncomplete(t *testing.T) {
	if _, err := ics.Encode(nil, stamp); !errors.Is(err, ics.ErrEmpty) {
		t.Errorf("no entries: %v", err)
	}
	if _, err := ics.Encode([]ics.Entry{{Summary: "x", Start: stamp}}, stamp); err == nil {
		t.Error("an entry without UID was written")
	}
}

func FuzzEncode(f *testing.F) {
	f.Add("Call back Jane", "a;b,c\\d\nline")
	f.Fuzz(func(t *testing.T, summary, desc string) {
		if !utf8.ValidString(summary) || !utf8.ValidString(desc) {
			t.Skip()
		}
		b, err := ics.Encode([]ics.Entry{{UID: "u@w", Start: stamp, Summary: summary, Description: desc}}, stamp)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\r\n") {
			if len(l) > 75 {
				t.Fatalf("line of %d octets", len(l))
			}
		}
		cal, err := ical.ParseCalendar(bytes.NewReader(b))
		if err != nil || len(cal.Events()) != 1 {
			t.Fatalf("does not parse back: %v", err)
		}
	})
}
