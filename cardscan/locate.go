package cardscan

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Card geometry: an ISO 7810 ID-1 card (85.6 × 54 mm) at 300 dpi.
const (
	cardLong  = 1011
	cardShort = 638
)

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
	t := otsu(d, 442)
	if t < 25 {
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

// otsu is the threshold that best splits values in [0, top] in two.
func otsu(vals []float64, top float64) float64 {
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
	var wB, sumB, bestVar float64
	best := 0
	for i, c := range hist {
		wB += c
		if wB == 0 || wB == total {
			continue
		}
		sumB += float64(i) * c
		mB, mF := sumB/wB, (sum-sumB)/(total-wB)
		if v := wB * (total - wB) * sq(mB-mF); v > bestVar {
			bestVar, best = v, i
		}
	}
	return float64(best) / (bins - 1) * top
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
	H := homography([4]pt{{0, 0}, {float64(w), 0}, {float64(w), float64(h)}, {0, float64(h)}}, q)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := src.Bounds()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			z := H[6]*fx + H[7]*fy + H[8]
			sx := (H[0]*fx+H[1]*fy+H[2])/z - 0.5
			sy := (H[3]*fx+H[4]*fy+H[5])/z - 0.5
			dst.SetRGBA(x, y, bilinear(src, b, sx, sy))
		}
	}
	return dst
}

func bilinear(src *image.RGBA, b image.Rectangle, x, y float64) color.RGBA {
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
	return color.RGBA{uint8(out[0] + 0.5), uint8(out[1] + 0.5), uint8(out[2] + 0.5), uint8(out[3] + 0.5)}
}

// homography is the 3×3 matrix (row-major) taking the points from to the
// points to, solved as the usual 8×8 linear system.
func homography(from, to [4]pt) [9]float64 {
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
	var hm [9]float64
	for i := range 8 {
		if a[i][i] != 0 {
			hm[i] = a[i][8] / a[i][i]
		}
	}
	hm[8] = 1
	return hm
}
