package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func (h *harness) writeFile(name string, data []byte) string {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		h.t.Fatal(err)
	}
	return path
}

const nationalCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan de Vries\r\nEMAIL:jan@vries.example\r\nTEL:(0)20 555 0100\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Piet Bakker\r\nEMAIL:piet@bakker.example\r\nTEL:12\r\nEND:VCARD\r\n"

// The phone country: init --country, settings --country, import --country
// for one file, and add reading national numbers with the setting.
func TestCountryFlags(t *testing.T) {
	h := newHarness(t)
	if code, _, errs := h.run("init", "--lang", "en", "--country", "Holland"); code != ExitUsage || !strings.Contains(errs, `"Holland" is not a country code`) {
		t.Fatalf("bad --country: exit %d %q", code, errs)
	}
	h.must("init", "--rep", "Rita Rep", "--lang", "en", "--country", "nl")
	if out := h.must("settings"); out != "language: en\nphone country: NL\nretention: 12 months\n" {
		t.Errorf("settings: %q", out)
	}
	id := strings.TrimSpace(h.must("add", "--name", "Jan", "--phone", "020 555 0199", "--source", "card"))
	if out := h.must("show", id); !strings.Contains(out, "+31 20 555 0199") {
		t.Errorf("add read the number outside NL:\n%s", out)
	}
	if out := h.must("settings", "--country", "se"); out != "phone country set to SE: national numbers are read there from now on\n" {
		t.Errorf("settings --country: %q", out)
	}
	id = strings.TrimSpace(h.must("add", "--name", "Sven", "--phone", "08-555 123 45", "--source", "card"))
	if out := h.must("show", id); !strings.Contains(out, "+46 8") {
		t.Errorf("add after settings --country SE:\n%s", out)
	}
	if code, _, errs := h.run("settings", "--country", "ZZ"); code != ExitUsage || !strings.Contains(errs, `"ZZ" is not a country code`) {
		t.Errorf("settings --country ZZ: exit %d %q", code, errs)
	}
	// One file's country beats the setting.
	path := h.writeFile("nl.vcf", []byte(nationalCards))
	code, out, errs := h.run("import", path, "--country", "NL", "--source", "address-book")
	if code != 0 || out != "imported 2, merged 0, suppressed 0, failed 0\ncards: 1 imported whole, 1 imported with a field dropped or kept as written, 0 failed\n" ||
		errs != "note: nl.vcf, card 2: its phone number has no country code and does not read in NL: kept as written, and calls are blocked until you correct it\n" {
		t.Fatalf("import --country: exit %d %q %q", code, out, errs)
	}
	list := h.must("list", "--search", "jan de vries", "--json")
	if !strings.Contains(list, `"+31205550100"`) {
		t.Errorf("national number not read in NL: %s", list)
	}
}

// A card whose number cannot be read imports; the person cannot be called
// (can-contact and call exit 3 with the reason) until it is corrected.
func TestUnreadPhoneBlocksCall(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("import", h.writeFile("nl.vcf", []byte(nationalCards)))
	var rows []map[string]any
	if err := json.Unmarshal([]byte(h.must("list", "--search", "piet", "--json")), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list: %v %v", err, rows)
	}
	id := jsonNumber(rows[0]["id"])
	if out := h.must("show", id); !strings.Contains(out, "12 (as written, no country code: correct it before calling)") || !strings.Contains(out, "piet@bakker.example") {
		t.Errorf("show:\n%s", out)
	}
	code, out, _ := h.run("can-contact", id, "--channel", "phone", "--purpose", "follow-up")
	if code != ExitBlocked || !strings.HasPrefix(out, "blocked: ") || !strings.Contains(out, "no country code: cannot check the do-not-call register") {
		t.Errorf("can-contact phone: exit %d %q", code, out)
	}
	if code, _, _ := h.run("can-contact", id, "--channel", "email", "--purpose", "follow-up"); code != 0 {
		t.Errorf("can-contact email: exit %d", code)
	}
	code, _, errs := h.run("call", id, "--outcome", "reached")
	if code != ExitBlocked || !strings.Contains(errs, "no country code: cannot check the do-not-call register") {
		t.Errorf("call: exit %d %q", code, errs)
	}
	h.must("edit", id, "--field", "phone", "--value", "+31 20 555 0101")
	if code, out, _ := h.run("can-contact", id, "--channel", "phone", "--purpose", "follow-up"); code != 0 {
		t.Errorf("after the correction: exit %d %q", code, out)
	}
	h.must("call", id, "--outcome", "no-answer")
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Where the cards come from: the default stays card (scripts), the rep's
// own address book and a bought list with its vendor say what was chosen.
func TestImportSourceFlag(t *testing.T) {
	h := newHarness(t)
	h.init()
	card := func(name, email string) []byte {
		return []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\nEMAIL:" + email + "\r\nEND:VCARD\r\n")
	}
	h.must("import", h.writeFile("a.vcf", card("Ann Card", "ann@a.example")), "--event", "Vakbeurs")
	h.must("import", h.writeFile("b.vcf", card("Bo Book", "bo@b.example")), "--source", "address-book")
	h.must("import", h.writeFile("c.vcf", card("Cy List", "cy@c.example")), "--source", "list", "--list-vendor", "LeadCo")
	for _, c := range []struct{ search, has string }{
		{"ann", "handed over a business card at Vakbeurs"},
		{"bo book", "own address book"},
		{"cy list", "bought list from LeadCo"},
	} {
		var rows []map[string]any
		json.Unmarshal([]byte(h.must("list", "--search", c.search, "--json")), &rows)
		if len(rows) != 1 {
			t.Fatalf("%s: %v", c.search, rows)
		}
		_, out, _ := h.run("can-contact", jsonNumber(rows[0]["id"]), "--channel", "email", "--purpose", "follow-up")
		if !strings.Contains(out, c.has) {
			t.Errorf("%s: %q, want %q", c.search, out, c.has)
		}
	}
	if code, _, _ := h.run("import", h.writeFile("d.vcf", card("D", "d@d.example")), "--source", "rumour"); code != ExitUsage {
		t.Errorf("--source rumour: exit %d", code)
	}
}

// UTF-16 without a byte order mark imports; a file with no card fails.
func TestImportUTF16AndNoCard(t *testing.T) {
	h := newHarness(t)
	h.init()
	for _, e := range []unicode.Endianness{unicode.BigEndian, unicode.LittleEndian} {
		b, _ := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ærø Ødegård\r\nTEL:020 555 0100\r\nEND:VCARD\r\n"))
		if out := h.must("import", h.writeFile("apple.vcf", b), "--keep-both"); out != "imported 1, merged 0, suppressed 0, failed 0\n" {
			t.Errorf("UTF-16 %v: %q", e, out)
		}
	}
	code, out, errs := h.run("import", h.writeFile("empty.vcf", nil))
	if code != ExitError || out != "imported 0, merged 0, suppressed 0, failed 1\n" || !strings.Contains(errs, "empty.vcf: the file is empty: no cards in it\n") {
		t.Errorf("empty file: exit %d %q %q", code, out, errs)
	}
	code, _, errs = h.run("import", h.writeFile("notes.vcf", []byte("just some notes\n")))
	if code != ExitError || !strings.Contains(errs, "the file holds no vCard") {
		t.Errorf("no card: exit %d %q", code, errs)
	}
}
