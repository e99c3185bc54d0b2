package cardscantest

import (
	"errors"
	"testing"

	"warmlead/cardscan"
	"warmlead/cardscan/cardgen"
)

// GeneratedFolder writes n generated card photos of series seed into dir
// (cardgen.WriteFolder) for an end-to-end test with the real reader, and
// returns their truth; it skips the test, saying what to install, where
// Tesseract cannot start or the generator's fonts are missing.
func GeneratedFolder(t testing.TB, dir string, n int, seed uint64) []cardgen.Truth {
	t.Helper()
	r, err := cardscan.NewReader(cardscan.Options{})
	if err != nil {
		t.Skipf("Tesseract cannot start (install tesseract-ocr-eng, -nld, -nor, -swe and -deu): %v", err)
	}
	r.Close()
	truths, err := cardgen.WriteFolder(dir, n, seed)
	if errors.Is(err, cardgen.ErrNoFonts) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	return truths
}
