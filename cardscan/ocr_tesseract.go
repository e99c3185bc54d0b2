//go:build tesseract

package cardscan

/*
#cgo LDFLAGS: -lgomp
void omp_set_num_threads(int);
void omp_set_dynamic(int);
void omp_set_max_active_levels(int);
// serial keeps Tesseract's OpenMP loops on the calling thread.
static void serial(void) {
	omp_set_dynamic(0);
	omp_set_num_threads(1);
	omp_set_max_active_levels(0);
}
*/
import "C"

import (
	"fmt"
	"image"
	"runtime"
	"strconv"
	"strings"

	"github.com/otiai10/gosseract/v2"
)

// HasOCR tells whether this build reads printed text (Tesseract).
const HasOCR = true

type tesseract struct {
	c     *gosseract.Client
	langs []string
	// one single-line reader per card language, made when first needed
	line map[string]*gosseract.Client
}

// newTextEngine starts a Tesseract in sparse-text mode: a card is short
// lines scattered over the card, not a page of paragraphs.
func newTextEngine(langs []string) (textEngine, error) {
	c, err := newClient(langs, gosseract.PSM_SPARSE_TEXT)
	if err != nil {
		return nil, err
	}
	return &tesseract{c: c, langs: langs, line: map[string]*gosseract.Client{}}, nil
}

func newClient(langs []string, mode gosseract.PageSegMode) (*gosseract.Client, error) {
	c := gosseract.NewClient()
	if err := c.SetLanguage(langs...); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.SetPageSegMode(mode); err != nil {
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
	return c, nil
}

func (t *tesseract) Close() error {
	for _, c := range t.line {
		c.Close()
	}
	return t.c.Close()
}

func (t *tesseract) Words(gray *image.Gray) ([]Word, error) {
	return t.words(t.c, pgm(gray))
}

// Line reads one line of the card again with lang as the first language
// (English second): with English first, Tesseract reads "Bråten" as
// "Braten".
func (t *tesseract) Line(gray *image.Gray, r image.Rectangle, lang string) (string, float64, error) {
	c, ok := t.line[lang]
	if !ok {
		var err error
		if c, err = newClient([]string{lang, "eng"}, gosseract.PSM_SINGLE_LINE); err != nil {
			return "", 0, err
		}
		t.line[lang] = c
	}
	words, err := t.words(c, pgm(gray.SubImage(r).(*image.Gray)))
	if err != nil {
		return "", 0, err
	}
	var texts []string
	conf := 0.0
	for _, w := range words {
		texts = append(texts, w.Text)
		conf += w.Conf
	}
	return strings.Join(texts, " "), conf / float64(max(1, len(words))), nil
}

// words reads encoded image bytes (PNM, PNG, JPEG: what Leptonica
// decodes), from memory: no temp file holds the card.
//
// Tesseract's LSTM runs its loops on up to four OpenMP threads, which spin
// while they wait: with one Reader per core (a batch) and other programs
// running, a card then took ten times as long. OpenMP's settings belong
// to the calling OS thread, so the goroutine stays on one while it sets
// them and reads.
func (t *tesseract) words(c *gosseract.Client, img []byte) ([]Word, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	C.serial()
	if err := c.SetImageFromBytes(img); err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	boxes, err := c.GetBoundingBoxes(gosseract.RIL_WORD)
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
