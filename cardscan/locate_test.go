package cardscan

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// A light card turned 8° on a dark desk is found and warped flat: the
// result is card-sized and holds no desk at its edges.
func TestLocateCard(t *testing.T) {
	photo := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	a := 8 * math.Pi / 180
	for y := 0; y < 1200; y++ {
		for x := 0; x < 1600; x++ {
			// the point in the card's frame, centre (800, 600), 1100 × 700
			dx, dy := float64(x-800), float64(y-600)
			u, v := dx*math.Cos(a)+dy*math.Sin(a), -dx*math.Sin(a)+dy*math.Cos(a)
			c := color.RGBA{90, 70, 50, 255}
			if math.Abs(u) < 550 && math.Abs(v) < 350 {
				c = color.RGBA{245, 245, 240, 255}
			}
			photo.SetRGBA(x, y, c)
		}
	}
	q, ok := findQuad(photo)
	if !ok {
		t.Fatal("no card found")
	}
	if w := dist(q[0], q[1]); w < 1000 || w > 1150 {
		t.Errorf("top edge %.0f px, want about 1100 (quad %v)", w, q)
	}
	flat := locateCard(photo)
	if flat.Rect.Dx() != cardLong || flat.Rect.Dy() != cardShort {
		t.Fatalf("flat card %v", flat.Rect)
	}
	for _, p := range []image.Point{{3, 3}, {cardLong - 4, 3}, {3, cardShort - 4}, {cardLong - 4, cardShort - 4}, {cardLong / 2, 2}} {
		if c := flat.RGBAAt(p.X, p.Y); c.R < 200 {
			t.Errorf("pixel %v is %v: desk left in the crop", p, c)
		}
	}
	// a photo with nothing on a background is the card itself
	blank := image.NewRGBA(image.Rect(0, 0, 800, 500))
	if _, ok := findQuad(blank); ok {
		t.Error("a blank photo has a card")
	}
	if big := shrink(image.NewRGBA(image.Rect(0, 0, 4032, 3024))); big.Bounds().Dx() != maxSide {
		t.Errorf("a 4032-wide photo shrinks to %v", big.Bounds())
	}
}
