package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runIn runs the binary with stdin (a pipe, as a script gives it).
func (p *proc) runIn(stdin string, args ...string) (int, string, string) {
	p.t.Helper()
	cmd, out, errb := p.cmd(args...)
	cmd.Stdin = strings.NewReader(stdin)
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		p.t.Fatalf("warmlead %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// lastEvidence is the evidence of prospect id's newest event.
func (p *proc) lastEvidence(id string) string {
	p.t.Helper()
	var shown struct {
		Events []struct {
			Evidence string `json:"evidence"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(p.must("show", id, "--json")), &shown); err != nil || len(shown.Events) == 0 {
		p.t.Fatalf("show --json: %v", err)
	}
	return shown.Events[len(shown.Events)-1].Evidence
}

// Evidence from standard input or a pipe is read whole up to the cap, and
// a cut is said; binary evidence is refused with a reason. (On the old code
// "-" was a file name, and binary files were stored as proof.)
func TestEvidenceFromPipesAndBinaryFiles(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	p.must("add", "--name", "Eva Evidence", "--email", "eva@evidence.example", "--source", "card")
	grant := []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence-file"}

	reply := "Yes, send me the newsletter.\n" + strings.Repeat("Quoted thread line with some words in it.\n", 100<<10/43)
	if code, _, errs := p.runIn(reply, append(grant, "-")...); code != 0 || errs != "" {
		t.Fatalf("evidence from stdin: exit %d, %q", code, errs)
	}
	if got := p.lastEvidence("1"); got != strings.TrimSpace(reply) {
		t.Errorf("evidence from a pipe: %d bytes kept of %d", len(got), len(strings.TrimSpace(reply)))
	}

	huge := strings.Repeat("A much longer reply, pasted with the whole mailbox.\n", 400<<10/52)
	code, _, errs := p.runIn(huge, append(grant, "-")...)
	if code != 0 || !strings.Contains(errs, "note: the evidence is longer than 256 KB") {
		t.Fatalf("long evidence: exit %d, %q", code, errs)
	}
	if got := p.lastEvidence("1"); len(got) > 256<<10 || !strings.HasSuffix(got, "[evidence cut at 256 KB]") {
		t.Errorf("long evidence stored as %d bytes ending %q", len(got), got[max(0, len(got)-40):])
	}

	bin := filepath.Join(dir, "photo.jpg")
	os.WriteFile(bin, append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), make([]byte, 4096)...), 0o600)
	before := p.must("show", "1", "--json")
	for _, c := range []struct {
		args []string
		in   string
	}{
		{append(grant, bin), ""},
		{append(grant, "-"), "yes\x00\x00\x00binary"},
		{[]string{"object", "1", "--evidence-file", bin}, ""},
	} {
		code, _, errs := p.runIn(c.in, c.args...)
		if code == 0 || !strings.Contains(errs, "the evidence is not text") {
			t.Errorf("warmlead %s: exit %d, %q", strings.Join(c.args, " "), code, errs)
		}
	}
	if after := p.must("show", "1", "--json"); after != before {
		t.Error("refused evidence changed the ledger")
	}
}

// Terminal control characters in names and free text are stored as typed
// and printed as visible escapes by list, show and audit (and escaped in
// JSON); on the old code the ESC reached the terminal.
func TestControlCharactersArePrintedSafely(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	name := "Mallory \x1b[2J\x1b]0;owned\x07 Evil\r\u202eTXT.exe"
	p.must("add", "--name", name, "--company", "Bidi \u2066Co\u2069 \u009b31m", "--source", "card")
	p.must("show", "1", "--reason", "check \x1b[31mred\x1b[0m")
	for _, args := range [][]string{{"list"}, {"show", "1"}, {"audit"}, {"list", "--json"}, {"show", "1", "--json"}, {"audit", "--json"}} {
		out := p.must(args...)
		for _, bad := range []string{"\x1b", "\x07", "\r", "\u202e", "\u2066", "\u2069", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("warmlead %s prints %q raw", strings.Join(args, " "), bad)
			}
		}
	}
	if out := p.must("list"); !strings.Contains(out, `Mallory \x1b[2J\x1b]0;owned\x07 Evil \u202eTXT.exe`) {
		t.Errorf("list does not show the escapes:\n%s", out)
	}
	if out := p.must("audit"); !strings.Contains(out, `check \x1b[31mred\x1b[0m`) {
		t.Errorf("audit does not show the escapes:\n%s", out)
	}
	var ps []struct {
		Name, Company string
	}
	stored := strings.ReplaceAll(name, "\r", " ") // the domain makes a name one line
	if err := json.Unmarshal([]byte(p.must("list", "--json")), &ps); err != nil || len(ps) != 1 || ps[0].Name != stored {
		t.Errorf("list --json does not decode to the name as typed: %v %+v", err, ps)
	}
}

// Personal data can be given on standard input, away from ps.
func TestPersonalDataFromJSON(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	code, out, errs := p.runIn(`{"name": "Jasmijn Json", "company": "Stdin BV", "email": "jasmijn@stdin.example", "phone": "+31 20 555 0199", "source": "card"}`, "add", "--from-json", "-")
	if code != 0 || strings.TrimSpace(out) != "1" {
		t.Fatalf("add --from-json -: exit %d, %q, %q", code, out, errs)
	}
	shown := p.must("show", "1")
	for _, want := range []string{"Jasmijn Json", "Stdin BV", "jasmijn@stdin.example"} {
		if !strings.Contains(shown, want) {
			t.Errorf("show lacks %q:\n%s", want, shown)
		}
	}
	file := filepath.Join(dir, "fix.json")
	os.WriteFile(file, []byte(`{"field": "email", "value": "jasmijn@fixed.example"}`), 0o600)
	p.must("edit", "1", "--from-json", file)
	if !strings.Contains(p.must("show", "1"), "jasmijn@fixed.example") {
		t.Error("edit --from-json did not correct the email")
	}
	code, out, _ = p.runIn(`{"introducer": 1, "name": "Rosa Referred", "company": "Intro BV"}`, "refer", "--from-json", "-")
	if code != 0 || !strings.HasPrefix(out, "2\n") {
		t.Fatalf("refer --from-json: exit %d, %q", code, out)
	}
	code, _, errs = p.runIn(`{"evidence": "Yes, happy to talk.", "email": "rosa@intro.example"}`, "referral", "approve", "2", "--from-json", "-")
	if code != 0 || !strings.Contains(p.must("show", "2"), "rosa@intro.example") {
		t.Fatalf("referral approve --from-json: exit %d, %q", code, errs)
	}
	for _, in := range []string{`{"name": "X", "source": "card", "shoe": "42"}`, `not json`, `{"name": ["X"]}`} {
		if code, _, _ := p.runIn(in, "add", "--from-json", "-"); code != ExitUsage {
			t.Errorf("add --from-json with %s: exit %d, want %d", in, code, ExitUsage)
		}
	}
	if code, _, _ := p.runIn(`{"name": "Twice"}`, "add", "--from-json", "-", "--name", "Twice", "--source", "card"); code != ExitUsage {
		t.Errorf("a field given twice: exit %d", code)
	}
}

// The process's core file limit is 0 from the start, even when the shell
// allowed cores: a core holds the unlocked key and decrypted prospects.
func TestCoreDumpsAreOff(t *testing.T) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_CORE, &lim); err != nil {
		t.Skip(err)
	}
	if lim.Max == 0 {
		t.Skip("the hard core limit is 0 already: nothing to show")
	}
	// The child inherits a non-zero soft limit, as from `ulimit -c unlimited`.
	raised := syscall.Rlimit{Cur: lim.Max, Max: lim.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_CORE, &raised); err != nil {
		t.Skip(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_CORE, &lim)

	dir := t.TempDir()
	p := newProcDB(t, dir)
	fifo := filepath.Join(dir, "pass.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Opening the passphrase FIFO waits for a writer: the process stays
	// up, past main's start, while its limits are read.
	cmd, _, _ := p.cmd("list", "--password-file", fifo)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	var line string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		line = coreLimitLine(t, cmd.Process.Pid)
		if strings.Fields(line)[4] == "0" && isBlockedOnOpen(cmd.Process.Pid) {
			break
		}
	}
	f := strings.Fields(line) // Max core file size  SOFT  HARD  bytes
	if len(f) < 6 || f[4] != "0" || f[5] != "0" {
		t.Errorf("the running binary's core limit: %q, want 0 0", line)
	}
}

func coreLimitLine(t *testing.T, pid int) string {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/limits")
	if err != nil {
		t.Skip("no /proc: ", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "Max core file size") {
			return sc.Text()
		}
	}
	t.Fatal("no core line in /proc/PID/limits")
	return ""
}

// isBlockedOnOpen: the process has gone past main's first lines (it waits
// in a system call: opening the FIFO).
func isBlockedOnOpen(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	return err == nil && strings.Contains(string(b), ") S ")
}
