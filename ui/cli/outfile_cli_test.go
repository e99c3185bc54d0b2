package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 20, "no command destroys data": every --out that names the
// database, its passphrase file or a backup, by any name, is refused and
// leaves the file as it was; a write that happens replaces its target
// whole, private to the rep, and a symlink at the target is replaced, not
// followed. On the old code `export 1 --out warmlead.db` overwrote the
// database with plaintext JSON.
func TestOutNeverOverwritesTheDatabaseOrABackup(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	p.must("add", "--name", "Ola Outfile", "--company", "Fjord AS", "--email", "ola@fjord.example", "--phone", "+47 22 12 34 56", "--source", "card")
	p.must("call", "1", "--outcome", "reached", "--agreed", "send the price list", "--consent", "product-info:email")
	backup := filepath.Join(dir, "monday.backup")
	p.must("backup", "--out", backup)

	hard := filepath.Join(dir, "hard-link.json")
	if err := os.Link(p.db, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym-link.json")
	if err := os.Symlink(p.db, sym); err != nil {
		t.Fatal(err)
	}
	passLink := filepath.Join(dir, "pass-link.txt")
	if err := os.Symlink(p.pass, passLink); err != nil {
		t.Fatal(err)
	}
	renamedBackup := filepath.Join(dir, "report.pdf") // a backup under an innocent name
	copyFile(t, backup, renamedBackup)

	protected := map[string]string{p.db: "", p.pass: "", backup: "", renamedBackup: ""}
	for f := range protected {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		protected[f] = string(b)
	}
	commands := [][]string{
		{"export", "1", "--format", "json"},
		{"export", "1", "--format", "vcf"},
		{"report", "--reason", "test"},
		{"report", "--prospect", "1", "--reason", "test"},
		{"register"},
		{"notice", "1"},
		{"followup", "1"},
		{"backup"},
	}
	targets := []string{p.db, hard, sym, p.pass, passLink, backup, renamedBackup, dir}
	for _, c := range commands {
		for _, target := range targets {
			args := append(append([]string{}, c...), "--out", target)
			code, _, errs := p.run(args...)
			if code == 0 || !strings.Contains(errs, "refusing to write to") {
				t.Errorf("warmlead %s: exit %d, %q; want a refusal", strings.Join(args, " "), code, errs)
			}
		}
	}
	for f, before := range protected {
		if b, _ := os.ReadFile(f); string(b) != before {
			t.Errorf("%s changed", filepath.Base(f))
		}
	}
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("verify: %s", out)
	}
	leftovers(t, dir)
}

// A symlink at --out is replaced by the file (the file it pointed to keeps
// its content), and a target that existed with mode 0644 ends up 0600.
func TestOutReplacesSymlinkAndIsPrivate(t *testing.T) {
	dir := t.TempDir()
	p := newProcDB(t, dir)
	p.must("add", "--name", "Sigrid Symlink", "--email", "sigrid@link.example", "--source", "card")
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "export.json")
	if err := os.Symlink(other, link); err != nil {
		t.Fatal(err)
	}
	p.must("export", "1", "--out", link)
	if b, _ := os.ReadFile(other); string(b) != "keep me" {
		t.Errorf("the symlink's target was written: %q", b)
	}
	st, err := os.Lstat(link)
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o600 {
		t.Fatalf("export.json: %v, %v; want a regular 0600 file", st.Mode(), err)
	}
	if b, _ := os.ReadFile(link); !bytes.Contains(b, []byte("sigrid@link.example")) {
		t.Errorf("export.json lacks the export: %.80q", b)
	}

	existing := filepath.Join(dir, "notice.eml")
	os.WriteFile(existing, []byte("old"), 0o644)
	os.Chmod(existing, 0o644)
	p.must("notice", "1", "--out", existing)
	if st, _ := os.Stat(existing); st.Mode().Perm() != 0o600 {
		t.Errorf("notice.eml is %v after the write, want 0600", st.Mode().Perm())
	}
	// A write that fails leaves neither a partial file nor its temporary.
	ro := filepath.Join(dir, "read-only")
	os.Mkdir(ro, 0o500)
	if os.Geteuid() != 0 { // root writes anywhere
		if code, _, _ := p.run("export", "1", "--out", filepath.Join(ro, "x.json")); code == 0 {
			t.Error("export into a read-only folder succeeded")
		}
		if ents, _ := os.ReadDir(ro); len(ents) != 0 {
			t.Errorf("the failed export left %v", ents)
		}
	}
	leftovers(t, dir)
}

// leftovers fails when an output's temporary file stayed behind.
func leftovers(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".warmlead-out-") || strings.HasPrefix(e.Name(), ".warmlead-backup-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
