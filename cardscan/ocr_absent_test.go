//go:build !tesseract

package cardscan

import (
	"context"
	"errors"
	"testing"

	"warmlead/cardscan/cardgen"
)

func TestReadGeneratedCards(t *testing.T) {
	t.Skip("built without Tesseract: the OCR pipeline test needs libtesseract-dev, the eng, nld, nor, swe and deu language packs and -tags tesseract (make test installs them and passes the tag on Linux)")
}

// Without Tesseract a card with a QR code is still read, from the code;
// one without fails with ErrNoOCR, saying what to install. (Series 5
// starts with one of each.)
func TestReaderWithoutOCR(t *testing.T) {
	r, err := NewReader(Options{Country: "NL"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var withQR, without bool
	for i := 0; i < 12 && !(withQR && without); i++ {
		s, err := cardgen.Generate(5, i)
		if errors.Is(err, cardgen.ErrNoFonts) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Read(context.Background(), s.Truth.File, s.Photo)
		if s.Truth.QR == "" {
			without = true
			if !errors.Is(err, ErrNoOCR) {
				t.Errorf("card %d without a QR code: err %v, want ErrNoOCR", i, err)
			}
			continue
		}
		withQR = true
		if err != nil {
			t.Fatalf("card %d with a QR code: %v", i, err)
		}
		if !got.FromQR || got.Name.Value != s.Truth.Name || got.Email.Value != s.Truth.Email ||
			got.Phone.Value != s.Truth.Phone || got.Company.Value != s.Truth.Company || got.Name.Confidence != 1 {
			t.Errorf("card %d: read %+v, want the QR code's %+v", i, got, s.Truth)
		}
		if got.File != s.Truth.File {
			t.Errorf("File = %q, want %q", got.File, s.Truth.File)
		}
	}
	if !withQR || !without {
		t.Fatalf("series 5 lacks a card with (%v) or without (%v) a QR code", withQR, without)
	}
}
