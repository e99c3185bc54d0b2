package usecase

import (
	"os"
	"sync"

	"warmlead/consent/pdfreport"
)

// PDFFallbackFonts are the system fonts the PDF documents fall back to for
// scripts the embedded Go fonts lack, tried in order: DejaVu Sans (Arabic,
// Hebrew, and more; Debian fonts-dejavu-core) and Droid Sans Fallback
// (Chinese, Japanese, Korean; fonts-droid-fallback). They are read from the
// system rather than embedded (the CJK font is 4 MB, more than the rest of
// the binary's assets together); the Debian package depends on both. A
// machine without them prints those runes as "?", as before. TrueType
// only: gofpdf cannot read the .ttc/.otf of fonts-noto-cjk.
var PDFFallbackFonts = []struct{ Family, Path string }{
	{"dejavu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
	{"droid", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
	{"droid", "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"}, // Fedora
}

// loadPDFFonts registers the fallback fonts found, once per process, on
// the first document (not at start: most commands make none).
var loadPDFFonts = sync.OnceFunc(func() {
	seen := map[string]bool{}
	for _, f := range PDFFallbackFonts {
		if seen[f.Family] {
			continue
		}
		b, err := os.ReadFile(f.Path)
		if err != nil {
			continue
		}
		if pdfreport.RegisterFallback(f.Family, b) == nil {
			seen[f.Family] = true
		}
	}
})
