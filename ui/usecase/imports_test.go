package usecase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/consent/vcardin"
	"warmlead/consent/vcardin/vcardtest"
	"warmlead/store"
)

// importFixture writes a.vcf: an empty card, one without name, email or
// phone, a contact group, a good card, one with a bad email, one with a bad
// phone, one of an erased person, and one with a 5,000-byte name and 60
// emails (imported, shortened).
func importFixture(t *testing.T, dir string) string {
	t.Helper()
	return writeInDir(t, dir, "a.vcf", vcardtest.ProblemCards())
}

// Import problems carry a code and their values, and their English is the
// line the CLI has always printed (ui/cli's import test checks the output
// itself).
func TestImportProblemsCarryCodesAndValues(t *testing.T) {
	app, db := newTestApp(t)
	erased(t, app, db, "erik@gone.example", "")
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.vcf")
	var calls int
	res, err := app.Imports.Import([]string{importFixture(t, dir), missing}, ImportOptions{Event: "Expo", Progress: func(done, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Summary.Line(); got != "imported 3, merged 0, suppressed 1, failed 5" || calls == 0 {
		t.Fatalf("summary %q, %d progress calls", got, calls)
	}
	_, openErr := os.Open(missing)
	type want struct {
		code   store.ProblemCode
		number int
		line   string
		data   map[string]any
	}
	problems := []want{
		{store.ProblemCode(vcardin.CodeEmpty), 1, "a.vcf, card 1: card 1 is empty", map[string]any{"Number": 1}},
		{store.ProblemCode(vcardin.CodeNoContact), 2, "a.vcf, card 2: card 2 has no name, email or phone", map[string]any{"Number": 2}},
		{store.ProblemCode(vcardin.CodeGroup), 3, "a.vcf, card 3: card 3 is a contact group, not a person", map[string]any{"Number": 3}},
		{ProblemUnreadableFile, 0, "missing.vcf: cannot read the file: " + openErr.Error(), map[string]any{"Error": openErr.Error()}},
		{store.ProblemInvalidEmail, 5, "a.vcf, card 5: its email address is not valid: write it as name@company.com", nil},
		{store.ProblemSuppressed, 7, "a.vcf, card 7: this person asked to be erased (matched by email): they may not be added or contacted again", nil},
	}
	warnings := []want{
		{store.ProblemCode(vcardin.CodeDropped), 8, "a.vcf, card 8: card 8 had more than 50 emails, phones or names; 10 were dropped", map[string]any{"Number": 8, "Limit": 50, "Dropped": 10}},
		{store.ProblemCode(vcardin.CodeCut), 8, "a.vcf, card 8: card 8 had a value longer than 4096 bytes; it was cut", map[string]any{"Number": 8, "Limit": 4096}},
		// A phone that cannot be read no longer loses the card (issue 19).
		{ProblemPhoneKept, 6, "a.vcf, card 6: its phone number has no country code and does not read in GB: kept as written, and calls are blocked until you correct it", map[string]any{"Country": "GB"}},
	}
	check := func(kind string, got []store.ImportProblem, want []want) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d, want %d: %+v", kind, len(got), len(want), got)
		}
		for i, w := range want {
			p := got[i]
			if p.Code != w.code || p.Number != w.number || p.String() != w.line || p.Msg.String() != p.Reason {
				t.Errorf("%s %d: %s card %d %q (message %q), want %s card %d %q", kind, i, p.Code, p.Number, p.String(), p.Msg.String(), w.code, w.number, w.line)
			}
			for k, v := range w.data {
				if p.Msg.Data[k] != v {
					t.Errorf("%s %d: %s is %v, want %v", kind, i, k, p.Msg.Data[k], v)
				}
			}
			if strings.Contains(p.Reason, "bad@") || strings.Contains(p.Reason, "Erik") {
				t.Errorf("%s %d quotes the card: %q", kind, i, p.Reason)
			}
		}
	}
	check("problem", res.Summary.Problems, problems)
	check("warning", res.Warnings, warnings)
	if got := db.Index().Search("anna berg"); len(got) != 1 || got[0].Event != "Expo" || got[0].Source != consent.SourceCard {
		t.Fatalf("imported card: %+v", got)
	}
	// The same file again merges instead of doubling.
	again, err := app.Imports.Import([]string{filepath.Join(dir, "a.vcf")}, ImportOptions{})
	if err != nil || again.Summary.Imported != 0 || again.Summary.Merged != 3 {
		t.Fatalf("re-import: %v %s", err, again.Summary.Line())
	}
}

// A do-not-call register: national numbers read in the settings' region,
// bad lines reported by number, the name from the file by default, and an
// unreadable file said as the CLI always said it.
func TestImportDNC(t *testing.T) {
	app, db := newTestApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "bel-me-niet.txt")
	os.WriteFile(path, []byte("+31 20 555 0100\nnot a number\n+31205550101\n"), 0o600)
	res, err := app.DNC.Import(path, " ")
	if err != nil || res.Register.Name != "bel-me-niet" || res.Register.Numbers != 2 || len(res.Bad) != 1 || res.Bad[0].Line != 2 {
		t.Fatalf("import: %v %+v", err, res)
	}
	if res.Register.Imported.Unix() != testNow.Unix() {
		t.Errorf("imported at %v, want the use case's clock", res.Register.Imported)
	}
	if hit := db.DNCLookup("+31205550100"); hit == nil {
		t.Fatal("the number is not on the register")
	}
	missing := filepath.Join(dir, "missing.txt")
	_, err = app.DNC.Import(missing, "NL")
	_, openErr := os.Open(missing)
	if CodeOf(err) != CodeFailed || err.Error() != "cannot read the register file: "+openErr.Error() {
		t.Fatalf("missing file: %v", err)
	}
}
