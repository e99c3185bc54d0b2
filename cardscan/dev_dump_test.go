//go:build tesseract

package cardscan

import (
	"image"
	"image/png"
	"os"
	"testing"
)

func TestDevDump(t *testing.T) {
	if os.Getenv("OCR_DUMP") == "" {
		t.Skip()
	}
	s := generate(t, 20, 1)
	for _, i := range []int{4, 13} {
		img, _ := decodePhoto(s[i].Photo)
		g := toGray(locateCard(img))
		f, _ := os.Create("/tmp/ocrcards/clean-" + s[i].Truth.File + ".png")
		png.Encode(f, cleanForOCR(g, image.Rectangle{}))
		f.Close()
		f, _ = os.Create("/tmp/ocrcards/flat-" + s[i].Truth.File + ".png")
		png.Encode(f, g)
		f.Close()
	}
}
