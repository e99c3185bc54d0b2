//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// TestInsightScreenShot pictures the Insight screen at 1366x800 over 250
// demo prospects (a year of collecting, calls, referrals and consents) and
// keeps it as artifacts/insight.png, the README's screenshot; the picture
// is taken only once the five charts are in.
func TestInsightScreenShot(t *testing.T) {
	i18n.Use("en")
	coarse := insightChartDPI
	insightChartDPI *= 5 // the test window's scale is 1: half the app's pixels are enough for a sharp picture
	t.Cleanup(func() { insightChartDPI = coarse })
	db, path := createUnlockedDB(t)
	if _, err := usecase.GenerateDemo(db, 250, 7, "Rita Rep"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	g := startUnlocked(t, newTestGUI(t, usecase.Config{DB: path, NoKeyring: true}))
	g.app.Settings().SetTheme(theme.DefaultTheme())
	g.win.Resize(fyne.NewSize(1366, 800))
	g.shell.show("insight")
	g.wait()
	s := g.shell.insight
	if len(s.grid.Objects) != 5 || s.last.Prospects == 0 || len(s.last.Attempts) == 0 || len(s.last.Referrals) == 0 {
		t.Fatalf("%d charts over %d prospects (%d sources called, %d introducers)", len(s.grid.Objects), s.last.Prospects,
			len(s.last.Attempts), len(s.last.Referrals))
	}
	keepShot(t, g, "insight.png")
}
