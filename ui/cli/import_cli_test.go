package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/consent/vcardin/vcardtest"
)

// The import's output, byte for byte: every problem on stderr with its
// file and card, every shortened card as a note, the summary line on
// stdout, and the JSON summary with file, card and reason only.
func TestImportPrintsEveryProblemLine(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Erik Eraseme", "--email", "erik@gone.example", "--source", "card")
	h.must("erase", "1", "--reason", "asked to be forgotten")
	// After the problem cards, a card without BEGIN and one without END.
	cards := vcardtest.ProblemCards() + "VERSION:3.0\r\nFN:No Begin\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:No End\r\n"
	path := filepath.Join(h.dir, "a.vcf")
	os.WriteFile(path, []byte(cards), 0o600)
	missing := filepath.Join(h.dir, "missing.vcf")
	_, openErr := os.Open(missing)
	code, out, errs := h.run("import", path, missing)
	// The readable file's cards are in; the missing file makes the exit 1
	// (issue 20: a script must not take a missing file for success).
	if code != ExitError {
		t.Fatalf("exit %d, want %d: %s", code, ExitError, errs)
	}
	// Card 6's phone cannot be read: the card is imported with it kept as
	// written (issue 19), and a second line counts the cards.
	if want := "imported 5, merged 0, suppressed 1, failed 5\n" +
		"cards: 1 imported whole, 4 imported with a field dropped or kept as written, 5 failed\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	want := strings.Join([]string{
		"a.vcf, card 1: card 1 is empty",
		"a.vcf, card 2: card 2 has no name, email or phone",
		"a.vcf, card 3: card 3 is a contact group, not a person",
		"missing.vcf: cannot read the file: " + openErr.Error(),
		"a.vcf, card 5: its email address is not valid: write it as name@company.com",
		"a.vcf, card 7: this person asked to be erased (matched by email): they may not be added or contacted again",
		"note: a.vcf, card 8: card 8 had more than 50 emails, phones or names; 10 were dropped",
		"note: a.vcf, card 8: card 8 had a value longer than 4096 bytes; it was cut",
		"note: a.vcf, card 9: card 9 has no BEGIN line; it was read anyway",
		"note: a.vcf, card 10: card 10 has no END line (the file may be cut short); what was there was read",
		"note: a.vcf, card 6: its phone number has no country code and does not read in NL: kept as written, and calls are blocked until you correct it",
		"warmlead: 1 of 2 files could not be read (each said above); the others were imported",
	}, "\n") + "\n"
	if errs != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, want)
	}
	code, out, _ = h.run("import", "--json", missing)
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); code != ExitError || err != nil {
		t.Fatalf("import --json: exit %d, %v: %s", code, err, out)
	}
	problems, _ := sum["problems"].([]any)
	if len(problems) != 1 {
		t.Fatalf("json problems %v", sum["problems"])
	}
	if p := problems[0].(map[string]any); len(p) != 3 || p["file"] != "missing.vcf" || p["card"] != 0.0 || p["reason"] != "cannot read the file: "+openErr.Error() {
		t.Errorf("json problem %v", p)
	}
}

// A do-not-call register: each skipped line on stderr, the summary on
// stdout, and a file that cannot be read said as before.
func TestDNCImportOutput(t *testing.T) {
	h := newHarness(t)
	h.init()
	reg := filepath.Join(h.dir, "Bel-me-niet.txt")
	os.WriteFile(reg, []byte("020 555 0100\nnot a number\n+31205550101\n"), 0o600)
	code, out, errs := h.run("dnc", "import", reg)
	if code != 0 || out != "register \"Bel-me-niet\": 2 numbers imported, 1 lines skipped\n" || errs != "line 2: not a phone number\n" {
		t.Fatalf("exit %d, %q, %q", code, out, errs)
	}
	missing := filepath.Join(h.dir, "missing.txt")
	_, openErr := os.Open(missing)
	code, _, errs = h.run("dnc", "import", missing, "--register", "NL")
	if code != ExitError || errs != "warmlead: cannot read the register file: "+openErr.Error()+"\n" {
		t.Fatalf("missing register: exit %d, %q", code, errs)
	}
}
