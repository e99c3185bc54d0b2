package cardscan

import (
	"image"
	"image/draw"
	"math"
)

// toGray is img's luminance.
func toGray(img image.Image) *image.Gray {
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

// ocrBorder is the white margin Tesseract gets around the card: it finds
// text touching the image's edge badly.
const ocrBorder = 24

// cleanForOCR thresholds the card against its local brightness (Bradley's
// adaptive threshold over a window of about a letter's size, so uneven
// light and tinted cards come out black on white), turns a dark card's
// light print dark, blanks the QR code (its modules are not text) and adds
// a white border.
func cleanForOCR(g *image.Gray, qrBox image.Rectangle) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if median(g.Pix) < 110 {
		inv := image.NewGray(g.Rect)
		for i, v := range g.Pix {
			inv.Pix[i] = 255 - v
		}
		g = inv
	}
	// integral image for the window means
	sum := make([]int64, (w+1)*(h+1))
	for y := 0; y < h; y++ {
		var row int64
		for x := 0; x < w; x++ {
			row += int64(g.Pix[y*g.Stride+x])
			sum[(y+1)*(w+1)+x+1] = sum[y*(w+1)+x+1] + row
		}
	}
	const half = 20
	const k = 0.12
	out := image.NewGray(image.Rect(0, 0, w+2*ocrBorder, h+2*ocrBorder))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for y := 0; y < h; y++ {
		y0, y1 := max(0, y-half), min(h, y+half+1)
		for x := 0; x < w; x++ {
			x0, x1 := max(0, x-half), min(w, x+half+1)
			s := sum[y1*(w+1)+x1] - sum[y0*(w+1)+x1] - sum[y1*(w+1)+x0] + sum[y0*(w+1)+x0]
			n := int64((y1 - y0) * (x1 - x0))
			v := int64(g.Pix[y*g.Stride+x])
			if v*n*100 < s*int64(math.Round((1-k)*100)) && !image.Pt(x, y).In(qrBox) {
				out.Pix[(y+ocrBorder)*out.Stride+x+ocrBorder] = 0
			}
		}
	}
	return out
}

func median(p []byte) byte {
	var hist [256]int
	for _, v := range p {
		hist[v]++
	}
	n := 0
	for v, c := range hist {
		if n += c; n*2 >= len(p) {
			return byte(v)
		}
	}
	return 0
}
