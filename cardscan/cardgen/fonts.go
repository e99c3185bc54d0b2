package cardgen

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// family is a typeface's regular and bold cut.
type family struct{ Regular, Bold *opentype.Font }

// fontFiles are the Debian font packages' families the cards use
// (fonts-dejavu-core, fonts-dejavu-extra, fonts-liberation): regular and
// bold file names, looked for under fontDirs.
var fontFiles = [][2]string{
	{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"},
	{"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"},
	{"DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"},
	{"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"},
	{"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"},
	{"LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"},
}

var fontDirs = []string{
	"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
	"/usr/share/fonts/truetype/liberation2",
}

// ErrNoFonts says the font packages are missing.
var ErrNoFonts = errors.New("cardgen: no fonts found: install fonts-dejavu-core, fonts-dejavu-extra and fonts-liberation")

var (
	fontsOnce sync.Once
	families  []family
	fontsErr  error
)

// loadFonts reads the installed families once.
func loadFonts() ([]family, error) {
	fontsOnce.Do(func() {
		for _, ff := range fontFiles {
			reg, err1 := readFont(ff[0])
			bold, err2 := readFont(ff[1])
			if err1 == nil && err2 == nil {
				families = append(families, family{reg, bold})
			}
		}
		if len(families) == 0 {
			fontsErr = ErrNoFonts
		}
	})
	return families, fontsErr
}

func readFont(name string) (*opentype.Font, error) {
	for _, d := range fontDirs {
		b, err := os.ReadFile(filepath.Join(d, name))
		if err == nil {
			return opentype.Parse(b)
		}
	}
	return nil, os.ErrNotExist
}

// face is f at a size in pixels.
func face(f *opentype.Font, px float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // only for a size <= 0, which the layouts never ask
	}
	return fc
}
