package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"warmlead/store"
)

// pdfToText runs `pdftotext -layout` on path; the test is skipped where
// poppler-utils is missing (CI has it).
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	return runPDFToText(t, "-layout", path)
}

// runPDFToText runs pdftotext with args (the PDF last) and returns what it
// writes to standard output; the test is skipped without poppler-utils.
func runPDFToText(t *testing.T, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", append(args, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", args[len(args)-1], err, out)
	}
	return string(out)
}

// reportHarness is a database for the document tests: prospect 1, Jørgen
// Ångström from a business card, who granted the newsletter by email with
// the words yes, and prospect 2, a referral (name, company) not yet
// reachable.
func reportHarness(t *testing.T, name, company, yes string) *harness {
	t.Helper()
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "jorgen@nordlys.example", "--phone", "020 555 0100",
		"--source", "card", "--event", "Vakbeurs Utrecht")
	h.must("add", "--name", name, "--company", company, "--source", "referral")
	h.must("consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", yes)
	return h
}

func TestReportAndRegisterCommands(t *testing.T) {
	h := reportHarness(t, "Łukasz Żółw", "Żabka Polska", "Yes, sign me up. Jørgen")
	h.must("consent", "1", "--purpose", "events", "--channel", "email", "--refuse", "--method", "email-reply", "--evidence", "No events, thanks")
	reg := filepath.Join(h.dir, "bel-me-niet.txt")
	os.WriteFile(reg, []byte("020 555 0100\n020 555 0101\n"), 0o600)
	h.must("dnc", "import", reg, "--register", "NL Bel-me-niet")
	var shown prospectJSON
	if err := json.Unmarshal([]byte(h.must("show", "1", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	lastHash := shown.Events[len(shown.Events)-1].Hash
	wrote := regexp.MustCompile(`^wrote (.+) \((\d+) pages\)\n$`)

	// One person's consent summary.
	summary := filepath.Join(h.dir, "Jørgen Ångström summary.pdf")
	out := h.must("report", "--out", summary, "--prospect", "1", "--reason", "quarterly review", "--lang", "en")
	if m := wrote.FindStringSubmatch(out); m == nil || m[1] != summary {
		t.Fatalf("report --prospect printed %q", out)
	}
	if fi, err := os.Stat(summary); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("summary file: %v %v", fi, err)
	}
	text := pdfToText(t, summary)
	for _, want := range []string{"Consent summary", "Jørgen Ångström", "Nordlys AS", "+31 20 555 0100", "Vakbeurs Utrecht", "Acme BV",
		"Newsletter", "granted", "Events", "refused", "email reply", "Rita Rep", "NL Bel-me-niet", lastHash, "Verified", "page 1 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if strings.Contains(text, "Łukasz") {
		t.Error("the summary of prospect 1 names prospect 2")
	}

	// The team report, filtered, and with summaries.
	team := filepath.Join(h.dir, "team.pdf")
	h.must("report", "--out", team, "--source", "referral", "--from", "2020-01-01", "--to", "2099-12-31", "--lang", "en")
	text = pdfToText(t, team)
	for _, want := range []string{"Consent report", "1 of 2 prospects", "Łukasz Żółw", "Żabka Polska", "Referral", "no: introduction unanswered", "page 1 of 2", "What works"} {
		if !strings.Contains(text, want) {
			t.Errorf("team report lacks %q", want)
		}
	}
	if strings.Contains(text, "Jørgen") {
		t.Error("the referral-only report lists a card prospect")
	}
	all := filepath.Join(h.dir, "all.pdf")
	out = h.must("report", "--out", all, "--summaries", "--status", "granted", "--lang", "en")
	if m := wrote.FindStringSubmatch(out); m == nil || m[2] == "1" {
		t.Fatalf("report --summaries printed %q", out)
	}
	text = pdfToText(t, all)
	if !strings.Contains(text, "Consent summary · Jørgen Ångström") || strings.Contains(text, "Łukasz") {
		t.Error("--status granted --summaries: wrong prospects")
	}

	// The register of processing activities.
	register := filepath.Join(h.dir, "art30.pdf")
	h.must("register", "--out", register, "--lang", "en")
	text = pdfToText(t, register)
	for _, want := range []string{"Register of processing activities", "Acme BV", "Rita Rep", "https://acme.example/privacy",
		"XChaCha20-Poly1305", "NL Bel-me-niet", "prospects: 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("register lacks %q", want)
		}
	}

	// Every document is audit-logged, by kind and reason, never by file.
	var log []store.AuditEntry
	if err := json.Unmarshal([]byte(h.must("audit", "--json")), &log); err != nil {
		t.Fatal(err)
	}
	var docs []store.AuditEntry
	for _, a := range log {
		if a.Action == "report" || a.Action == "register" {
			docs = append(docs, a)
		}
		if strings.Contains(a.Detail, ".pdf") || strings.Contains(a.Detail, "Jørgen") || strings.Contains(a.Detail, h.dir) {
			t.Errorf("audit entry names a file or person: %+v", a)
		}
	}
	want := []struct {
		action   string
		prospect uint64
		detail   string
	}{
		{"report", 1, "consent summary: quarterly review"},
		{"report", 0, "team report"},
		{"report", 0, "team report with summaries"},
		{"register", 0, "register of processing activities"},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d document entries in the audit log, want %d: %+v", len(docs), len(want), docs)
	}
	for i, w := range want {
		if d := docs[i]; d.Action != w.action || d.Prospect != w.prospect || d.Detail != w.detail || d.Rep != "Rita Rep" {
			t.Errorf("audit entry %d = %+v, want %+v", i, d, w)
		}
	}
}

func TestReportUsageErrors(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "A", "--source", "card")
	out := filepath.Join(h.dir, "x.pdf")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report"}, ExitUsage, "usage: warmlead report --out"},
		{[]string{"register"}, ExitUsage, "usage: warmlead register --out"},
		{[]string{"report", "--out", out, "--prospect", "1", "--source", "card"}, ExitUsage, "team report"},
		{[]string{"report", "--out", out, "--prospect", "x"}, ExitUsage, "not a prospect id"},
		{[]string{"report", "--out", out, "--status", "maybe"}, ExitUsage, "unknown status"},
		{[]string{"report", "--out", out, "--source", "fax"}, ExitUsage, "unknown source"},
		{[]string{"report", "--out", out, "--from", "2026-02-01", "--to", "2026-01-01"}, ExitUsage, "before --from"},
		{[]string{"report", "--out", out, "--from", "1.2.2026"}, ExitUsage, "not a date"},
		{[]string{"report", "--out", out, "--prospect", "99"}, ExitError, "no prospect with id 99"},
		{[]string{"report", "--out", filepath.Join(h.dir, "no", "such", "dir.pdf")}, ExitError, "cannot write"},
	}
	for _, c := range cases {
		code, _, errs := h.run(c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q, want exit %d with %q", c.args, code, errs, c.code, c.msg)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed report left a file")
	}
	if audit := h.must("audit"); strings.Contains(audit, "report") {
		t.Errorf("a failed report was audit-logged:\n%s", audit)
	}
}
