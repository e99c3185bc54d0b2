// Package geom holds the projective geometry the card reader and the card
// generator share: the homography of four corners and bilinear sampling.
package geom

import (
	"image"
	"math"
)

// Pt is a point in pixels.
type Pt struct{ X, Y float64 }

// H is a homography, row-major, H[8] == 1.
type H [9]float64

// Homography is the projective map taking the four points from onto to,
// solved as the usual 8×8 linear system by Gauss-Jordan elimination.
func Homography(from, to [4]Pt) H {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := from[i].X, from[i].Y, to[i].X, to[i].Y
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		if a[c][c] == 0 {
			continue
		}
		for r := range 8 {
			if r == c {
				continue
			}
			f := a[r][c] / a[c][c]
			for k := c; k < 9; k++ {
				a[r][k] -= f * a[c][k]
			}
		}
	}
	var h H
	for i := range 8 {
		if a[i][i] != 0 {
			h[i] = a[i][8] / a[i][i]
		}
	}
	h[8] = 1
	return h
}

// Map applies h to (x, y).
func (h H) Map(x, y float64) (float64, float64) {
	z := h[6]*x + h[7]*y + h[8]
	return (h[0]*x + h[1]*y + h[2]) / z, (h[3]*x + h[4]*y + h[5]) / z
}

// Bilinear samples src's R, G, B and A at (x, y), pixel centres at
// integer coordinates, clamped to the image's edge.
func Bilinear(src *image.RGBA, x, y float64) [4]float64 {
	b := src.Rect
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	ax, ay := x-float64(x0), y-float64(y0)
	var out [4]float64
	for _, c := range [4]struct {
		dx, dy int
		w      float64
	}{{0, 0, (1 - ax) * (1 - ay)}, {1, 0, ax * (1 - ay)}, {0, 1, (1 - ax) * ay}, {1, 1, ax * ay}} {
		px, py := min(b.Max.X-1, max(b.Min.X, x0+c.dx)), min(b.Max.Y-1, max(b.Min.Y, y0+c.dy))
		i := src.PixOffset(px, py)
		for k := range 4 {
			out[k] += c.w * float64(src.Pix[i+k])
		}
	}
	return out
}
