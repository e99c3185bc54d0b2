// Package cardscan reads business cards from photos on the rep's own
// computer: it finds the card in the photo, cleans it for OCR, reads it with
// Tesseract (when built with the "tesseract" tag) and decodes a QR code
// (vCard or MeCard) when the card carries one. It keeps no image: callers
// hand it bytes and get fields back.
//
// This file is the contract between the reading pipeline, the headless
// `warmlead scan` command and the GUI's review screen.
package cardscan

import (
	"context"
	"errors"
	"image"
)

// Field is one value read from a card with how sure the reader is of it,
// from 0 (a guess) to 1 (certain, e.g. from a QR code). An empty Value means
// not found; its Confidence is then 0.
type Field struct {
	Value      string
	Confidence float64
}

// Card is what was read from one photo. Phone is the number to call (E.164
// when it could be read with a country code or the country setting, else as
// printed); a fax number never lands in Phone.
type Card struct {
	File    string // the photo's base name, for messages; never a full path
	Name    Field
	Title   Field
	Company Field
	Email   Field
	Phone   Field
	Mobile  Field
	Fax     Field
	Web     Field
	Address Field
	FromQR  bool // the fields a QR code held came from it and won over OCR
}

// LowConfidence is the threshold under which the review screen marks a
// field for the rep's attention.
const LowConfidence = 0.6

// Options tune a Reader.
type Options struct {
	Country   string   // ISO 3166 region for national phone numbers, e.g. "NL"
	Languages []string // Tesseract languages; empty means eng+nld+nor+swe+deu
}

// Reader reads card photos. It is safe for use by one goroutine; a batch
// uses one Reader per core.
type Reader interface {
	// Read reads one photo (JPEG, PNG or HEIC bytes). name is the file's
	// base name, copied into Card.File.
	Read(ctx context.Context, name string, photo []byte) (Card, error)
	Close() error
}

// ErrNoOCR is returned by NewReader's text recognition when the program was
// built without Tesseract; QR codes are still read.
var ErrNoOCR = errors.New("reading printed text needs Tesseract: install libtesseract-dev and the eng, nld, nor, swe and deu language packs, then build with -tags tesseract")

// NewReader returns the Reader of this build: Tesseract and QR codes with
// the "tesseract" build tag; QR codes only without it (a card without a QR
// code then fails with ErrNoOCR).
func NewReader(o Options) (Reader, error) { return newReader(o) }

// DecodePhoto decodes a card photo (JPEG, PNG or HEIC), turned upright by
// its EXIF orientation, for reading and for the review screen's preview.
func DecodePhoto(photo []byte) (image.Image, error) { return decodePhoto(photo) }
