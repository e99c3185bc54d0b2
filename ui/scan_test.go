package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"warmlead/cardscan"
	"warmlead/cardscan/cardscantest"
	"warmlead/consent"
)

// scanFixture writes four card photos and a fake reader that knows them:
// Jan (a hard-to-read title), a duplicate of Anna, an erased person, Dora.
func scanFixture(t *testing.T) ([]fyne.URI, *cardscantest.Fake) {
	t.Helper()
	f := &cardscantest.Fake{Cards: map[string]cardscan.Card{
		"1-jan.png": {Name: cardscantest.Field("Jan Jansen", 0.95), Company: cardscantest.Field("Jansen BV", 0.9),
			Title: cardscantest.Field("Inkoper", 0.3), Email: cardscantest.Field("jan@jansen.example", 0.97)},
		"2-anna.png": {Name: cardscantest.Field("Anna Berg", 0.9), Email: cardscantest.Field("anna@berg.example", 0.99)},
		"3-erik.png": {Name: cardscantest.Field("Erik Erased", 0.9), Email: cardscantest.Field("erik@gone.example", 0.99)},
		"4-dora.png": {Name: cardscantest.Field("Dora Dahl", 0.9), Phone: cardscantest.Field("020 555 0144", 0.8)},
	}}
	dir := t.TempDir()
	var uris []fyne.URI
	for _, n := range []string{"1-jan.png", "2-anna.png", "3-erik.png", "4-dora.png"} {
		path := filepath.Join(dir, n)
		os.WriteFile(path, cardscantest.Photo(n), 0o600)
		uris = append(uris, storage.NewFileURI(path))
	}
	return uris, f
}

