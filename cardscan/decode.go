package cardscan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // JPEG photos
	_ "image/png"  // PNG photos

	"github.com/gen2brain/heic"
	"github.com/rwcarlsen/goexif/exif"
)

// ErrNotAPhoto is returned for bytes that are neither JPEG, PNG nor HEIC.
var ErrNotAPhoto = errors.New("not a JPEG, PNG or HEIC photo")

// maxPixels bounds a decoded photo (a 48-megapixel phone camera and some
// margin), so a crafted file cannot make the reader allocate gigabytes.
const maxPixels = 64 << 20

func decodePhoto(photo []byte) (image.Image, error) {
	if isHEIC(photo) {
		cfg, err := heic.DecodeConfig(bytes.NewReader(photo))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotAPhoto, err)
		}
		if cfg.Width*cfg.Height > maxPixels {
			return nil, fmt.Errorf("photo too large: %d×%d pixels", cfg.Width, cfg.Height)
		}
		// libheif applies the container's rotation and mirroring (irot,
		// imir) itself, which is how iPhones store orientation.
		img, err := heic.Decode(bytes.NewReader(photo))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotAPhoto, err)
		}
		return img, nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(photo))
	if err != nil {
		return nil, ErrNotAPhoto
	}
	if cfg.Width*cfg.Height > maxPixels {
		return nil, fmt.Errorf("photo too large: %d×%d pixels", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(photo))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotAPhoto, err)
	}
	return orient(img, exifOrientation(photo)), nil
}

// isHEIC tells an ISO base media file of the HEIF family by its ftyp box.
func isHEIC(b []byte) bool {
	if len(b) < 12 || string(b[4:8]) != "ftyp" {
		return false
	}
	switch string(b[8:12]) {
	case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
		return true
	}
	return false
}

// exifOrientation is the EXIF Orientation tag (1 to 8), 1 when absent.
func exifOrientation(photo []byte) int {
	x, err := exif.Decode(bytes.NewReader(photo))
	if err != nil {
		return 1
	}
	tag, err := x.Get(exif.Orientation)
	if err != nil {
		return 1
	}
	v, err := tag.Int(0)
	if err != nil || v < 1 || v > 8 {
		return 1
	}
	return v
}

// orientations maps a pixel (x, y) of a w×h photo to its upright place
// for EXIF orientations 2 to 8 (2 mirrored, 3 turned 180°, 4 flipped, 5
// to 8 transposed; 6 is a phone held upright):
//
//	x' = m[0]x + m[1]y + m[2](w-1) + m[3](h-1), y' likewise with m[4:8].
var orientations = [9][8]int{
	2: {-1, 0, 1, 0, 0, 1, 0, 0}, 3: {-1, 0, 1, 0, 0, -1, 0, 1}, 4: {1, 0, 0, 0, 0, -1, 0, 1},
	5: {0, 1, 0, 0, 1, 0, 0, 0}, 6: {0, -1, 0, 1, 1, 0, 0, 0}, 7: {0, -1, 0, 1, -1, 0, 1, 0},
	8: {0, 1, 0, 0, -1, 0, 1, 0},
}

// orient turns img upright for an EXIF orientation.
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	m := orientations[o]
	dst := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx := m[0]*x + m[1]*y + m[2]*(w-1) + m[3]*(h-1)
			dy := m[4]*x + m[5]*y + m[6]*(w-1) + m[7]*(h-1)
			i, j := src.PixOffset(x, y), dst.PixOffset(dx, dy)
			copy(dst.Pix[j:j+4], src.Pix[i:i+4])
		}
	}
	return dst
}
