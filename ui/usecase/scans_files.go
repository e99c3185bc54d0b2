package usecase

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"warmlead/cardscan"
	"warmlead/consent"
)

// MaxPhotoFile caps a card photo read into memory: a 48-megapixel phone
// photo is ~15 MB as JPEG, ~25 MB as PNG.
const MaxPhotoFile = 64 << 20

// photoExts are the photos a folder is searched for.
var photoExts = []string{".jpg", ".jpeg", ".png", ".heic", ".heif"}

// IsPhotoName says whether a file name is one of the photos Warmlead reads
// (JPEG, PNG, HEIC), by its extension.
func IsPhotoName(name string) bool {
	return slices.Contains(photoExts, strings.ToLower(filepath.Ext(name)))
}

// PhotoPaths expands the files and folders a rep named: a folder means the
// photos in it (not its sub-folders), by name; a file stays as named, so a
// file that is not a photo fails alone when it is read.
func PhotoPaths(args []string) []string {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a)
			continue
		}
		entries, _ := os.ReadDir(a)
		for _, e := range entries { // ReadDir sorts by name
			if !e.IsDir() && IsPhotoName(e.Name()) {
				out = append(out, filepath.Join(a, e.Name()))
			}
		}
	}
	return out
}

// ReadPhoto reads a photo file into memory (never a copy on disk); a
// folder, a device or a file over MaxPhotoFile is refused.
func ReadPhoto(path string) (Photo, error) {
	b, err := ReadInput(path, MaxPhotoFile, RegularOnly)
	return Photo{Name: filepath.Base(path), Data: b}, err
}

// ReadPhotoFrom reads a photo from r (what the window's file dialog gives)
// into memory, capped like ReadPhoto.
func ReadPhotoFrom(name string, r io.Reader) (Photo, error) {
	b, err := readCapped(r, MaxPhotoFile)
	return Photo{Name: filepath.Base(name), Data: b}, err
}

// normalizePhones writes the numbers of a card in E.164 when they can be
// read with the country setting, else leaves them as printed (the form
// then says what is wrong).
func normalizePhones(c *cardscan.Card, region string) {
	for _, f := range []*cardscan.Field{&c.Phone, &c.Mobile, &c.Fax} {
		if f.Value == "" {
			continue
		}
		if n, err := consent.NormalizePhone(f.Value, region); err == nil {
			f.Value = n
		}
	}
}
