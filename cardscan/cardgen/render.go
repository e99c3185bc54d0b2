package cardgen

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// A card is drawn at 300 dpi: 85 × 55 mm.
const (
	cardW = 1004
	cardH = 650
)

var (
	papers  = []color.RGBA{{255, 255, 255, 255}, {250, 246, 234, 255}, {242, 242, 240, 255}, {234, 241, 250, 255}, {238, 247, 238, 255}}
	inks    = []color.RGBA{{20, 20, 20, 255}, {25, 35, 70, 255}, {50, 50, 55, 255}, {60, 40, 30, 255}}
	accents = []color.RGBA{{140, 20, 30, 255}, {20, 50, 120, 255}, {0, 90, 90, 255}, {30, 90, 40, 255}, {90, 30, 100, 255}}
	tints   = []color.RGBA{{210, 225, 245, 255}, {245, 225, 200, 255}, {215, 240, 220, 255}, {235, 235, 235, 255}}
)

// text is one line to draw: x is its left edge, or its centre or right
// edge for align 1 and 2; y its baseline.
type text struct {
	s     string
	f     *opentype.Font
	px    float64
	x, y  int
	align int
	c     color.RGBA
}

// render draws a card in one of four layouts, with a QR code in its
// corner when the truth has one.
func render(r *rand.Rand, t Truth, p printed) (*image.RGBA, error) {
	fams, err := loadFonts()
	if err != nil {
		return nil, err
	}
	fam, head := pick(r, fams), pick(r, fams)
	paper, ink, accent := pick(r, papers), pick(r, inks), pick(r, accents)
	img := image.NewRGBA(image.Rect(0, 0, cardW, cardH))
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	namePx := 50 + r.Float64()*14
	titlePx := 30 + r.Float64()*6
	coPx := 36 + r.Float64()*12
	contactPx := 28 + r.Float64()*5
	lineGap := int(contactPx * 1.35)
	margin := 60 + r.IntN(20)
	qrSize := 0
	if t.QR != "" {
		qrSize = 230 + r.IntN(40)
	}
	var items []text
	contacts := append(append([]string{}, p.Contacts...), p.Address...)
	layout := r.IntN(4)
	switch layout {
	case 0: // company top left, name and title, contacts bottom left
		items = append(items, text{p.Company, head.Bold, coPx, margin, margin + int(coPx), 0, accent})
		y := 230 + r.IntN(30)
		items = append(items, text{p.Name, fam.Bold, namePx, margin, y, 0, ink},
			text{p.Title, fam.Regular, titlePx, margin, y + int(titlePx*1.5), 0, ink})
		by := cardH - margin/2 - lineGap*(len(contacts)-1)
		for i, s := range contacts {
			items = append(items, text{s, fam.Regular, contactPx * 0.92, margin, by + i*lineGap, 0, ink})
		}
	case 1: // centred: name, title, company; contacts under a rule
		cx := (cardW - qrSize) / 2
		items = append(items, text{p.Name, fam.Bold, namePx, cx, margin + int(namePx), 1, ink},
			text{p.Title, fam.Regular, titlePx, cx, margin + int(namePx) + int(titlePx*1.5), 1, ink},
			text{p.Company, head.Bold, coPx, cx, margin + int(namePx) + int(titlePx*1.5) + int(coPx*1.5), 1, accent})
		by := cardH - margin/2 - lineGap*(len(contacts)-1)
		for i, s := range contacts {
			items = append(items, text{s, fam.Regular, contactPx * 0.92, cx, by + i*lineGap, 1, ink})
		}
	case 2: // a tinted band with the company, name left, contacts right-aligned
		band := 120 + r.IntN(30)
		draw.Draw(img, image.Rect(0, 0, cardW, band), image.NewUniform(pick(r, tints)), image.Point{}, draw.Src)
		items = append(items, text{p.Company, head.Bold, coPx, margin, band/2 + int(coPx/3), 0, accent},
			text{p.Name, fam.Bold, namePx, margin, band + 40 + int(namePx), 0, ink},
			text{p.Title, fam.Regular, titlePx, margin, band + 40 + int(namePx) + int(titlePx*1.5), 0, ink})
		by := cardH - margin/2 - lineGap*(len(contacts)-1)
		right := cardW - margin
		if qrSize > 0 {
			right = margin + 560
		}
		for i, s := range contacts {
			items = append(items, text{s, fam.Regular, contactPx * 0.92, right, by + i*lineGap, 2, ink})
		}
	default: // name and title top left, company bottom right, contacts left
		items = append(items, text{p.Name, fam.Bold, namePx, margin, margin + int(namePx), 0, ink},
			text{p.Title, fam.Regular, titlePx, margin, margin + int(namePx) + int(titlePx*1.5), 0, accent})
		by := margin + int(namePx) + int(titlePx*1.5) + 80
		for i, s := range contacts {
			items = append(items, text{s, fam.Regular, contactPx * 0.92, margin, by + i*lineGap, 0, ink})
		}
		cx := cardW - margin
		if qrSize > 0 {
			cx = cardW - margin - qrSize - 20
		}
		items = append(items, text{p.Company, head.Bold, coPx * 0.9, cx, cardH - margin/2, 2, accent})
	}
	limit := cardW - 2*margin
	if qrSize > 0 {
		limit -= qrSize + 20
	}
	for _, it := range items {
		drawText(img, it, limit)
	}
	if qrSize > 0 {
		if err := drawQR(img, qrText(t), image.Rect(cardW-margin/2-qrSize, cardH-margin/2-qrSize, cardW-margin/2, cardH-margin/2)); err != nil {
			return nil, err
		}
	}
	return img, nil
}

// drawText draws one line, smaller when it would not fit in limit pixels.
func drawText(img *image.RGBA, t text, limit int) {
	fc := face(t.f, t.px)
	w := font.MeasureString(fc, t.s).Ceil()
	for w > limit && t.px > 16 {
		t.px *= 0.92
		fc = face(t.f, t.px)
		w = font.MeasureString(fc, t.s).Ceil()
	}
	x := t.x
	switch t.align {
	case 1:
		x -= w / 2
	case 2:
		x -= w
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(t.c), Face: fc, Dot: fixed.P(max(8, x), t.y)}
	d.DrawString(t.s)
}

func drawQR(img *image.RGBA, content string, at image.Rectangle) error {
	hints := map[gozxing.EncodeHintType]interface{}{
		gozxing.EncodeHintType_CHARACTER_SET: "UTF-8", gozxing.EncodeHintType_MARGIN: 1,
		gozxing.EncodeHintType_ERROR_CORRECTION: "M",
	}
	m, err := qrcode.NewQRCodeWriter().Encode(content, gozxing.BarcodeFormat_QR_CODE, at.Dx(), at.Dy(), hints)
	if err != nil {
		return err
	}
	for y := 0; y < m.GetHeight(); y++ {
		for x := 0; x < m.GetWidth(); x++ {
			c := color.RGBA{255, 255, 255, 255}
			if m.Get(x, y) {
				c = color.RGBA{0, 0, 0, 255}
			}
			img.SetRGBA(at.Min.X+x, at.Min.Y+y, c)
		}
	}
	return nil
}
