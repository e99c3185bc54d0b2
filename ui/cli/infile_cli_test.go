package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 20: a file that cannot be imported is an error for a script (on
// the old code each of these exited 0: "imported 0, ... failed 1").
func TestImportOfWhatIsNotAVCardFileExits1(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	csv := filepath.Join(dir, "contacts.csv")
	os.WriteFile(csv, []byte("name,email\nJan Jansen,jan@example.nl\n"), 0o600)
	// A CSV file alone is the CSV import's (issue 18); a text file that is
	// no table is still "not a vCard".
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("no cards here\n"), 0o600)
	folder := filepath.Join(dir, "cards")
	os.Mkdir(folder, 0o700)
	for _, c := range []struct{ path, says string }{
		{filepath.Join(dir, "missing.vcf"), "missing.vcf: cannot read the file: open "},
		{folder, "cards: cannot read the file: it is a folder, not a file"},
		{notes, "notes.txt: the file holds no vCard"},
		{"/dev/zero", "zero: cannot read the file: it is a device, pipe or socket"},
	} {
		code, out, errs := p.run("import", c.path)
		if code != ExitError || !strings.Contains(errs, c.says) || !strings.Contains(errs, "1 of 1 files could not be read") {
			t.Errorf("import %s: exit %d, %q, %q", filepath.Base(c.path), code, out, errs)
		}
	}
	// The readable file's cards are imported all the same, and a CSV file
	// among vCard files is still said to hold none.
	good := bigVCF(t, dir, 3, "Good")
	if code, out, errs := p.run("import", good, csv); code != ExitError || !strings.HasPrefix(out, "imported 3,") || !strings.Contains(errs, "contacts.csv: the file holds no vCard") {
		t.Errorf("import of a good and a bad file: exit %d, %q", code, out)
	}
}

// runQuick runs the binary and fails the test when it takes longer than a
// second (the old code read /dev/zero until memory or disk ran out).
func (p *proc) runQuick(stdin string, args ...string) (int, string, string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd, out, errb := p.cmd(args...)
	cmd = exec.CommandContext(ctx, cmd.Path, args...)
	cmd.Env, cmd.Dir, cmd.Stdout, cmd.Stderr = p.env(), p.dir, out, errb
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	start := time.Now()
	err := cmd.Run()
	if took := time.Since(start); took > time.Second {
		p.t.Errorf("warmlead %s took %v", strings.Join(args, " "), took.Round(time.Millisecond))
	}
	if err != nil && cmd.ProcessState == nil {
		p.t.Fatalf("warmlead %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// Devices and FIFOs that never end are refused at once, before a byte is
// read, and the passphrase file is capped at 4 KiB.
func TestEndlessInputsAreRefusedQuickly(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	before, err := os.ReadFile(p.db)
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "endless.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	bigPass := filepath.Join(dir, "big-pass")
	os.WriteFile(bigPass, []byte(procPass+"\n"+strings.Repeat("x", 5000)), 0o600)
	for _, args := range [][]string{
		{"dnc", "import", "/dev/zero", "--register", "Zero"},
		{"dnc", "import", fifo, "--register", "Fifo"},
		{"restore", "/dev/zero"},
		{"restore", fifo},
		{"list", "--password-file", "/dev/zero"},
		{"list", "--password-file", bigPass},
		{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence-file", "/dev/zero"},
	} {
		code, _, errs := p.runQuick("", args...)
		if code != ExitError || !(strings.Contains(errs, "device, pipe or socket") || strings.Contains(errs, "larger than 4 KB")) {
			t.Errorf("warmlead %s: exit %d, %q", strings.Join(args, " "), code, errs)
		}
	}
	if after, _ := os.ReadFile(p.db); string(after) != string(before) {
		t.Error("the database changed")
	}
}
