package cardscan

import (
	"image"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"

	"warmlead/cardscan/internal/geom"
)

// Card geometry: an ISO 7810 ID-1 card (85.6 × 54 mm) at 300 dpi.
const (
	cardLong  = 1011
	cardShort = 638
)

// maxSide is the long side a photo is brought down to before the card is
// looked for: a 12-megapixel phone photo holds the card at three times
// 300 dpi, and sampling it straight down would alias the letters.
const maxSide = 2000

// shrink scales a large photo down to maxSide with a filter that averages
// what it drops (x/image's bilinear kernel widens on shrinking).
func shrink(img image.Image) image.Image {
	b := img.Bounds()
	long := max(b.Dx(), b.Dy())
	if long <= maxSide {
		return img
	}
	w, h := b.Dx()*maxSide/long, b.Dy()*maxSide/long
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.BiLinear.Scale(dst, dst.Rect, img, b, xdraw.Src, nil)
	return dst
}

// locateCard finds the card in a photo and returns it flat, upright and at
// about 300 dpi: the desk around it cut away, the tilt and a moderate
// perspective undone by one projective warp of its four corners. A photo
// in which no card stands out from a background is taken as the card.
func locateCard(img image.Image) *image.RGBA {
	q, ok := findQuad(img)
	if !ok {
		b := img.Bounds()
		q = quad{{float64(b.Min.X), float64(b.Min.Y)}, {float64(b.Max.X), float64(b.Min.Y)},
			{float64(b.Max.X), float64(b.Max.Y)}, {float64(b.Min.X), float64(b.Max.Y)}}
	}
	w := (dist(q[0], q[1]) + dist(q[3], q[2])) / 2
	h := (dist(q[0], q[3]) + dist(q[1], q[2])) / 2
	ow, oh := cardLong, cardShort
	if h > w {
		ow, oh = cardShort, cardLong
	}
	return warp(img, q, ow, oh)
}

type pt struct{ X, Y float64 }

// quad is the card's corners: top-left, top-right, bottom-right,
// bottom-left.
type quad [4]pt

func dist(a, b pt) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

// findQuad works on a copy about 400 pixels wide: pixels far in colour
// from the photo's border (the desk) are the card; the largest connected
// patch of them is; its corners are its extreme points along the
// diagonals, which holds for tilts well beyond ±10°.
func findQuad(img image.Image) (quad, bool) {
	b := img.Bounds()
	step := max(1, max(b.Dx(), b.Dy())/400)
	w, h := b.Dx()/step, b.Dy()/step
	if w < 20 || h < 20 {
		return quad{}, false
	}
	px := make([][3]float64, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, _ := img.At(b.Min.X+x*step+step/2, b.Min.Y+y*step+step/2).RGBA()
			px[y*w+x] = [3]float64{float64(r >> 8), float64(g >> 8), float64(bl >> 8)}
		}
	}
	// the desk: the mean colour of a ring 3% wide at the border
	ring := max(2, min(w, h)*3/100)
	var desk [3]float64
	n := 0.0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if x < ring || y < ring || x >= w-ring || y >= h-ring {
				for c := range 3 {
					desk[c] += px[y*w+x][c]
				}
				n++
			}
		}
	}
	for c := range 3 {
		desk[c] /= n
	}
	d := make([]float64, w*h)
	for i, p := range px {
		d[i] = math.Sqrt(sq(p[0]-desk[0]) + sq(p[1]-desk[1]) + sq(p[2]-desk[2]))
	}
	t, gap := otsu(d, 442)
	if gap < 40 {
		return quad{}, false // nothing stands out from the background
	}
	mask := make([]bool, w*h)
	for i, v := range d {
		mask[i] = v > t
	}
	comp := largestComponent(mask, w, h)
	if len(comp) < w*h/10 {
		return quad{}, false
	}
	best := [4]float64{math.Inf(1), math.Inf(-1), math.Inf(-1), math.Inf(1)}
	var q quad
	for _, i := range comp {
		x, y := float64(i%w), float64(i/w)
		if s := x + y; s < best[0] {
			best[0], q[0] = s, pt{x, y}
		}
		if s := x - y; s > best[1] {
			best[1], q[1] = s, pt{x + 1, y}
		}
		if s := x + y; s > best[2] {
			best[2], q[2] = s, pt{x + 1, y + 1}
		}
		if s := x - y; s < best[3] {
			best[3], q[3] = s, pt{x, y + 1}
		}
	}
	// back to the photo's pixels, a little inside the edge so no desk
	// shows as a line the OCR would read as a bar
	var cx, cy float64
	for _, p := range q {
		cx, cy = cx+p.X/4, cy+p.Y/4
	}
	for i, p := range q {
		p.X = cx + (p.X-cx)*0.99
		p.Y = cy + (p.Y-cy)*0.99
		q[i] = pt{float64(b.Min.X) + p.X*float64(step), float64(b.Min.Y) + p.Y*float64(step)}
	}
	return q, true
}

func sq(v float64) float64 { return v * v }

// otsu is the threshold that best splits values in [0, top] in two
// (midway between the two classes' means) and the distance of the means.
func otsu(vals []float64, top float64) (threshold, gap float64) {
	const bins = 256
	var hist [bins]float64
	for _, v := range vals {
		hist[min(bins-1, max(0, int(v/top*(bins-1))))]++
	}
	total := float64(len(vals))
	var sum float64
	for i, c := range hist {
		sum += float64(i) * c
	}
	var wB, sumB, bestVar, lo, hi float64
	for i, c := range hist {
		wB += c
		sumB += float64(i) * c
		if wB == 0 || wB == total {
			continue
		}
		mB, mF := sumB/wB, (sum-sumB)/(total-wB)
		if v := wB * (total - wB) * sq(mB-mF); v > bestVar {
			bestVar, lo, hi = v, mB, mF
		}
	}
	scale := top / (bins - 1)
	return (lo + hi) / 2 * scale, (hi - lo) * scale
}

// largestComponent is the indexes of the largest 4-connected patch of true.
func largestComponent(mask []bool, w, h int) []int {
	seen := make([]bool, len(mask))
	var best, stack, comp []int
	for s := range mask {
		if !mask[s] || seen[s] {
			continue
		}
		comp = comp[:0]
		stack = append(stack[:0], s)
		seen[s] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			comp = append(comp, i)
			x, y := i%w, i/w
			for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
				if n[0] < 0 || n[1] < 0 || n[0] >= w || n[1] >= h {
					continue
				}
				j := n[1]*w + n[0]
				if mask[j] && !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		if len(comp) > len(best) {
			best = append(best[:0], comp...)
		}
	}
	return best
}

// warp maps the quad q of img onto a w×h rectangle through the homography
// of the four corners, sampling bilinearly.
func warp(img image.Image, q quad, w, h int) *image.RGBA {
	src, ok := img.(*image.RGBA)
	if !ok {
		src = image.NewRGBA(img.Bounds())
		draw.Draw(src, src.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	H := geom.Homography([4]geom.Pt{{X: 0, Y: 0}, {X: float64(w), Y: 0}, {X: float64(w), Y: float64(h)}, {X: 0, Y: float64(h)}},
		[4]geom.Pt{geom.Pt(q[0]), geom.Pt(q[1]), geom.Pt(q[2]), geom.Pt(q[3])})
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx, sy := H.Map(float64(x)+0.5, float64(y)+0.5)
			c := geom.Bilinear(src, sx-0.5, sy-0.5)
			i := dst.PixOffset(x, y)
			for k := range 4 {
				dst.Pix[i+k] = uint8(c[k] + 0.5)
			}
		}
	}
	return dst
}
