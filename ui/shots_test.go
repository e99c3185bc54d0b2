//go:build ci

package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestScreensOfTheDailyDriver renders, at 1366x800 with the app's own
// theme, the prospects table and the table with a bulk selection, and keeps
// them in artifacts/ (make ui-test) for a person to look at; a task on Today
// is pictured in the real window by the smoke test. Each picture is taken
// only after the test has seen what it should show.
func TestScreensOfTheDailyDriver(t *testing.T) {
	g, p := fourProspects(t)
	g.app.Settings().SetTheme(theme.DefaultTheme())
	g.win.Resize(fyne.NewSize(1366, 800))
	g.wait()
	if len(p.results) != 4 || cellText(p, 0, 0) != "Anna Berg" {
		t.Fatalf("the table shows %d rows, first %q", len(p.results), cellText(p, 0, 0))
	}
	keepShot(t, g, "list-table.png")

	if ids := selectAll(p); len(ids) != 4 || !p.bulk.root.Visible() || p.bulk.count.Text != "4 selected" {
		t.Fatalf("bulk bar %q visible %v after selecting %d", p.bulk.count.Text, p.bulk.root.Visible(), len(ids))
	}
	keepShot(t, g, "list-bulk.png")

}

// keepShot writes the window's canvas to artifacts/name, after laying it
// out again (the test driver lays out a container shown since the last
// resize only at the next one).
func keepShot(t *testing.T, g *GUI, name string) {
	t.Helper()
	g.win.Resize(fyne.NewSize(1366, 801))
	g.win.Resize(fyne.NewSize(1366, 800))
	g.win.Content().Refresh()
	out, _ := filepath.Abs(filepath.Join("..", "artifacts", name))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := png.Encode(w, g.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
