package cardscan

import (
	"context"
	"image"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/nyaruka/phonenumbers"
)

// defaultLanguages are the Tesseract language packs for the five
// languages of the app.
var defaultLanguages = []string{"eng", "nld", "nor", "swe", "deu"}

// textEngine recognises the words on a cleaned card image; the tesseract
// build has one, the plain build none.
type textEngine interface {
	Words(gray *image.Gray) ([]Word, error)
	// Line reads the line in r again, with lang as the first language.
	Line(gray *image.Gray, r image.Rectangle, lang string) (string, float64, error)
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
	img = shrink(img)
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
	clean := cleanForOCR(gray, qrBox)
	words, err := r.ocr.Words(clean)
	if err != nil {
		return card, err
	}
	got, boxes := extract(words, r.opts.Country)
	got.File = name
	if lang := cardLanguage(got, r.opts.Country); lang != r.opts.Languages[0] && slices.Contains(r.opts.Languages, lang) {
		for _, fb := range []struct {
			f    *Field
			b    image.Rectangle
			conf float64
		}{{&got.Name, boxes.Name, boxes.NameConf}, {&got.Title, boxes.Title, boxes.TitleConf}, {&got.Company, boxes.Company, boxes.CompConf}} {
			if err := r.secondLook(clean, fb.f, fb.b, fb.conf, lang, got.Email.Value); err != nil {
				return card, err
			}
		}
	}
	mendEmail(&got)
	if hasQR {
		got = r.fromQR(got, qr)
	}
	return got, nil
}

// secondLook reads a field's line again in the card's language and takes
// that reading when it differs only in diacritics ("Braten" → "Bråten"),
// or when it spells the email's domain or local part better than the
// first did ("Belge" → "Bølge", "Miller" → "Müller"), or when it is much
// surer of nearly the same letters ("Gkonomisjef" → "Økonomisjef"): else
// the first reading, English first, is the surer.
func (r *reader) secondLook(clean *image.Gray, f *Field, box image.Rectangle, conf1 float64, lang, email string) error {
	local, _, _ := strings.Cut(email, "@")
	domain := emailDomain(email)
	if box.Empty() || f.Value == "" {
		return nil
	}
	pad := box.Dy() / 3
	box = image.Rect(box.Min.X-pad, box.Min.Y-pad, box.Max.X+pad, box.Max.Y+pad).Intersect(clean.Rect)
	text, conf2, err := r.ocr.Line(clean, box, lang)
	if err != nil {
		return err
	}
	t := cleanText(text)
	if t == f.Value || t == "" {
		return nil
	}
	if fold(t) == fold(f.Value) || spells(t, domain) && !spells(f.Value, domain) ||
		emailMatch(t, local) > emailMatch(f.Value, local) ||
		conf2 > conf1+0.05 && levenshtein.ComputeDistance(fold(t), fold(f.Value)) <= 2 {
		f.Value = t
	}
	return nil
}

// spells tells whether text holds the email's domain ("Bølge Data ASA"
// holds "bolgedata", "Belge Data ASA" does not).
func spells(text, domain string) bool {
	return len(domain) >= 4 && strings.Contains(fold(text), domain)
}

// emailDomain is the folded first label of an email's domain:
// "bolgedata" for "marit@bolgedata.no".
func emailDomain(email string) string {
	_, d, ok := strings.Cut(email, "@")
	if !ok {
		return ""
	}
	return fold(strings.Split(d, ".")[0])
}

// cardLanguage is the Tesseract language a card is printed in, told by
// its email's domain, its phone's country code or else the country
// setting; "" when none of them says.
func cardLanguage(c Card, country string) string {
	byRegion := map[string]string{"NO": "nor", "SE": "swe", "DE": "deu", "AT": "deu", "CH": "deu", "NL": "nld", "BE": "nld", "GB": "eng", "IE": "eng"}
	if _, dom, ok := strings.Cut(c.Email.Value, "@"); ok {
		tld := strings.ToUpper(dom[strings.LastIndex(dom, ".")+1:])
		if tld == "UK" {
			tld = "GB"
		}
		if l, ok := byRegion[tld]; ok {
			return l
		}
	}
	for _, p := range []string{c.Phone.Value, c.Mobile.Value} {
		if n, err := phonenumbers.Parse(p, "ZZ"); err == nil {
			if l, ok := byRegion[phonenumbers.GetRegionCodeForNumber(n)]; ok {
				return l
			}
		}
	}
	return byRegion[strings.ToUpper(country)]
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
