package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"warmlead/store"
	"warmlead/ui/usecase"
)

// harness runs commands in-process against one temp database, with the
// passphrase in a file and the keyring off, as scripts do.
type harness struct {
	t        *testing.T
	dir, db  string
	passFile string
}

func newHarness(t *testing.T) *harness {
	dir := t.TempDir()
	h := &harness{t: t, dir: dir, db: filepath.Join(dir, "warmlead.db"), passFile: filepath.Join(dir, "pass")}
	os.WriteFile(h.passFile, []byte("tulip windmill canal\n"), 0o600)
	t.Setenv("WARMLEAD_DB", h.db)
	t.Setenv("WARMLEAD_PASSWORD_FILE", h.passFile)
	t.Setenv("WARMLEAD_NO_KEYRING", "1")
	t.Setenv("WARMLEAD_REP", "")
	t.Setenv("WARMLEAD_STATE_DIR", t.TempDir()) // not beside the database: see the leak test
	return h
}

func (h *harness) run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// must runs a command that has to succeed and returns its stdout.
func (h *harness) must(args ...string) string {
	h.t.Helper()
	return mustExit0(h.t, h.run, args)
}

func (h *harness) init() {
	h.must("init", "--rep", "Rita Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy",
		"--preferences-url", "https://acme.example/prefs", "--lang", "nl")
}

