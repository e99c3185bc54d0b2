package cardscan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os/exec"
	"testing"
)

// marked is a 40×20 image, white but for a black 10×5 block in its
// top-left corner, to follow where the corner goes.
func marked() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 40; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x < 10 && y < 5 {
				c = color.RGBA{0, 0, 0, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// withOrientation is a JPEG of img carrying an EXIF APP1 segment with one
// tag, Orientation.
func withOrientation(t *testing.T, img image.Image, o uint16) []byte {
	t.Helper()
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	var tiff bytes.Buffer
	tiff.WriteString("II*\x00")
	le := binary.LittleEndian
	for _, v := range []any{uint32(8), uint16(1), uint16(0x0112), uint16(3), uint32(1), o, uint16(0), uint32(0)} {
		if err := binary.Write(&tiff, le, v); err != nil {
			t.Fatal(err)
		}
	}
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	b := j.Bytes()
	return append(append(append([]byte{}, b[:2]...), append(seg, payload...)...), b[2:]...)
}

func TestDecodePhotoOrientation(t *testing.T) {
	// where the black corner block lands, and the decoded size
	tests := []struct {
		o      uint16
		at     image.Point
		dx, dy int
	}{
		{1, image.Pt(2, 2), 40, 20}, {2, image.Pt(37, 2), 40, 20}, {3, image.Pt(37, 17), 40, 20},
		{4, image.Pt(2, 17), 40, 20}, {5, image.Pt(2, 2), 20, 40}, {6, image.Pt(17, 2), 20, 40},
		{7, image.Pt(17, 37), 20, 40}, {8, image.Pt(2, 37), 20, 40},
	}
	for _, tt := range tests {
		img, err := DecodePhoto(withOrientation(t, marked(), tt.o))
		if err != nil {
			t.Fatalf("orientation %d: %v", tt.o, err)
		}
		b := img.Bounds()
		if b.Dx() != tt.dx || b.Dy() != tt.dy {
			t.Errorf("orientation %d: %v, want %d×%d", tt.o, b, tt.dx, tt.dy)
		}
		if r, _, _, _ := img.At(tt.at.X, tt.at.Y).RGBA(); r > 0x4000 {
			t.Errorf("orientation %d: the corner block is not at %v", tt.o, tt.at)
		}
	}
}

func TestDecodePhotoFormats(t *testing.T) {
	var p bytes.Buffer
	if err := png.Encode(&p, marked()); err != nil {
		t.Fatal(err)
	}
	if img, err := DecodePhoto(p.Bytes()); err != nil || img.Bounds().Dx() != 40 {
		t.Errorf("PNG: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("not a photo"), p.Bytes()[:40], []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00")} {
		if _, err := DecodePhoto(bad); !errors.Is(err, ErrNotAPhoto) {
			t.Errorf("%q: err %v, want ErrNotAPhoto", bad, err)
		}
	}
}

// An HEIC as iPhones take them, made from a PNG by ImageMagick through
// pipes (no file), decoded without cgo.
func TestDecodeHEIC(t *testing.T) {
	if _, err := exec.LookPath("convert"); err != nil {
		t.Skip("ImageMagick's convert is not installed: it makes the HEIC sample")
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			v := uint8(20)
			if x >= 32 {
				v = 235
			}
			img.SetRGBA(x, y, color.RGBA{v, v, v, 255})
		}
	}
	var p bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("convert", "png:-", "heic:-")
	cmd.Stdin = &p
	heic, err := cmd.Output()
	if err != nil || !isHEIC(heic) {
		t.Skipf("this ImageMagick writes no HEIC (%v)", err)
	}
	got, err := DecodePhoto(heic)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds().Dx() != 64 || got.Bounds().Dy() != 48 {
		t.Fatalf("HEIC decoded as %v, want 64×48", got.Bounds())
	}
	// the dark left half and light right half, in luminance (ImageMagick
	// signals the colours of the HEIC it writes oddly, so no exact colour)
	dark, light := color.GrayModel.Convert(got.At(10, 24)).(color.Gray), color.GrayModel.Convert(got.At(54, 24)).(color.Gray)
	if int(light.Y)-int(dark.Y) < 100 {
		t.Errorf("HEIC luminance left %d, right %d: want the right half far lighter", dark.Y, light.Y)
	}
}
