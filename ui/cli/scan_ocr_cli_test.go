//go:build tesseract

package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warmlead/cardscan/cardgen"
	"warmlead/cardscan/cardscantest"
)

// The "done when" of issue 19 on the command line: the real binary, built
// with Tesseract, reads a folder of generated card photos (series 3, not
// the benchmark's) with --json and then saves them with --save; what list
// --json shows is scored against the cards' truth, with the floors a
// little under the targets. make ocr-test runs it.
func TestScanGeneratedFolderEndToEnd(t *testing.T) {
	const n = 20
	dir := t.TempDir()
	photos := filepath.Join(dir, "photos")
	truths := cardscantest.GeneratedFolder(t, photos, n, 3)
	p := newProcDBFor(t, dir, warmleadBinaryTags(t, "tesseract"))
	p.must("settings", "--country", "NL") // the country the generated cards' national numbers are in
	byFile := map[string]cardgen.Truth{}
	for _, tr := range truths {
		byFile[tr.File] = tr
	}

	start := time.Now()
	out := p.must("scan", photos, "--json")
	t.Logf("scan --json: %d photos in %.1f s", n, time.Since(start).Seconds())
	read := readScanJSON(t, out)
	var jsonTally cardgen.Tally
	for _, o := range read {
		tr, ok := byFile[o.File]
		if !ok {
			t.Fatalf("--json names a file that is not a photo of the folder: %q", o.File)
		}
		jsonTally.Add(tr, map[string]string{"name": o.Name, "company": o.Company, "title": o.Title, "email": o.Email, "phone": o.Phone})
	}
	if len(read) != n {
		t.Errorf("--json has %d objects for %d photos", len(read), n)
	}
	if p.must("list", "--json") != "[]\n" {
		t.Error("scan without --save saved something")
	}

	start = time.Now()
	code, saved, errs := p.run("scan", photos, "--save", "--event", "Expo")
	t.Logf("scan --save: %d photos in %.1f s, exit %d", n, time.Since(start).Seconds(), code)
	if errs != "" {
		t.Logf("stderr of scan --save:\n%s", errs) // synthetic cards: no one's data
	}
	ids := savedIDs(t, saved)
	var list []struct {
		ID                                 uint64
		Name, Company, Title, Email, Phone string
		Source, Event                      string
	}
	if err := json.Unmarshal([]byte(p.must("list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var saveTally cardgen.Tally
	for _, pr := range list {
		file, ok := ids[pr.ID]
		if !ok {
			t.Fatalf("prospect %d in the list was not said added", pr.ID)
		}
		if pr.Source != "card" || pr.Event != "Expo" {
			t.Errorf("%s saved as source %q event %q, want card at Expo", file, pr.Source, pr.Event)
		}
		saveTally.Add(byFile[file], map[string]string{"name": pr.Name, "company": pr.Company, "title": pr.Title, "email": pr.Email, "phone": pr.Phone})
		delete(byFile, file)
	}
	for _, tr := range byFile { // not saved: every field missed
		saveTally.Add(tr, nil)
	}
	t.Logf("scan --json: %s", jsonTally.String())
	t.Logf("scan --save, then list --json: %s", saveTally.String())
	for _, s := range append(jsonTally.Short(cardgen.Floors), saveTally.Short(cardgen.Floors)...) {
		t.Error(s)
	}
	if t.Failed() {
		for _, m := range saveTally.Misses {
			t.Log(m)
		}
	}
}

// scannedJSON is one object of scan --json, as a script reads it.
type scannedJSON struct {
	File, Name, Company, Title, Email, Phone string
	Confidence                               map[string]float64
}

// readScanJSON decodes scan --json and checks its schema: the five fields
// are strings (the phone in E.164 or ""), each with a confidence in 0..1.
func readScanJSON(t *testing.T, out string) []scannedJSON {
	t.Helper()
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("scan --json is not an array of objects: %v", err)
	}
	for _, o := range raw {
		for _, k := range append([]string{"file"}, cardgen.MainFields...) {
			if _, ok := o[k].(string); !ok {
				t.Errorf("%v: %q is %T, want a string", o["file"], k, o[k])
			}
		}
		if ph, _ := o["phone"].(string); ph != "" && !isE164(ph) {
			t.Errorf("%v: phone %q is not E.164", o["file"], ph)
		}
		c, _ := o["confidence"].(map[string]any)
		for _, k := range cardgen.MainFields {
			if v, ok := c[k].(float64); !ok || v < 0 || v > 1 {
				t.Errorf("%v: confidence %q is %v, want a number from 0 to 1", o["file"], k, c[k])
			}
		}
	}
	var read []scannedJSON
	if err := json.Unmarshal([]byte(out), &read); err != nil {
		t.Fatal(err)
	}
	return read
}

var addedLine = regexp.MustCompile(`^(\S+): added prospect (\d+)$`)

// savedIDs maps each prospect scan --save said it added to its photo.
func savedIDs(t *testing.T, out string) map[uint64]string {
	t.Helper()
	ids := map[uint64]string{}
	for line := range strings.Lines(strings.TrimSpace(out)) {
		m := addedLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			t.Fatalf("scan --save printed %q", line)
		}
		id, _ := strconv.ParseUint(m[2], 10, 64)
		ids[id] = m[1]
	}
	if len(ids) == 0 {
		t.Fatalf("scan --save added nothing: %q", out)
	}
	return ids
}
