package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// canContact runs can-contact and returns its exit code and line.
func (h *harness) canContact(id, channel, purpose string) (int, string) {
	code, out, errs := h.run("can-contact", id, "--channel", channel, "--purpose", purpose)
	if code != ExitOK && code != ExitBlocked {
		h.t.Fatalf("can-contact %s %s %s: exit %d: %s", id, channel, purpose, code, errs)
	}
	return code, strings.TrimSpace(out)
}

func TestConsentLifecycleDrivesCanContact(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Card Carla", "--email", "carla@firm.example", "--phone", "+31 20 555 0101", "--source", "card", "--event", "Expo")

	steps := []struct {
		name          string
		args          []string // a command to run first, or nil
		channel, purp string
		code          int
		want          string
	}{
		{"card allows one-to-one follow-up", nil, "email", "follow-up", ExitOK, "allowed:"},
		{"card does not allow the newsletter", nil, "email", "newsletter", ExitBlocked, "blocked:"},
		{"grant newsletter by email reply", []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "Yes, sign me up"}, "email", "newsletter", ExitOK, "[rule: consent]"},
		{"the grant is per channel", nil, "sms", "newsletter", ExitBlocked, "blocked:"},
		{"withdrawal blocks, naming the rule", []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--withdraw", "--method", "email-reply", "--evidence", "Please stop"}, "email", "newsletter", ExitBlocked, "[rule: withdrawn]"},
		{"grant after withdrawal allows again", []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "web-form", "--evidence", "double opt-in 4711"}, "email", "newsletter", ExitOK, "allowed:"},
		{"objection beats everything", []string{"object", "1", "--evidence", "Do not contact me again"}, "email", "newsletter", ExitBlocked, "[rule: objection]"},
		{"objection blocks follow-up too", nil, "phone", "follow-up", ExitBlocked, "[rule: objection]"},
	}
	for _, s := range steps {
		if s.args != nil {
			h.must(s.args...)
		}
		code, line := h.canContact("1", s.channel, s.purp)
		if code != s.code || !strings.Contains(line, s.want) {
			t.Errorf("%s: exit %d %q, want exit %d containing %q", s.name, code, line, s.code, s.want)
		}
	}
	var d map[string]any
	code, out, _ := h.run("can-contact", "1", "--channel", "email", "--purpose", "follow-up", "--json")
	if code != ExitBlocked || json.Unmarshal([]byte(out), &d) != nil || d["allowed"] != false || d["rule"] != "objection" || d["reason"] == "" {
		t.Fatalf("can-contact --json: exit %d %s", code, out)
	}
}

