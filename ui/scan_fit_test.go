//go:build ci

package ui

import (
	"testing"

	"warmlead/cardscan"
	"warmlead/cardscan/cardscantest"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// The photo chooser and the review fit in every language with every
// optional part showing: hard-to-read marks, the hint, a read failure.
func TestScanDialogsFitInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			g := openInLanguage(t, code)
			photo := usecase.Photo{Name: "a.png", Data: cardscantest.Photo("Jørgen Ødegård", "Fjordkraft Næringsliv AS")}
			g.scan = &scanSession{photos: []usecase.Photo{photo, photo}, states: make([]usecase.ScanState, 2),
				results: []usecase.ScanResult{{Card: cardscan.Card{Name: cardscantest.Field("Jørgen Ødegård", 0.2),
					Company: cardscantest.Field("Fjordkraft Næringsliv AS", 0.3), Title: cardscantest.Field("Innkjøpssjef", 0.1),
					Email: cardscantest.Field("jorgen@fjordkraft.example", 0.4), Phone: cardscantest.Field("+47 22 33 44 55", 0.5)},
					Err: cardscan.ErrNoOCR}, {}}}
			chooseCardPhotos(g, usecase.BatchStatus{Total: 60, Done: 12}, nil)
			checkFits(t, g, "scan choice")
			checkNotClipped(t, g, "scan choice")
			g.scan.review = nil
			r := showScanReview(g, nil)
			g.wait()
			fits(t, g, "scan review", r.dlg)
		})
	}
}
