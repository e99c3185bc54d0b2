package cardgen

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"warmlead/cardscan/internal/geom"
)

// The photo: a 1600 × 1200 frame, the card filling 60 to 75% of its width.
const (
	photoW = 1600
	photoH = 1200
)

// photograph puts the card on a desk as a phone would see it: turned up
// to ±10°, each corner pushed up to 3% of the card's width (perspective),
// under light falling off across the frame, slightly blurred, with sensor
// noise, saved as a JPEG of quality 60 to 90.
func photograph(r *rand.Rand, card *image.RGBA) ([]byte, error) {
	scale := 0.98 + r.Float64()*0.2
	w, h := float64(card.Rect.Dx())*scale, float64(card.Rect.Dy())*scale
	angle := (r.Float64()*2 - 1) * 10 * math.Pi / 180
	cx := photoW/2 + (r.Float64()*2-1)*50
	cy := photoH/2 + (r.Float64()*2-1)*40
	cos, sin := math.Cos(angle), math.Sin(angle)
	var dst [4]geom.Pt
	for i, c := range [4][2]float64{{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}} {
		jx, jy := (r.Float64()*2-1)*0.03*w, (r.Float64()*2-1)*0.03*w
		dst[i] = geom.Pt{X: cx + c[0]*cos - c[1]*sin + jx, Y: cy + c[0]*sin + c[1]*cos + jy}
	}
	cw, ch := float64(card.Rect.Dx()), float64(card.Rect.Dy())
	// photo → card coordinates
	H := geom.Homography(dst, [4]geom.Pt{{X: 0, Y: 0}, {X: cw, Y: 0}, {X: cw, Y: ch}, {X: 0, Y: ch}})
	desk := deskFunc(r)
	lightA := 0.1 + r.Float64()*0.3
	lightDir := r.Float64() * 2 * math.Pi
	lx, ly := math.Cos(lightDir), math.Sin(lightDir)
	noise := 2 + r.Float64()*4
	img := image.NewRGBA(image.Rect(0, 0, photoW, photoH))
	for y := 0; y < photoH; y++ {
		for x := 0; x < photoW; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			u, v := H.Map(fx, fy)
			var c [3]float64
			if u >= 0.5 && v >= 0.5 && u < cw-0.5 && v < ch-0.5 {
				s := geom.Bilinear(card, u-0.5, v-0.5)
				c = [3]float64{s[0], s[1], s[2]}
			} else {
				c = desk(x, y)
			}
			// light: a gradient across the frame and a vignette
			nx, ny := fx/photoW-0.5, fy/photoH-0.5
			l := 1 - lightA*(0.5+nx*lx+ny*ly) - 0.25*(nx*nx+ny*ny)
			n := r.NormFloat64() * noise
			i := img.PixOffset(x, y)
			for k := range 3 {
				img.Pix[i+k] = clamp8(c[k]*l + n)
			}
			img.Pix[i+3] = 255
		}
	}
	for range r.IntN(3) {
		boxBlur(img)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 60 + r.IntN(31)}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// deskFunc is a desk surface: wood grain, grey fabric or a dark blue mat,
// always darker than the card.
func deskFunc(r *rand.Rand) func(x, y int) [3]float64 {
	base := pick(r, []color.RGBA{{120, 80, 50, 255}, {90, 90, 95, 255}, {40, 55, 85, 255}, {70, 60, 50, 255}})
	freq := 0.02 + r.Float64()*0.05
	phase := r.Float64() * 10
	return func(x, y int) [3]float64 {
		g := 12 * math.Sin(float64(y)*freq+math.Sin(float64(x)*0.004)*3+phase)
		return [3]float64{float64(base.R) + g, float64(base.G) + g*0.7, float64(base.B) + g*0.4}
	}
}

// boxBlur is a 3 × 3 mean: one pass is a slight defocus.
func boxBlur(img *image.RGBA) {
	src := append([]byte(nil), img.Pix...)
	w, h, s := img.Rect.Dx(), img.Rect.Dy(), img.Stride
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			for k := range 3 {
				sum := 0
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						sum += int(src[(y+dy)*s+(x+dx)*4+k])
					}
				}
				img.Pix[y*s+x*4+k] = byte(sum / 9)
			}
		}
	}
}

func clamp8(v float64) byte { return byte(math.Max(0, math.Min(255, v+0.5))) }
