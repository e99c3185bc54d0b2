//go:build tesseract

package cardscan

import (
	"os"
	"strconv"
	"testing"
	"time"

	"warmlead/cardscan/cardgen"
)

func TestDevEval(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("OCR_CARDS"))
	if n == 0 {
		t.Skip("OCR_CARDS unset")
	}
	s := generate(t, n, 1)
	e := evaluate(t, s, cardgen.HomeCountry)
	for _, m := range e.misses {
		t.Log(m)
	}
	t.Log("\n" + e.table(0))
	_ = time.Second
}
