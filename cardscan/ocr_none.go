//go:build !tesseract

package cardscan

// Without the tesseract build tag there is no text recognition: the
// reader decodes QR codes only and a card without one fails with ErrNoOCR.
func newTextEngine([]string) (textEngine, error) { return nil, nil }

// HasOCR tells whether this build reads printed text (Tesseract).
const HasOCR = false