func TestInitAddListShow(t *testing.T) {
	h := newHarness(t)
	h.init()
	id := strings.TrimSpace(h.must("add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "Jorgen@Nordlys.example",
		"--phone", "020 555 0100", "--source", "card", "--event", "Vakbeurs Utrecht"))
	if id != "1" {
		t.Fatalf("add printed %q, want the id 1", id)
	}
	h.must("add", "--name", "Anna Schüller", "--company", "Bäckerei", "--source", "referral")

	var list []map[string]any
	if err := json.Unmarshal([]byte(h.must("list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("list --json has %d entries", len(list))
	}
	for _, k := range []string{"id", "name", "company", "email", "phone", "source"} {
		if _, ok := list[1][k]; !ok {
			t.Errorf("list --json lacks %q", k)
		}
	}
	if list[1]["email"] != "jorgen@nordlys.example" || list[1]["phone"] != "+31205550100" {
		t.Fatalf("not normalised (lang nl gives region NL): %v", list[1])
	}
	out := h.must("list", "--search", "angstrom")
	if !strings.Contains(out, "Jørgen Ångström") || strings.Contains(out, "Anna") {
		t.Fatalf("list --search angstrom:\n%s", out)
	}
	show := h.must("show", "1")
	for _, want := range []string{"Nordlys AS", "+31 20 555 0100", "collected", "Vakbeurs Utrecht", "Rita Rep"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	var shown prospectJSON
	json.Unmarshal([]byte(h.must("show", "1", "--json")), &shown)
	if shown.Name != "Jørgen Ångström" || len(shown.Events) != 1 || shown.Events[0].Hash == "" {
		t.Fatalf("show --json = %+v", shown)
	}
	if audit := h.must("audit"); strings.Count(audit, "viewed") != 2 {
		t.Fatalf("two views should be audit-logged:\n%s", audit)
	}
}

func TestExitCodes(t *testing.T) {
	h := newHarness(t)
	if code, _, errs := h.run("list"); code != ExitError || !strings.Contains(errs, "warmlead init") {
		t.Fatalf("list before init: exit %d, %q", code, errs)
	}
	h.init()
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown command", []string{"frobnicate"}, ExitUsage, "unknown command"},
		{"missing name", []string{"add", "--source", "card"}, ExitUsage, "usage"},
		{"bad source", []string{"add", "--name", "X", "--source", "fax"}, ExitUsage, "unknown source"},
		{"bad id", []string{"show", "abc"}, ExitUsage, "not a prospect id"},
		{"no such prospect", []string{"show", "99"}, ExitError, "no prospect with id 99"},
		{"bad email", []string{"add", "--name", "X", "--email", "x@", "--source", "card"}, ExitError, "not an email"},
		{"init twice", []string{"init"}, ExitError, "already exists"},
	}
	for _, c := range cases {
		code, _, errs := h.run(c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d mentioning %q", c.name, code, errs, c.code, c.msg)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("%s: error is more than one line (plus the help hint): %q", c.name, errs)
		}
	}

	os.WriteFile(h.passFile, []byte("not the passphrase\n"), 0o600)
	before, _ := os.ReadFile(h.db)
	if code, _, errs := h.run("list"); code != ExitKey || !strings.Contains(errs, "wrong passphrase") {
		t.Fatalf("wrong passphrase: exit %d, %q", code, errs)
	}
	if after, _ := os.ReadFile(h.db); !bytes.Equal(before, after) {
		t.Fatal("a wrong passphrase changed the file")
	}

	held, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if code, _, errs := h.run("list"); code != ExitLocked || !strings.Contains(errs, "in use by another Warmlead") {
		t.Fatalf("locked: exit %d, %q", code, errs)
	}
}

func TestDuplicateAndKeepBoth(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Dup", "--email", "dup@x.example", "--source", "card")
	if code, _, errs := h.run("add", "--name", "Dup 2", "--email", "DUP@x.example", "--source", "card"); code != ExitError || !strings.Contains(errs, "already exists (id 1)") {
		t.Fatalf("duplicate: %d %q", code, errs)
	}
	if id := strings.TrimSpace(h.must("add", "--name", "Dup 2", "--email", "dup@x.example", "--source", "card", "--keep-both")); id != "2" {
		t.Fatalf("keep both gave %q", id)
	}
}

func TestEditVerifyBackupRestorePasswd(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Piet Pieters", "--company", "Oud BV", "--source", "cold-call")
	h.must("edit", "1", "--field", "company", "--value", "Nieuw BV")
	if show := h.must("show", "1"); !strings.Contains(show, "Nieuw BV") || !strings.Contains(show, "rectified") {
		t.Fatalf("edit not shown:\n%s", show)
	}
	if out := h.must("verify"); !regexp.MustCompile(`ok: 1 prospects, 2 events`).MatchString(out) {
		t.Fatalf("verify: %q", out)
	}
	bak := filepath.Join(h.dir, "w.backup")
	h.must("backup", "--out", bak)
	h.must("add", "--name", "After Backup", "--source", "card")
	if out := h.must("restore", bak); !strings.Contains(out, "restored 1 prospects") {
		t.Fatalf("restore: %q", out)
	}
	if list := h.must("list"); strings.Contains(list, "After Backup") || !strings.Contains(list, "Piet Pieters") {
		t.Fatalf("after restore:\n%s", list)
	}

	newPass := filepath.Join(h.dir, "newpass")
	os.WriteFile(newPass, []byte("a completely new passphrase\n"), 0o600)
	h.must("passwd", "--new-password-file", newPass)
	if code, _, _ := h.run("list"); code != ExitKey {
		t.Fatalf("old passphrase still works after passwd: exit %d", code)
	}
	t.Setenv("WARMLEAD_PASSWORD_FILE", newPass)
	if list := h.must("list"); !strings.Contains(list, "Piet Pieters") {
		t.Fatal("new passphrase does not open the data")
	}
}

func TestGlobalFlagsBeforeAndAfterCommand(t *testing.T) {
	h := newHarness(t)
	h.init()
	other := filepath.Join(h.dir, "other.db")
	h.must("--db", other, "init", "--rep", "Olaf")
	h.must("add", "--db", other, "--name", "Only In Other", "--source", "inbound")
	if out := h.must("--db", other, "list"); !strings.Contains(out, "Only In Other") {
		t.Fatal("--db before the command ignored")
	}
	if out := h.must("list"); strings.Contains(out, "Only In Other") {
		t.Fatal("--db leaked into the default database")
	}
	if !IsCommand([]string{"--db", other, "list"}) || IsCommand([]string{"--db", other}) || IsCommand(nil) {
		t.Fatal("IsCommand misreads global flags")
	}
}

func TestFyneAppTomlMatchesAppID(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != usecase.AppID {
		t.Fatalf("FyneApp.toml ID %q, code uses %q", m, usecase.AppID)
	}
}
