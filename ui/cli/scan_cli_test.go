package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/cardscan"
	"warmlead/cardscan/cardscantest"
)

// scanHarness is a database and a folder of card photos the fake reader
// knows: anna.png (all fields), bo.jpg (a national number, no title).
func scanHarness(t *testing.T) (*harness, string, *cardscantest.Fake) {
	h := newHarness(t)
	h.init()
	f := &cardscantest.Fake{Cards: map[string]cardscan.Card{
		"anna.png": {Name: cardscantest.Field("Anna de Vries", 0.92), Company: cardscantest.Field("Vries BV", 0.7),
			Title: cardscantest.Field("Inkoper", 0.4), Email: cardscantest.Field("anna@vries.example", 0.98),
			Phone: cardscantest.Field("+31 20 555 0100", 0.9)},
		"bo.png": {Name: cardscantest.Field("Bo Ek", 0.8), Email: cardscantest.Field("bo@ek.example", 1),
			Phone: cardscantest.Field("020 555 0111", 0.6), FromQR: true},
	}, Errs: map[string]error{"plain.png": cardscan.ErrNoOCR}}
	newCardReader = f.NewReader
	t.Cleanup(func() { newCardReader = nil })
	dir := filepath.Join(h.dir, "cards")
	os.Mkdir(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "anna.png"), cardscantest.Photo("Anna de Vries"), 0o600)
	os.WriteFile(filepath.Join(dir, "bo.png"), cardscantest.Photo("Bo Ek"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a photo, not in the folder's photos"), 0o600)
	return h, dir, f
}

// --json is an array, one object per photo read (a folder means its
// photos), with the five fields as strings, the phone in E.164, and a
// confidence from 0 to 1 for each.
func TestScanJSONSchema(t *testing.T) {
	h, dir, _ := scanHarness(t)
	out := h.must("scan", dir, "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 {
		t.Fatalf("not an array of 2: %v\n%s", err, out)
	}
	for _, o := range got {
		for _, k := range []string{"file", "name", "company", "title", "email", "phone"} {
			if _, ok := o[k].(string); !ok {
				t.Errorf("%v: %q is %T, want a string", o["file"], k, o[k])
			}
		}
		c, ok := o["confidence"].(map[string]any)
		if !ok {
			t.Fatalf("%v: no confidence object", o["file"])
		}
		for _, k := range []string{"name", "company", "title", "email", "phone"} {
			if v, ok := c[k].(float64); !ok || v < 0 || v > 1 {
				t.Errorf("%v: confidence %q is %v", o["file"], k, c[k])
			}
		}
	}
	if got[0]["file"] != "anna.png" || got[0]["phone"] != "+31205550100" || got[1]["phone"] != "+31205550111" || got[1]["title"] != "" {
		t.Errorf("values: %v", got)
	}
	if c := got[1]["confidence"].(map[string]any); c["title"] != 0.0 || c["email"] != 1.0 {
		t.Errorf("bo's confidences: %v", c)
	}
	if n := h.must("list", "--json"); strings.Contains(n, "Anna") {
		t.Fatal("scan without --save added a prospect")
	}
}

// The text output: each field a line with its confidence; nothing saved.
func TestScanText(t *testing.T) {
	h, dir, _ := scanHarness(t)
	out := h.must("scan", filepath.Join(dir, "anna.png"))
	want := "anna.png:\n  name     Anna de Vries (0.92)\n  company  Vries BV (0.70)\n  title    Inkoper (0.40)\n" +
		"  email    anna@vries.example (0.98)\n  phone    +31205550100 (0.90)\n"
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

// --save adds them as card prospects with the event, through the form's
// checks: the second run finds them duplicates, each failing alone.
func TestScanSave(t *testing.T) {
	h, dir, _ := scanHarness(t)
	out := h.must("scan", dir, "--save", "--event", "Expo Utrecht")
	if out != "anna.png: added prospect 1\nbo.png: added prospect 2\n" {
		t.Fatalf("stdout %q", out)
	}
	var ps []map[string]any
	json.Unmarshal([]byte(h.must("list", "--json")), &ps)
	if len(ps) != 2 || ps[0]["source"] != "card" || ps[0]["name"] != "Anna de Vries" || ps[1]["phone"] != "+31205550111" {
		t.Fatalf("list: %v", ps)
	}
	if show := h.must("show", "1", "--json"); !strings.Contains(show, "Expo Utrecht") {
		t.Errorf("the event is not on the prospect: %s", show)
	}
	code, out, errs := h.run("scan", dir, "--save")
	if code != ExitError || out != "" || !strings.Contains(errs, "anna.png: a prospect with this email already exists (id 1)") ||
		!strings.Contains(errs, "bo.png: a prospect with this email already exists (id 2)") {
		t.Fatalf("again: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := h.run("scan", dir, "--event", "X"); code != ExitUsage {
		t.Fatalf("--event without --save: exit %d %s", code, errs)
	}
}

// A file that cannot be read fails alone with its name and reason; the
// others are read; the exit is 1.
func TestScanBadFile(t *testing.T) {
	h, dir, _ := scanHarness(t)
	bad := filepath.Join(dir, "notes.txt")
	missing := filepath.Join(dir, "gone.jpg")
	code, out, errs := h.run("scan", bad, filepath.Join(dir, "anna.png"), missing, "--json")
	var got []map[string]any
	if code != ExitError || json.Unmarshal([]byte(out), &got) != nil || len(got) != 1 || got[0]["file"] != "anna.png" {
		t.Fatalf("exit %d, %s", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "gone.jpg: no such file") ||
		!strings.HasPrefix(lines[1], "notes.txt: not a photo Warmlead can read") ||
		lines[2] != "warmlead: 2 of 3 photos failed (each said above); the others were read" {
		t.Fatalf("stderr:\n%s", errs)
	}
	if strings.Contains(errs, h.dir) {
		t.Errorf("a path is printed: %s", errs)
	}
	if code, _, _ := h.run("scan"); code != ExitUsage {
		t.Fatalf("no image: exit %d", code)
	}
}

// Without Tesseract the command says what scanning printed text needs.
func TestScanNoOCR(t *testing.T) {
	h, dir, _ := scanHarness(t)
	plain := filepath.Join(dir, "plain.png")
	os.WriteFile(plain, cardscantest.Photo("Plain"), 0o600)
	code, _, errs := h.run("scan", plain)
	want := "plain.png: " + cardscan.ErrNoOCR.Error() + "\nwarmlead: " + cardscan.ErrNoOCR.Error() + "\n"
	if code != ExitError || errs != want || !strings.Contains(errs, "needs Tesseract") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}

// --keep-image keeps each photo in its prospect's ledger as a card-image
// event; --keep-image without --save is a usage error.
func TestScanSaveKeepImage(t *testing.T) {
	h, dir, _ := scanHarness(t)
	h.must("scan", filepath.Join(dir, "anna.png"), "--save", "--keep-image")
	if show := h.must("show", "1", "--json"); !strings.Contains(show, `"kind": "card-image"`) || !strings.Contains(show, "data:image/jpeg;base64,") {
		t.Fatalf("no card image in the ledger: %.400s", show)
	}
	if code, _, _ := h.run("scan", dir, "--keep-image"); code != ExitUsage {
		t.Fatalf("--keep-image without --save: exit %d", code)
	}
}
