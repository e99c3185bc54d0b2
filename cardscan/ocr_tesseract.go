//go:build tesseract

package cardscan

import (
	"fmt"
	"image"
	"strconv"

	"github.com/otiai10/gosseract/v2"
)

// HasOCR tells whether this build reads printed text (Tesseract).
const HasOCR = true

type tesseract struct{ c *gosseract.Client }

// newTextEngine starts a Tesseract in sparse-text mode: a card is short
// lines scattered over the card, not a page of paragraphs.
func newTextEngine(langs []string) (textEngine, error) {
	c := gosseract.NewClient()
	if err := c.SetLanguage(langs...); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.SetPageSegMode(gosseract.PSM_SPARSE_TEXT); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.SetVariable("user_defined_dpi", "300"); err != nil {
		c.Close()
		return nil, err
	}
	// Tesseract's own debug file and messages could hold read text.
	if err := c.DisableOutput(); err != nil {
		c.Close()
		return nil, err
	}
	return &tesseract{c}, nil
}

func (t *tesseract) Close() error { return t.c.Close() }

func (t *tesseract) Words(gray *image.Gray) ([]Word, error) {
	return t.words(pgm(gray))
}

// words reads encoded image bytes (PNM, PNG, JPEG: what Leptonica
// decodes), from memory: no temp file holds the card.
func (t *tesseract) words(img []byte) ([]Word, error) {
	if err := t.c.SetImageFromBytes(img); err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	boxes, err := t.c.GetBoundingBoxes(gosseract.RIL_WORD)
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	words := make([]Word, 0, len(boxes))
	for _, b := range boxes {
		words = append(words, Word{Text: b.Word, Box: b.Box, Conf: b.Confidence / 100})
	}
	return words, nil
}

// pgm encodes a grey image as binary PGM, the cheapest format Leptonica
// reads from memory.
func pgm(g *image.Gray) []byte {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	head := "P5\n" + strconv.Itoa(w) + " " + strconv.Itoa(h) + "\n255\n"
	out := make([]byte, 0, len(head)+w*h)
	out = append(out, head...)
	for y := 0; y < h; y++ {
		i := g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y)
		out = append(out, g.Pix[i:i+w]...)
	}
	return out
}
