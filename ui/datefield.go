package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent/locale"
	"warmlead/ui/i18n"
)

// dateField is a date (and time) entry that speaks the screen's language:
// it shows and reads the form i18n.Date writes (1-12-2026 in Dutch, ISO
// too), and its calendar button picks a day. Fyne's own DateEntry follows
// the system locale, not the language the rep chose, so it is not used.
type dateField struct {
	*escEntry
	withTime bool
	pick     *widget.Button
	popup    *widget.PopUp
}

// newDateField makes the field; withTime also reads a clock time after
// the day ("1-12-2026 10:00"), keeping it when a day is picked.
func newDateField(g *GUI, withTime bool) *dateField {
	f := &dateField{escEntry: newEscEntry(g, false), withTime: withTime}
	example := time.Now().AddDate(0, 0, 1)
	if withTime {
		example = time.Date(example.Year(), example.Month(), example.Day(), 10, 0, 0, 0, time.Local)
		f.SetPlaceHolder(i18n.DateTime(example))
	} else {
		f.SetPlaceHolder(i18n.Date(example))
	}
	f.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.showCalendar)
	f.pick.Importance = widget.LowImportance
	f.ActionItem = f.pick
	return f
}

// value reads the field: ok false when it holds something that is not a
// date; has false when it is empty.
func (f *dateField) value() (t time.Time, has, ok bool) {
	s := strings.TrimSpace(f.Text)
	if s == "" {
		return time.Time{}, false, true
	}
	if f.withTime {
		t, _, err := locale.ParseDateTime(i18n.Current(), s, time.Local)
		return t, true, err == nil
	}
	t, err := locale.ParseDay(i18n.Current(), s, time.UTC) // days are midnight UTC, as the CLI's
	return t, true, err == nil
}

// setDay writes day in the field, keeping a time already typed.
func (f *dateField) setDay(day time.Time) {
	if f.popup != nil {
		f.popup.Hide()
	}
	if !f.withTime {
		f.SetText(i18n.Date(day))
		return
	}
	hour, minute := 10, 0
	if old, has, ok := f.value(); has && ok {
		hour, minute = old.Hour(), old.Minute()
	}
	f.SetText(i18n.DateTime(time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, time.Local)))
}

func (f *dateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.escEntry)
	if c == nil {
		return
	}
	start := time.Now()
	if t, has, ok := f.value(); has && ok {
		start = t
	}
	f.popup = widget.NewPopUp(widget.NewCalendar(start, f.setDay), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.escEntry)
	f.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, f.escEntry.Size().Height)))
}
