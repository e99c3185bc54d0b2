package pdfreport

import (
	"bytes"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The font families documents use: the Go fonts, whose glyphs cover Latin
// (with every European accent), Greek and Cyrillic.
const (
	familySans = "go"
	familyMono = "gomono" // hashes, so digits and letters line up
)

type fontFile struct {
	family, style string
	ttf           []byte
}

var fontFiles = []fontFile{
	{familySans, "", goregular.TTF},
	{familySans, "B", gobold.TTF},
	{familySans, "I", goitalic.TTF},
	{familyMono, "", gomono.TTF},
}

// addFonts makes the Go fonts available in pdf. Each document gets its own
// copy of the font files: gofpdf's subsetter pads tables by appending to
// slices of the bytes it was given, writing into them (harmless zeros for a
// well-formed font, but a data race between documents made at once, and
// the gofont bytes are shared with anything else in the process). Copying
// 0.6 MB costs well under a millisecond; parsing is the expensive part
// and gofpdf offers no way to share a parsed font between documents.
func addFonts(pdf *gofpdf.Fpdf) {
	for _, f := range fontFiles {
		pdf.AddUTF8FontFromBytes(f.family, f.style, bytes.Clone(f.ttf))
	}
}

// glyphs is the set of Basic Multilingual Plane runes Go Regular has a glyph
// for, read once from its character map. The bold, italic and mono faces
// cover the same set (a test checks).
var glyphs = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	return coverage(goregular.TTF)
})

func coverage(ttf []byte) *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic("pdfreport: embedded font does not parse: " + err.Error())
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if gi, err := f.GlyphIndex(&buf, r); err == nil && gi != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
}

// hasGlyph tells whether the fonts can draw r: the Go fonts, or a
// fallback font (fallback.go).
func hasGlyph(r rune) bool { return goHas(r) || fallbackFor(r) != nil }

// goHas tells whether the Go fonts can draw r.
func goHas(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return true
	}
	if r < 0 || r >= 1<<16 {
		return false
	}
	return glyphs()[r/64]&(1<<(r%64)) != 0
}
