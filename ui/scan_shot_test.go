//go:build ci && shot

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"

	"warmlead/cardscan"
	"warmlead/cardscan/cardscantest"
	"warmlead/consent"
)

// TestScanReviewShot renders the review of a generated card at 1366x800 to
// artifacts/scan-review.png, to look at (go test -tags 'ci shot' -run Shot).
func TestScanReviewShot(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard})
	g.app.Settings().SetTheme(theme.DefaultTheme())
	g.win.Resize(fyne.NewSize(1366, 800))
	f := &cardscantest.Fake{Cards: map[string]cardscan.Card{"card.png": {
		Name: cardscantest.Field("Jørgen Ødegård", 0.93), Title: cardscantest.Field("Innkjøpssjef", 0.41),
		Company: cardscantest.Field("Fjordkraft AS", 0.88), Email: cardscantest.Field("jorgen@fjordkraft.example", 0.97),
		Phone: cardscantest.Field("+47 22 33 44 55", 0.52)}}}
	g.uc.Scans.NewReader = f.NewReader
	dir := t.TempDir()
	var uris []fyne.URI
	for _, n := range []string{"card.png", "second.png", "third.png"} {
		path := filepath.Join(dir, n)
		os.WriteFile(path, cardscantest.Photo("Jørgen Ødegård", "Innkjøpssjef", "Fjordkraft AS", "jorgen@fjordkraft.example", "Tel +47 22 33 44 55"), 0o600)
		uris = append(uris, storage.NewFileURI(path))
	}
	readCardPhotos(g, uris, nil)
	g.wait()
	g.scan.review.card.event.SetText("Nor-Shipping 2026")
	keepShot(t, g, "scan-review.png") // shots_test.go
}
