package cardgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Sample is one generated card: its truth and its photo (JPEG bytes).
type Sample struct {
	Truth Truth
	Photo []byte
}

// Generate makes card i of the series seed: the same (seed, i) always
// gives the same card and photo.
func Generate(seed uint64, i int) (Sample, error) {
	r := randFor(seed, i)
	t, p := newTruth(r)
	t.File = fmt.Sprintf("card-%03d.jpg", i+1)
	card, err := render(r, t, p)
	if err != nil {
		return Sample{}, err
	}
	photo, err := photograph(r, card)
	if err != nil {
		return Sample{}, err
	}
	return Sample{t, photo}, nil
}

func randFor(seed uint64, i int) *rand.Rand { return rand.New(rand.NewPCG(seed, uint64(i))) }

// WriteFolder writes n generated photos into dir (card-001.jpg, …) and
// truth.json beside them (the []Truth it returns), for tests and trials of
// the scan command and the review screen on a folder. Synthetic cards hold
// no personal data, so they may sit on disk.
func WriteFolder(dir string, n int, seed uint64) ([]Truth, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	truths := make([]Truth, 0, n)
	for i := range n {
		s, err := Generate(seed, i)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, s.Truth.File), s.Photo, 0o644); err != nil {
			return nil, err
		}
		truths = append(truths, s.Truth)
	}
	b, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return nil, err
	}
	return truths, os.WriteFile(filepath.Join(dir, "truth.json"), append(b, '\n'), 0o644)
}
