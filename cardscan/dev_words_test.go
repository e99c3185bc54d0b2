//go:build tesseract

package cardscan

import (
	"os"
	"strconv"
	"testing"
)

func TestDevWords(t *testing.T) {
	i, err := strconv.Atoi(os.Getenv("OCR_CARD"))
	if err != nil {
		t.Skip()
	}
	s := generate(t, i+1, 1)
	img, _ := decodePhoto(s[i].Photo)
	g := toGray(locateCard(img))
	_, box, _ := readQRGray(g)
	eng, _ := newTextEngine(defaultLanguages)
	defer eng.Close()
	ws, _ := eng.Words(cleanForOCR(g, box))
	for _, l := range groupLines(ws) {
		t.Logf("%v h=%d conf=%.2f %q", l.Box, l.Height, l.Conf, l.Text)
	}
}