func TestScanReviewKeyboardOnly(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Erik Erased", Email: "erik@gone.example", Source: consent.SourceCard})
	if err := g.db.Erase(2, "asked to be forgotten", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	before := g.db.Index().Count()
	uris, f := scanFixture(t)
	g.uc.Scans.NewReader = f.NewReader
	g.shell.show("prospects")
	readCardPhotos(g, uris, g.shell.prospects.refresh)
	g.wait()
	if g.scan == nil || g.scan.review == nil {
		t.Fatal("no review after reading the batch")
	}
	r := g.scan.review
	c := r.card
	canvas := g.win.Canvas()
	// The first card, pre-filled; the title is marked as hard to read.
	if r.counter.Text != "1 of 4" || c.name.Text != "Jan Jansen" || c.title.Text != "Inkoper" || canvas.Focused() != c.name {
		t.Fatalf("first card: %q %q %q, focus %v", r.counter.Text, c.name.Text, c.title.Text, canvas.Focused())
	}
	if !c.marks[c.title].Visible() || c.marks[c.name].Visible() || c.marks[c.email].Visible() || !r.lowHint.Visible() {
		t.Fatal("the low-confidence title should be marked, and only it")
	}
	if c.marks[c.title].Size().Width == 0 {
		t.Fatal("the mark is shown but was given no room")
	}
	// Tab goes through the fields in order.
	for _, want := range []*quickEntry{c.company, c.title, c.email, c.phone} {
		canvas.(test.WindowlessCanvas).FocusNext()
		if canvas.Focused() != want {
			t.Fatalf("Tab went to %v, want the %q field", canvas.Focused(), want.PlaceHolder)
		}
	}
	c.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(c.title, " Senior") // a correction by the rep
	if g.db.Index().Count() != before {
		t.Fatal("saved before the rep's Enter")
	}
	c.phone.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	g.wait()
	jan := g.db.Index().Search("jan@jansen")
	if len(jan) != 1 || jan[0].Title != "Inkoper Senior" || jan[0].Source != consent.SourceCard {
		t.Fatalf("Jan saved as %+v", jan)
	}
	// Enter opened the next photo: a duplicate of Anna, which Enter alone
	// does not save; Skip (Space on the focused button) passes over it.
	if r.counter.Text != "2 of 4" || c.name.Text != "Anna Berg" || canvas.Focused() != c.name || r.lowHint.Visible() {
		t.Fatalf("second card: %q %q", r.counter.Text, c.name.Text)
	}
	if !c.dupBox.Visible() {
		t.Fatal("the duplicate is not shown")
	}
	c.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	g.wait()
	if r.counter.Text != "2 of 4" || g.db.Index().Count() != before+1 || !strings.Contains(c.status.Text, "Merge into existing") {
		t.Fatalf("a duplicate was saved on Enter: %q, %d prospects", c.status.Text, g.db.Index().Count())
	}
	canvas.Focus(r.skip)
	r.skip.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	g.wait()
	// The erased person is refused, the photo stays.
	if r.counter.Text != "3 of 4" {
		t.Fatalf("after skip: %q", r.counter.Text)
	}
	c.email.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	g.wait()
	if r.counter.Text != "3 of 4" || !strings.HasPrefix(c.status.Text, "Refused:") {
		t.Fatalf("erased person: %q %q", r.counter.Text, c.status.Text)
	}
	// Leave, lock, unlock: choosing the same photos again resumes at 3.
	test.Tap(r.leave)
	g.lock("")
	test.Type(g.unlock.pass, pass)
	test.Tap(g.unlock.button)
	g.wait()
	if g.scan != nil {
		t.Fatal("the photos stayed in memory after the lock")
	}
	g.uc.Scans.NewReader = f.NewReader
	readCardPhotos(g, uris, nil)
	g.wait()
	r = g.scan.review
	c = r.card
	if r.counter.Text != "3 of 4" || c.name.Text != "Erik Erased" {
		t.Fatalf("resume: %q %q", r.counter.Text, c.name.Text)
	}
	if f.Made() == 0 {
		t.Fatal("fake never used")
	}
	test.Tap(r.skip)
	g.wait()
	// The last card, kept with its photo as evidence: the batch is done.
	if r.counter.Text != "4 of 4" || c.phone.Text != "+44205550144" {
		t.Fatalf("fourth card: %q %q", r.counter.Text, c.phone.Text)
	}
	canvas = g.win.Canvas()
	canvas.Focus(r.keep)
	r.keep.TypedRune(' ')
	if !r.keep.Checked {
		t.Fatal("space did not tick keep-image")
	}
	c.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	g.wait()
	dora := g.db.Index().Search("Dora")
	if len(dora) != 1 || g.scan != nil {
		t.Fatalf("Dora %+v, batch %v", dora, g.scan)
	}
	evs, _ := g.db.Events(dora[0].ID)
	if len(evs) != 2 || evs[1].Kind != consent.KindCardImage {
		t.Fatalf("Dora's ledger: %d events", len(evs))
	}
	if st, _ := g.uc.Scans.Pending(); st.Total != 0 {
		t.Fatalf("a done batch is pending: %+v", st)
	}
}

// One photo from the file dialog is read from the dialog's reader; leaving
// its review keeps the batch in memory, and the review comes back at it.
func TestScanOnePhotoLeaveAndResume(t *testing.T) {
	g := openMain(t)
	uris, f := scanFixture(t)
	g.uc.Scans.NewReader = f.NewReader
	r, err := storage.Reader(uris[3])
	if err != nil {
		t.Fatal(err)
	}
	readChosenPhoto(g, r, nil)
	g.wait()
	if g.scan == nil || g.scan.review.counter.Text != "1 of 1" || g.scan.review.card.name.Text != "Dora Dahl" {
		t.Fatal("the chosen photo was not read into a review")
	}
	test.Tap(g.scan.review.leave)
	if g.scan == nil {
		t.Fatal("leaving dropped the batch")
	}
	rv := showScanReview(g, nil)
	if rv.counter.Text != "1 of 1" || rv.card.name.Text != "Dora Dahl" || g.win.Canvas().Focused() != rv.card.name {
		t.Fatalf("resumed at %q %q", rv.counter.Text, rv.card.name.Text)
	}
}
