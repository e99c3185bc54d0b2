//go:build ci && tesseract

package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"warmlead/cardscan/cardgen"
	"warmlead/cardscan/cardscantest"
)

// The "done when" of issue 19 in the GUI: a folder of generated card
// photos (series 4) read by the real reader, reviewed keyboard only (Enter
// saves each card as read and opens the next, the counter says "k of n"),
// and the prospects saved scored against the cards' truth with the floors
// of the scan command's test. make ocr-test runs it.
func TestScanReviewGeneratedFolder(t *testing.T) {
	const n = 20
	dir := t.TempDir()
	truths := cardscantest.GeneratedFolder(t, dir, n, 4)
	g := openMain(t)
	s, err := g.db.Settings()
	if err != nil {
		t.Fatal(err)
	}
	s.Country = cardgen.HomeCountry // the generated cards' national numbers are Dutch
	if err := g.db.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	byFile := map[string]cardgen.Truth{}
	var uris []fyne.URI
	for _, tr := range truths {
		byFile[tr.File] = tr
		uris = append(uris, storage.NewFileURI(filepath.Join(dir, tr.File)))
	}
	readCardPhotos(g, uris, nil)
	g.wait()
	if g.scan == nil || g.scan.review == nil {
		t.Fatal("no review after reading the folder")
	}
	r := g.scan.review
	c := r.card
	saved := map[string]uint64{} // photo → prospect
	var id uint64
	for k := 1; g.scan != nil; k++ {
		if k > n {
			t.Fatalf("the review did not end after %d photos", n)
		}
		if want := fmt.Sprintf("%d of %d", k, n); r.counter.Text != want || g.win.Canvas().Focused() != c.name {
			t.Fatalf("counter %q, focus %v; want %q, the name focused", r.counter.Text, g.win.Canvas().Focused(), want)
		}
		file, name := r.s.photos[r.s.cur].Name, c.name.Text
		before := g.db.Index().Count()
		c.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		g.wait()
		if g.db.Index().Count() != before+1 {
			// refused or a possible duplicate: a miss on every field
			t.Logf("%s not saved on Enter: %q", file, c.status.Text)
			if g.scan != nil && r.counter.Text == fmt.Sprintf("%d of %d", k, n) {
				r.onSkip()
				g.wait()
			}
			continue
		}
		id++
		saved[file] = id
		if p, err := g.db.Prospect(id); err != nil || p.Name != name {
			t.Fatalf("%s: prospect %d is %q (%v), the form said %q", file, id, p.Name, err, name)
		}
	}
	var y cardgen.Tally
	for _, tr := range truths {
		p, err := g.db.Prospect(saved[tr.File])
		if saved[tr.File] == 0 || err != nil {
			y.Add(tr, nil)
			continue
		}
		y.Add(tr, map[string]string{"name": p.Name, "company": p.Company, "title": p.Title, "email": p.Email, "phone": p.Phone})
	}
	t.Logf("review, Enter on each card: %s", y.String())
	for _, s := range y.Short(cardgen.Floors) {
		t.Error(s)
	}
	if t.Failed() {
		for _, m := range y.Misses { // synthetic cards: no one's data
			t.Log(m)
		}
	}
}
