package i18n

import (
	"time"

	"warmlead/consent/locale"
)

// Dates and numbers on screens are written in the language in use and in
// local time, by consent/locale's conventions (the same as the PDFs' and
// the emails').

// Date writes t as a day in the language in use, in local time.
func Date(t time.Time) string { return locale.Date(Current(), t.Local()) }

// DateTime writes day and clock time (24 hours in all five languages).
func DateTime(t time.Time) string { return locale.DateTime(Current(), t.Local()) }

// DayMonthTime writes a date close to now (a call-back) without the year.
func DayMonthTime(t time.Time) string { return locale.DayMonthTime(Current(), t.Local()) }

// Number writes n with the language's thousands separator.
func Number(n int) string { return locale.Number(Current(), n) }
