package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"warmlead/ui/i18n"
)

// Date fields take the form they display: Dutch shows 1-12-2026 and reads
// it back (it asked for JJJJ-MM-DD before); the calendar button writes it.
func TestDateFieldsReadTheirLanguage(t *testing.T) {
	g := openMain(t)
	i18n.Use("nl")
	t.Cleanup(func() { i18n.Use("en") })
	r := newReportsScreen(g)
	p := r.pdf
	if strings.Contains(p.from.PlaceHolder, "JJJJ") || strings.Count(p.from.PlaceHolder, "-") != 2 {
		t.Fatalf("placeholder %q is not a Dutch date", p.from.PlaceHolder)
	}
	p.from.SetText("1-12-2026")
	p.to.SetText("2026-12-31") // ISO still works
	f, err := p.filter()
	if err != nil || f.From.Format("2006-01-02") != "2026-12-01" || f.To.Format("2006-01-02") != "2026-12-31" {
		t.Fatalf("filter %+v, %v", f, err)
	}
	p.from.SetText("12/1/2026")
	if _, err := p.filter(); err == nil || !strings.Contains(err.Error(), "is geen datum") {
		t.Fatalf("an American date: %v", err)
	}
	// The calendar's pick lands in the field in the Dutch form.
	p.from.SetText("")
	test.Tap(p.from.pick) // opens the calendar pop-up
	if p.from.popup == nil || !p.from.popup.Visible() {
		t.Fatal("the calendar did not open")
	}
	day := f.From.AddDate(0, 0, 4)
	p.from.setDay(day)
	if p.from.Text != "5-12-2026" || p.from.popup.Visible() {
		t.Fatalf("picked %q", p.from.Text)
	}
}
