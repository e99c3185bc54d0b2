package usecase

import (
	"bytes"
	"image"
	"image/jpeg"

	"golang.org/x/image/draw"

	"warmlead/cardscan"
	"warmlead/consent"
)

var errCardImage = newTemplate(CodeBadValue, "the card photo cannot be kept as evidence: it is not an image Warmlead can read (nothing was saved)")

// KeptImage says what was kept of a photo: evidence has a size cap
// (consent.MaxEvidence), so a photo is re-encoded as a JPEG (which also
// drops its metadata: the place and camera), downscaled when needed.
type KeptImage struct {
	Width, Height int
	Bytes         int
	Downscaled    bool // smaller than the photo: it did not fit the cap
}

// cardImageSide is the longest side a kept photo starts at: a card is
// legible at it, and most fit the cap at good quality.
const cardImageSide = 1600

// fitCardImage re-encodes a photo (turned upright) as a JPEG that fits a
// card-image event: the quality steps down first, then the size.
func fitCardImage(photo []byte) ([]byte, KeptImage, error) {
	img, err := cardscan.DecodePhoto(photo)
	if err != nil {
		return nil, KeptImage{}, errCardImage.Wrap(err)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return nil, KeptImage{}, errCardImage.New()
	}
	scale := min(1, float64(cardImageSide)/float64(max(w, h)))
	for {
		sw, sh := max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))
		small := img
		if sw != w || sh != h {
			dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
			draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
			small = dst
		}
		for _, q := range []int{85, 70, 55} {
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: q}); err != nil {
				return nil, KeptImage{}, errCardImage.Wrap(err)
			}
			if buf.Len() <= consent.MaxCardImage {
				return buf.Bytes(), KeptImage{Width: sw, Height: sh, Bytes: buf.Len(), Downscaled: sw < w}, nil
			}
		}
		scale *= 0.75
	}
}
