package cardscantest

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Photo renders a plain business card as PNG bytes: the first line large
// and bold (the name), the others below. Different lines give different
// bytes, so each card is its own photo in a batch.
func Photo(lines ...string) []byte {
	const w, h = 700, 400
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0x5a, 0x4a, 0x3a, 0xff}), image.Point{}, draw.Src) // the desk
	card := image.Rect(40, 40, w-40, h-40)
	draw.Draw(img, card, image.NewUniform(color.RGBA{0xfb, 0xfa, 0xf5, 0xff}), image.Point{}, draw.Src)
	y := 120
	for i, l := range lines {
		size, ttf := 22.0, goregular.TTF
		if i == 0 {
			size, ttf = 36, gobold.TTF
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(color.RGBA{0x20, 0x20, 0x30, 0xff}), Face: face(ttf, size),
			Dot: fixed.P(80, y)}
		d.DrawString(l)
		y += int(size * 1.6)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // an in-memory RGBA always encodes
	}
	return buf.Bytes()
}

func face(ttf []byte, size float64) font.Face {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err) // the Go fonts are embedded and valid
	}
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	return fc
}
