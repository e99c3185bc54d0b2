// Package ics writes the rep's tasks as an iCalendar file (RFC 5545) that
// any calendar program imports: one VEVENT per task, with a reminder.
// github.com/arran4/golang-ical does the encoding (line folding at 75
// octets, escaping of text values, CRLF line ends); this package decides
// what goes in: a stable UID per task, so importing the file again updates
// the event instead of adding a second one, times in UTC, DTSTAMP.
package ics

import (
	"errors"
	"strconv"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
)

// Entry is one event of the calendar.
type Entry struct {
	UID         string // stable across exports: "task-42-7@warmlead"
	Start       time.Time
	Duration    time.Duration // 0: DefaultDuration
	Summary     string
	Description string
	Reminder    time.Duration // before Start; 0: none
}

// DefaultDuration is a call's slot in the calendar.
const DefaultDuration = 15 * time.Minute

// ErrEmpty says there is nothing to put in a calendar file.
var ErrEmpty = errors.New("no tasks to put in the calendar")

// Encode writes entries as one VCALENDAR, stamped at stamp (DTSTAMP: when
// the file was made). Start times are written in UTC, which every
// calendar shows in its own time zone.
func Encode(entries []Entry, stamp time.Time) ([]byte, error) {
	if len(entries) == 0 {
		return nil, ErrEmpty
	}
	cal := ical.NewCalendarFor("Warmlead")
	cal.SetProductId("-//Warmlead//Tasks//EN")
	cal.SetMethod(ical.MethodPublish)
	for _, e := range entries {
		if e.UID == "" || e.Start.IsZero() {
			return nil, errors.New("a calendar entry needs its UID and start")
		}
		d := e.Duration
		if d <= 0 {
			d = DefaultDuration
		}
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(stamp.UTC())
		ev.SetStartAt(e.Start.UTC())
		ev.SetEndAt(e.Start.UTC().Add(d))
		ev.SetSummary(oneLine(e.Summary))
		if e.Description != "" {
			ev.SetDescription(e.Description)
		}
		if e.Reminder > 0 {
			a := ev.AddAlarm()
			a.SetAction(ical.ActionDisplay)
			a.SetTrigger("-PT" + strconv.Itoa(int(e.Reminder/time.Minute)) + "M") // RFC 5545 §3.8.6.3
			a.SetProperty(ical.ComponentPropertyDescription, oneLine(e.Summary))
		}
	}
	// RFC 5545 §3.1: CRLF line ends; the library writes "\n" on Unix by default.
	return []byte(cal.Serialize(ical.WithNewLineWindows)), nil
}

// oneLine keeps a summary on one line: calendars show it as a title.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
