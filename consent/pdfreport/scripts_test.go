package pdfreport

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"warmlead/consent"
)

// systemFallbacks registers Debian's DejaVu Sans (Arabic, Hebrew) and Droid
// Sans Fallback (Chinese, Japanese, Korean) for one test, as ui/usecase
// does for the app; skipped where the packages are not installed.
func systemFallbacks(t *testing.T) {
	t.Helper()
	fallbackMu.Lock()
	old := fallbacks
	fallbacks = nil
	fallbackMu.Unlock()
	t.Cleanup(func() { fallbackMu.Lock(); fallbacks = old; fallbackMu.Unlock() })
	for _, f := range []struct{ family, path string }{
		{"dejavu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
		{"droid", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
	} {
		b, err := os.ReadFile(f.path)
		if err != nil {
			t.Skipf("%s is not installed (fonts-dejavu-core, fonts-droid-fallback)", f.path)
		}
		if err := RegisterFallback(f.family, b); err != nil {
			t.Fatal(err)
		}
	}
}

// scriptNames are names in the scripts a prospect's name can hold.
var scriptNames = []struct{ script, name, company string }{
	{"Chinese", "黄世勇", "华为技术有限公司"},
	{"Japanese", "山田 太郎", "株式会社トヨタ"},
	{"Greek", "Γιώργος Παπαδόπουλος", "Αθήνα ΑΕ"},
	{"Cyrillic", "Дмитрий Иванов", "ООО Ромашка"},
	{"Arabic", "محمد العلي", "شركة النور"},
	{"Hebrew", "דוד כהן", "חברת אור"},
}

// inText says whether pdftotext's output holds want in its logical order:
// right-to-left names are drawn in visual order (visualOrder) and poppler
// reads them back as written.
func inText(text, want string) bool { return strings.Contains(text, want) }

func TestEveryScriptInEveryDocument(t *testing.T) {
	systemFallbacks(t)
	var recs []consent.Record
	for i, s := range scriptNames {
		r := richRecord(uint64(i+1), s.name, s.company)
		recs = append(recs, r)
		path := writeDoc(t, "summary-"+s.script+".pdf", func(b *bytes.Buffer) error { return Summary(b, r, VerifyRecord(r), testMeta()) })
		text := pdfText(t, path)
		for _, want := range []string{s.name, s.company} {
			for _, word := range strings.Fields(want) {
				if !inText(text, word) {
					t.Errorf("%s summary: %q not read back", s.script, word)
				}
			}
		}
		if strings.Contains(text, "??") {
			t.Errorf("%s summary still prints ??", s.script)
		}
		if s.script == "Chinese" {
			snapshot(t, path, "pdfreport-summary-chinese", 1)
		}
	}
	path := writeDoc(t, "team.pdf", func(b *bytes.Buffer) error { return Team(b, recs, Filter{}, testMeta(), false, nil) })
	text := pdfText(t, path)
	for _, s := range scriptNames {
		// The name column may cut a long surname with an ellipsis.
		if word := strings.Fields(s.name)[0]; !inText(text, word) {
			t.Errorf("team report: %s name %q not read back", s.script, word)
		}
	}
	m := testMeta()
	m.Settings.Rep, m.Settings.Company = "黄世勇", "株式会社トヨタ"
	path = writeDoc(t, "register.pdf", func(b *bytes.Buffer) error { return Register(b, recs, nil, m) })
	if text := pdfText(t, path); !inText(text, "黄世勇") || !inText(text, "株式会社トヨタ") {
		t.Error("register: the controller's names in CJK not read back")
	}
}

// A document without such names embeds no fallback font: it stays as
// small as before; one CJK name adds a subset, not the 4 MB font.
func TestFallbackFontOnlyWhenNeeded(t *testing.T) {
	systemFallbacks(t)
	latin := richRecord(1, "Jørgen Ångström", "Nordlys AS")
	var plainPDF, cjkPDF bytes.Buffer
	if err := Summary(&plainPDF, latin, VerifyRecord(latin), testMeta()); err != nil {
		t.Fatal(err)
	}
	cjk := richRecord(1, "黄世勇", "Nordlys AS")
	if err := Summary(&cjkPDF, cjk, VerifyRecord(cjk), testMeta()); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plainPDF.Bytes(), []byte("fb-droid")) || bytes.Contains(plainPDF.Bytes(), []byte("DroidSans")) {
		t.Error("a Latin-only document embeds the CJK font")
	}
	if grow := cjkPDF.Len() - plainPDF.Len(); grow > 200<<10 {
		t.Errorf("one CJK name grew the PDF by %d KB", grow>>10)
	} else {
		t.Logf("latin %d KB, with a CJK name %d KB", plainPDF.Len()>>10, cjkPDF.Len()>>10)
	}
}

func TestRegisterFallbackRefusesOtherFonts(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("OTTO not truetype"), []byte("ttcf collection....")} {
		if err := RegisterFallback("x", b); err == nil {
			t.Errorf("%q accepted", b)
		}
	}
}

func TestVisualOrder(t *testing.T) {
	for in, want := range map[string]string{
		"Jørgen Ångström":       "Jørgen Ångström",
		"דוד כהן":               "ןהכ דוד",
		"דוד כהן — Acme (BV)":   "ןהכ דוד — Acme (BV)",
		"Consent summary · דוד": "Consent summary · דוד",
		"محمد 12":               "دمحم 12",
	} {
		if got := visualOrder(in); got != want {
			t.Errorf("visualOrder(%q) = %q, want %q", in, got, want)
		}
	}
}
