package usecase

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"warmlead/cardscan"
	"warmlead/cardscan/cardscantest"
	"warmlead/consent"
	"warmlead/store"
)

// scanApp is the use cases with the fake reader answering for cards
// "c0.png"… "c{n-1}.png", each with its own photo.
func scanApp(t *testing.T, n int) (*App, *store.DB, *cardscantest.Fake, []Photo) {
	t.Helper()
	app, db := newTestApp(t)
	f := &cardscantest.Fake{Cards: map[string]cardscan.Card{}, Errs: map[string]error{}}
	app.Scans.NewReader = f.NewReader
	var photos []Photo
	for i := range n {
		name := fmt.Sprintf("c%d.png", i)
		f.Cards[name] = cardscan.Card{Name: cardscantest.Field(fmt.Sprintf("Person %d", i), 0.9),
			Email: cardscantest.Field(fmt.Sprintf("p%d@firm.example", i), 0.95), Company: cardscantest.Field("Firm BV", 0.5)}
		photos = append(photos, Photo{Name: name, Data: cardscantest.Photo(fmt.Sprintf("Person %d", i), "Firm BV")})
	}
	return app, db, f, photos
}

// Results come back in the photos' order whatever order the readers end
// in; a photo that fails fails alone; progress counts up to the total.
func TestScanReadOrderAndFailures(t *testing.T) {
	app, _, f, photos := scanApp(t, 9)
	photos = append(photos, Photo{Name: "notes.txt", Data: []byte("not a photo")})
	f.Errs["c3.png"] = cardscan.ErrNoOCR
	var calls atomic.Int32
	last := 0
	res, err := app.Scans.Read(context.Background(), photos, func(done, total int) {
		calls.Add(1)
		if done != last+1 || total != len(photos) {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		switch {
		case i == 3:
			if !errors.Is(r.Err, cardscan.ErrNoOCR) {
				t.Errorf("photo 3: %v, want ErrNoOCR", r.Err)
			}
		case i == 9:
			if r.Err == nil {
				t.Errorf("a text file was read as a card: %+v", r.Card)
			}
		case r.Err != nil || r.Card.File != photos[i].Name || r.Card.Name.Value != fmt.Sprintf("Person %d", i):
			t.Errorf("photo %d: %+v %v", i, r.Card, r.Err)
		}
	}
	if int(calls.Load()) != len(photos) {
		t.Errorf("%d progress calls for %d photos", calls.Load(), len(photos))
	}
}

// A batch is read with one Reader per core (at most 4), at once.
func TestScanReadUsesBothCores(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("one core: nothing to share")
	}
	app, _, f, photos := scanApp(t, 8)
	f.Delay = 30 * time.Millisecond
	if _, err := app.Scans.Read(context.Background(), photos, nil); err != nil {
		t.Fatal(err)
	}
	want := min(runtime.NumCPU(), 4)
	if f.Made() != want || f.Peak() != want {
		t.Fatalf("%d readers made, %d reads at once; want %d", f.Made(), f.Peak(), want)
	}
}

// Cancelling stops the batch: what was not read says so.
func TestScanReadCancel(t *testing.T) {
	app, _, f, photos := scanApp(t, 20)
	f.Delay = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	res, err := app.Scans.Read(ctx, photos, func(done, _ int) {
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || !errors.Is(res[len(res)-1].Err, context.Canceled) {
		t.Fatalf("after cancel: %v, last photo %v", err, res[len(res)-1].Err)
	}
}

// Saving and skipping are remembered: choosing the same photos again (in
// another order, renamed) resumes; a batch done is forgotten.
func TestScanBatchResume(t *testing.T) {
	app, _, _, photos := scanApp(t, 4)
	states, err := app.Scans.Begin(photos)
	if err != nil || len(states) != 4 || states[0] != ScanOpen {
		t.Fatalf("begin: %v %v", states, err)
	}
	res, _ := app.Scans.Read(context.Background(), photos[:1], nil)
	saved, err := app.Scans.Save(photos[0], res[0].Prospect(""), SaveCard{Event: "Expo 2026"})
	if err != nil || saved.Prospect.Source != consent.SourceCard || saved.Prospect.Event != "Expo 2026" {
		t.Fatalf("save: %+v %v", saved, err)
	}
	if err := app.Scans.Skip(photos[1]); err != nil {
		t.Fatal(err)
	}
	if st, _ := app.Scans.Pending(); st != (BatchStatus{Total: 4, Done: 2}) {
		t.Fatalf("pending: %+v", st)
	}
	again := []Photo{photos[3], {Name: "renamed.png", Data: photos[1].Data}, photos[0], photos[2]}
	states, err = app.Scans.Begin(again)
	if want := []ScanState{ScanOpen, ScanSkipped, ScanSaved, ScanOpen}; err != nil || fmt.Sprint(states) != fmt.Sprint(want) {
		t.Fatalf("resume: %q %v, want %q", states, err, want)
	}
	for _, p := range []Photo{photos[2], photos[3]} {
		if err := app.Scans.Skip(p); err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := app.Scans.Pending(); st.Total != 0 {
		t.Fatalf("a finished batch is still pending: %+v", st)
	}
}

// The batch holds no photo, and what it holds is sealed: no name or byte
// of a photo is in the file in clear.
func TestScanBatchSealed(t *testing.T) {
	app, db := newTestApp(t)
	photo := Photo{Name: "Jorunn-Aasheim-card.png", Data: cardscantest.Photo("Jorunn Aasheim")}
	if _, err := app.Scans.Begin([]Photo{photo}); err != nil {
		t.Fatal(err)
	}
	raw := readFileBytes(t, db.Path())
	for _, s := range []string{"Jorunn", photo.Sum()[:16], string(photo.Data[100:140])} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("%q is in the database file in clear", s)
		}
	}
}

// The form's checks apply: a duplicate or an erased person is refused and
// the photo stays open; keep-both adds.
func TestScanSaveRefusals(t *testing.T) {
	app, db, _, photos := scanApp(t, 2)
	if _, err := app.Scans.Begin(photos); err != nil {
		t.Fatal(err)
	}
	p := consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example"}
	if _, err := app.Scans.Save(photos[0], p, SaveCard{}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Scans.Save(photos[1], p, SaveCard{}); CodeOf(err) != CodeDuplicate {
		t.Fatalf("duplicate: %v", err)
	}
	if st, _ := app.Scans.Pending(); st.Done != 1 {
		t.Fatalf("a refused card marked its photo: %+v", st)
	}
	erased(t, app, db, "erik@gone.example", "")
	if _, err := app.Scans.Save(photos[1], consent.Prospect{Name: "Erik", Email: "erik@gone.example"}, SaveCard{KeepBoth: true}); CodeOf(err) != CodeSuppressed {
		t.Fatalf("suppressed: %v", err)
	}
	if _, err := app.Scans.Save(photos[1], consent.Prospect{Name: "Bad", Phone: "12"}, SaveCard{}); CodeOf(err) != CodeBadValue {
		t.Fatalf("bad phone: %v", err)
	}
	if s, err := app.Scans.Save(photos[1], p, SaveCard{KeepBoth: true}); err != nil || s.Prospect.ID == 0 {
		t.Fatalf("keep both: %+v %v", s, err)
	}
}

// Keeping the photo stores it in the ledger as a card-image event, a JPEG
// within the evidence cap (a large photo is downscaled), sealed.
func TestScanKeepImageEvidence(t *testing.T) {
	app, db := newTestApp(t)
	big := noisyJPEG(t, 4000, 2500) // megabytes: must be shrunk
	for _, c := range []struct {
		name       string
		photo      []byte
		downscaled bool
	}{{"small", cardscantest.Photo("Sanna Öberg", "Öberg AB"), false}, {"large", big, true}} {
		s, err := app.Scans.Save(Photo{Name: c.name + ".jpg", Data: c.photo},
			consent.Prospect{Name: "Sanna " + c.name, Email: c.name + "@oberg.example"}, SaveCard{KeepImage: true})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s.Image.Downscaled != c.downscaled || s.Image.Bytes > consent.MaxCardImage {
			t.Errorf("%s: kept %+v", c.name, s.Image)
		}
		evs, err := db.Events(s.Prospect.ID)
		if err != nil || len(evs) != 2 || evs[1].Kind != consent.KindCardImage || len(evs[1].Evidence) > consent.MaxEvidence {
			t.Fatalf("%s: ledger %v %v", c.name, len(evs), err)
		}
		img, ok := consent.CardImage(evs[1])
		if _, err := jpeg.Decode(bytes.NewReader(img)); !ok || err != nil {
			t.Fatalf("%s: the kept image is no JPEG: %v", c.name, err)
		}
		if r := readFileBytes(t, db.Path()); bytes.Contains(r, img[len(img)/2:len(img)/2+32]) || bytes.Contains(r, []byte(evs[1].Evidence[:64])) {
			t.Errorf("%s: the image is in the file in clear", c.name)
		}
	}
	// Not an image: nothing is saved.
	before := db.Index().Count()
	if _, err := app.Scans.Save(Photo{Name: "x.jpg", Data: []byte("text")}, consent.Prospect{Name: "X Y"}, SaveCard{KeepImage: true}); CodeOf(err) != CodeBadValue || db.Index().Count() != before {
		t.Fatalf("keep a non-image: %v", err)
	}
	// Without the option the ledger holds the collected event only.
	s, err := app.Scans.Save(Photo{Name: "y.png", Data: cardscantest.Photo("Y")}, consent.Prospect{Name: "Yrsa Y"}, SaveCard{})
	if evs, _ := db.Events(s.Prospect.ID); err != nil || len(evs) != 1 {
		t.Fatalf("without keep-image: %d events, %v", len(evs), err)
	}
	if !strings.Contains(errCardImage.Text, "nothing was saved") {
		t.Fatal(errCardImage.Text)
	}
}

func readFileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func noisyJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.IntN(256))
	}
	img.Set(0, 0, color.Black)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Merging a card into the prospect it duplicates keeps its photo on that
// prospect's ledger.
func TestScanSaveMergeKeepsImageOnTheExisting(t *testing.T) {
	app, db := newTestApp(t)
	old, err := app.Prospects.Add(consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := app.Scans.Save(Photo{Name: "anna.png", Data: cardscantest.Photo("Anna Berg")},
		consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Email: "anna@berg.example"}, SaveCard{MergeInto: old.ID, KeepImage: true})
	if err != nil || !s.Merged || s.Prospect.ID != old.ID {
		t.Fatalf("merge: %+v %v", s, err)
	}
	evs, _ := db.Events(old.ID)
	if last := evs[len(evs)-1]; last.Kind != consent.KindCardImage || db.Index().Count() != 1 {
		t.Fatalf("the photo is not on the merged prospect: %v, %d prospects", last.Kind, db.Index().Count())
	}
}