func TestConsentRefusesBareVerbalAndMissingEvidence(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "V", "--source", "cold-call")
	cases := [][]string{
		{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "verbal", "--evidence", "said yes"},
		{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply"},
		{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--refuse", "--method", "email-reply", "--evidence", "x"},
		{"consent", "1", "--purpose", "spam", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "x"},
	}
	for _, c := range cases {
		if code, _, errs := h.run(c...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want usage error", c, code, errs)
		}
	}
	if _, _, errs := h.run(cases[0]...); !strings.Contains(errs, "not proof") {
		t.Errorf("verbal: %q", errs)
	}
}

func TestDoNotCallRegister(t *testing.T) {
	h := newHarness(t)
	h.init() // lang nl: national numbers read as Dutch
	h.must("add", "--name", "Listed Lars", "--phone", "020 555 0199", "--source", "card")
	reg := filepath.Join(h.dir, "bel-me-niet.csv")
	os.WriteFile(reg, []byte("naam;telefoonnummer\nX;020 555 0199\nY;not a number\nZ;+31 6 12345678\n"), 0o600)
	code, out, errs := h.run("dnc", "import", reg, "--register", "NL Bel-me-niet")
	if code != 0 || !strings.Contains(out, "2 numbers imported, 1 lines skipped") || !strings.Contains(errs, "line 3") {
		t.Fatalf("dnc import: exit %d\n%s\n%s", code, out, errs)
	}
	c, line := h.canContact("1", "phone", "follow-up")
	if c != ExitBlocked || !strings.Contains(line, "+31 20 555 0199") || !strings.Contains(line, "NL Bel-me-niet") || !strings.Contains(line, "[rule: do-not-call]") {
		t.Fatalf("listed number: %d %q", c, line)
	}
	if c, _ := h.canContact("1", "email", "follow-up"); c != ExitOK {
		t.Fatal("the register blocked email too")
	}
	h.must("consent", "1", "--purpose", "follow-up", "--channel", "phone", "--grant", "--method", "signed", "--evidence", "form signed at the stand")
	if c, line := h.canContact("1", "phone", "follow-up"); c != ExitOK {
		t.Fatalf("phone consent should beat the register: %q", line)
	}
	raw, _ := os.ReadFile(h.db)
	if strings.Contains(string(raw), "+31205550199") || strings.Contains(string(raw), "+31612345678") {
		t.Fatal("register numbers stored in clear")
	}
}

func TestExportEraseSuppression(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Erik Eraseme", "--company", "Gone AB", "--email", "erik@gone.example", "--phone", "+46 8 123 456 78", "--source", "card")
	h.must("add", "--name", "Stay Put", "--source", "card")
	var doc map[string]any
	if err := json.Unmarshal([]byte(h.must("export", "1", "--format", "json")), &doc); err != nil {
		t.Fatalf("export json: %v", err)
	}
	vcf := filepath.Join(h.dir, "erik.vcf")
	h.must("export", "1", "--format", "vcf", "--out", vcf)
	if b, _ := os.ReadFile(vcf); !strings.Contains(string(b), "VERSION:4.0") || !strings.Contains(string(b), "Erik Eraseme") {
		t.Fatalf("vcard:\n%s", b)
	}
	if audit := h.must("audit"); strings.Count(audit, "exported") != 2 {
		t.Fatalf("exports not audit-logged:\n%s", audit)
	}
	if code, _, _ := h.run("erase", "1"); code != ExitUsage {
		t.Fatal("erase without a reason was accepted")
	}
	h.must("erase", "1", "--reason", "asked to be forgotten by email")
	// Its id answers with the tombstone only (issue 20), never the data.
	if code, out, _ := h.run("show", "1"); code != ExitOK || strings.Contains(out, "Eraseme") || !strings.Contains(out, "was erased") {
		t.Fatalf("erased prospect still shown: exit %d %q", code, out)
	}
	for _, args := range [][]string{
		{"add", "--name", "Erik Again", "--email", "ERIK@gone.example", "--source", "card"},
		{"add", "--name", "Erik Phone", "--phone", "+46812345678", "--source", "list"},
	} {
		if code, _, errs := h.run(args...); code != ExitError || !strings.Contains(errs, "erased") {
			t.Errorf("re-adding an erased person: exit %d %q", code, errs)
		}
	}
	if audit := h.must("audit"); !strings.Contains(audit, "erased") || !strings.Contains(audit, "asked to be forgotten") {
		t.Fatalf("erasure not audit-logged:\n%s", audit)
	}
	if out := h.must("verify"); !strings.Contains(out, "ok: 1 prospects") {
		t.Fatalf("verify after erase: %q", out)
	}
}

func TestNoticeAndDue(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Referred Rosa", "--company", "Intro BV", "--source", "referral")
	h.must("edit", "1", "--field", "email", "--value", "rosa@intro.example")
	due := h.must("due")
	if !strings.Contains(due, "Referred Rosa") || !strings.Contains(due, "notice") {
		t.Fatalf("due before notice:\n%s", due)
	}
	if msg := h.mustEML("notice.eml", "notice", "1"); msg.Header.Get("To") == "" || msg.Header.Get("Subject") == "" {
		t.Fatalf("notice .eml headers: %v", msg.Header)
	}
	if due := h.must("due", "--json"); strings.Contains(due, `"kind": "notice"`) {
		t.Fatalf("notice still due after sending:\n%s", due)
	}
	if show := h.must("show", "1"); !strings.Contains(show, "informed") {
		t.Fatalf("not marked informed:\n%s", show)
	}
}

func TestVCardRoundTrip(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Łukasz Żółw-Ångström", "--company", "Polmar; Gdańsk", "--title", "Dyrektor", "--email", "lukasz@polmar.example", "--phone", "+48 58 123 45 67", "--source", "card")
	vcf := filepath.Join(h.dir, "out.vcf")
	h.must("export", "1", "--format", "vcf", "--out", vcf)
	other := filepath.Join(h.dir, "other.db")
	h.must("--db", other, "init", "--rep", "Olaf")
	if out := h.must("--db", other, "import", vcf); !strings.HasPrefix(out, "imported 1,") {
		t.Fatalf("import of the export: %q", out)
	}
	var a, b []map[string]any
	json.Unmarshal([]byte(h.must("list", "--json")), &a)
	json.Unmarshal([]byte(h.must("--db", other, "list", "--json")), &b)
	// Every field, the company's ";" included: the export escapes it (RFC
	// 6350) instead of turning it into a comma (issue 19).
	for _, f := range []string{"name", "company", "title", "email", "phone"} {
		if a[0][f] != b[0][f] {
			t.Errorf("%s: exported %v, re-imported %v", f, a[0][f], b[0][f])
		}
	}
	if b[0]["company"] != "Polmar; Gdańsk" {
		t.Errorf("company re-imported as %v", b[0]["company"])
	}
}

// The consent rules the GUI alone checked now hold here too: an expiry
// that is not in the future and --evidence over the cap are refused (exit
// 2), and the events carry the settings' rep when --rep is not given.
func TestConsentRefusesPastExpiryAndHugeEvidence(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Eva Expiry", "--email", "eva@expiry.example", "--source", "card")
	grant := []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "signed"}
	yesterday := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	cases := []struct {
		args []string
		want string
	}{
		{append(grant, "--evidence", "form 1", "--expires", yesterday), "warmlead: the expiry date must be in the future\n"},
		{append(grant, "--evidence", strings.Repeat("y", maxEvidence+1)), "warmlead: the evidence is larger than 256 KB"},
	}
	for _, c := range cases {
		code, out, errs := h.run(c.args...)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%.80v: exit %d, %q", c.args, code, errs)
		}
	}
	out := h.must(append(grant, "--evidence", "form 2", "--expires", time.Now().AddDate(1, 0, 0).Format("2006-01-02"))...)
	if out != "prospect 1: consent-granted newsletter by email recorded as event 2\n" {
		t.Fatalf("grant: %q", out)
	}
	var shown struct {
		Events []struct{ Rep string } `json:"events"`
	}
	json.Unmarshal([]byte(h.must("show", "1", "--json")), &shown)
	if n := len(shown.Events); n != 2 || shown.Events[1].Rep == "" {
		t.Fatalf("the grant was recorded by nobody: %+v", shown.Events)
	}
}
