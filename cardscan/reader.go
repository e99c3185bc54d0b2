package cardscan

import (
	"context"
	"image"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// defaultLanguages are the Tesseract language packs for the five
// languages of the app.
var defaultLanguages = []string{"eng", "nld", "nor", "swe", "deu"}

// textEngine recognises the words on a cleaned card image; the tesseract
// build has one, the plain build none.
type textEngine interface {
	Words(gray *image.Gray) ([]Word, error)
	Close() error
}

type reader struct {
	opts Options
	ocr  textEngine // nil without Tesseract
}

func newReader(o Options) (Reader, error) {
	if len(o.Languages) == 0 {
		o.Languages = defaultLanguages
	}
	eng, err := newTextEngine(o.Languages)
	if err != nil {
		return nil, err
	}
	return &reader{opts: o, ocr: eng}, nil
}

func (r *reader) Close() error {
	if r.ocr != nil {
		return r.ocr.Close()
	}
	return nil
}

func (r *reader) Read(ctx context.Context, name string, photo []byte) (Card, error) {
	card := Card{File: name}
	img, err := decodePhoto(photo)
	if err != nil {
		return card, err
	}
	if err := ctx.Err(); err != nil {
		return card, err
	}
	flat := locateCard(img)
	gray := toGray(flat)
	qr, qrBox, hasQR := readQRGray(gray)
	if !hasQR {
		// a code the crop cut or warped: the whole photo, once
		qr, _, hasQR = readQRGray(toGray(img))
		qrBox = image.Rectangle{}
	}
	if r.ocr == nil {
		if !hasQR {
			return card, ErrNoOCR
		}
		return r.fromQR(card, qr), nil
	}
	if err := ctx.Err(); err != nil {
		return card, err
	}
	words, err := r.ocr.Words(cleanForOCR(gray, qrBox))
	if err != nil {
		return card, err
	}
	got := ExtractFields(words, r.opts.Country)
	got.File = name
	if hasQR {
		got = r.fromQR(got, qr)
	}
	return got, nil
}

// fromQR puts what a QR code held over what the OCR read, with
// confidence 1: the code is exact, the print is read.
func (r *reader) fromQR(c Card, q qrContact) Card {
	set := func(f *Field, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*f = Field{v, 1}
		}
	}
	set(&c.Name, q.Name)
	set(&c.Title, q.Title)
	set(&c.Company, q.Company)
	set(&c.Email, strings.ToLower(q.Email))
	set(&c.Web, q.Web)
	set(&c.Address, q.Address)
	set(&c.Phone, r.e164(q.Phone))
	set(&c.Mobile, r.e164(q.Mobile))
	set(&c.Fax, r.e164(q.Fax))
	if q.Phone == "" && q.Mobile != "" {
		c.Phone = c.Mobile
	}
	c.FromQR = true
	return c
}

// e164 is a number in E.164 when it can be read, else as written.
func (r *reader) e164(s string) string {
	region := strings.ToUpper(r.opts.Country)
	if region == "" {
		region = "ZZ"
	}
	if n, err := phonenumbers.Parse(s, region); err == nil && phonenumbers.IsValidNumber(n) {
		return phonenumbers.Format(n, phonenumbers.E164)
	}
	return s
}
