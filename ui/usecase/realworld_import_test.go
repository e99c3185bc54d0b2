package usecase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/consent/vcardin"
	"warmlead/store"
)

// realworldDir holds vCards real phones, mail clients and address books
// wrote (see its SOURCES.md); it lives outside the project.
const realworldDir = "../../../shared/testdata/vcards-realworld"

// TestRealWorldImport imports every file of the real-world corpus through the
// store, with the country NL, and counts the cards: imported whole,
// imported with a field dropped (or a phone kept as written), failed. Every
// card a person can see is imported or fails alone with a reason, and no
// card the reader found with a name fails for a secondary field (a phone,
// a birthday, a photo, an address): only the store's checks of the person
// themselves (an erased person) may refuse it. The README quotes the counts.
func TestRealWorldImport(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.vcf"))
	if len(files) == 0 {
		t.Skip("real-world vCards not present at " + realworldDir)
	}
	var total Counts
	var fileFails int
	for _, path := range files {
		app, _ := newTestApp(t)
		if _, err := app.Settings.SetCountry("NL"); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := vcardin.Parse(f, vcardin.DefaultLimits())
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		res, err := app.Imports.Import([]string{path}, ImportOptions{Source: "address-book"})
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		named := map[int]string{}
		for _, c := range parsed.Cards {
			named[c.Number] = c.Name
		}
		for _, p := range res.Summary.Problems {
			if p.Reason == "" {
				t.Errorf("%s: a problem without a reason: %+v", p.File, p)
			}
			if p.Number == 0 {
				fileFails++
				continue
			}
			if name := named[p.Number]; name != "" && p.Code != store.ProblemSuppressed {
				t.Errorf("%s card %d (named) failed: %s", p.File, p.Number, p.Reason)
			}
		}
		c := res.Counts()
		if got, want := c.Whole+c.Dropped+c.Failed+res.Summary.Suppressed, len(parsed.Cards)+len(parsed.Failures); got != want && !(want == 0 && c.Failed == 1) {
			t.Errorf("%s: %d cards accounted for, the reader found %d", filepath.Base(path), got, want)
		}
		total.Whole += c.Whole
		total.Dropped += c.Dropped
		total.Failed += c.Failed
	}
	t.Logf("real-world corpus, %d files: %d cards imported whole, %d imported with a field dropped, %d failed (%d of them whole files without a card)",
		len(files), total.Whole, total.Dropped, total.Failed, fileFails)
	if total.Whole == 0 || strings.Contains(t.Name(), " ") {
		t.Error("nothing imported")
	}
}
