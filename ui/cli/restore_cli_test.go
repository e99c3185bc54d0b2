package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 20, "an erasure is forever": the real binary backs up, erases,
// objects and restores the old backup; the restore says what it
// re-applied, and the erased id answers with its tombstone.
func TestCLIRestoreReappliesErasuresAndErasedIDsAnswer(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	anna := strings.TrimSpace(p.must("add", "--name", "Anna Gone", "--email", "anna@gone.example", "--source", "card"))
	bob := strings.TrimSpace(p.must("add", "--name", "Bob Objects", "--email", "bob@objects.example", "--source", "card"))
	bak := filepath.Join(p.dir, "before.bak")
	p.must("backup", "--out", bak)
	p.must("erase", anna, "--reason", "asked to be forgotten by email")
	p.must("object", bob, "--evidence", "please never call me")

	out := p.must("restore", bak)
	for _, want := range []string{"restored 2 prospects", "re-applied from the replaced database", "1 erasure(s) of people in the backup", "1 objection(s) or withdrawal(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("restore output lacks %q:\n%s", want, out)
		}
	}
	if out := p.must("list"); strings.Contains(out, "Anna") {
		t.Fatalf("the erased person is back:\n%s", out)
	}

	code, out, _ := p.run("can-contact", anna, "--channel", "email", "--purpose", "follow-up")
	if code != ExitBlocked || !strings.HasPrefix(out, "blocked:") || !strings.Contains(out, "[rule: erased]") || !strings.Contains(out, "erased on "+time.Now().UTC().Format("2006-01-02")) {
		t.Fatalf("can-contact of an erased id: exit %d %q", code, out)
	}
	code, out, _ = p.run("can-contact", anna, "--channel", "phone", "--purpose", "offers", "--json")
	var answer struct {
		Allowed bool
		Rule    string
		Erased  struct {
			ID     uint64
			Time   time.Time
			Reason string
		}
	}
	if err := json.Unmarshal([]byte(out), &answer); err != nil || code != ExitBlocked || answer.Allowed || answer.Rule != "erased" || answer.Erased.Time.IsZero() || !strings.Contains(answer.Erased.Reason, "asked to be forgotten") {
		t.Fatalf("can-contact --json of an erased id: exit %d %q %v", code, out, err)
	}
	if code, out, _ := p.run("can-contact", bob, "--channel", "email", "--purpose", "follow-up"); code != ExitBlocked || !strings.Contains(out, "objection") {
		t.Fatalf("the objection did not survive the restore: exit %d %q", code, out)
	}

	out = p.must("show", anna)
	if !strings.Contains(out, "prospect "+anna+" was erased") || !strings.Contains(out, "by Rita Rep") || !strings.Contains(out, "erased before this backup was restored") {
		t.Fatalf("show of an erased id: %q", out)
	}
	var shown struct {
		ID     uint64
		Erased struct{ Rep, Reason string }
	}
	if err := json.Unmarshal([]byte(p.must("show", anna, "--json")), &shown); err != nil || shown.Erased.Rep != "Rita Rep" {
		t.Fatalf("show --json of an erased id: %+v %v", shown, err)
	}
	// An id that never existed keeps its answer.
	for _, args := range [][]string{{"show", "999"}, {"can-contact", "999", "--channel", "email", "--purpose", "follow-up"}} {
		if code, _, errs := p.run(args...); code != ExitError || !strings.Contains(errs, "no prospect with id 999") {
			t.Fatalf("%v: exit %d %q", args, code, errs)
		}
	}
}

// A backup of another database is refused without --other-database; with
// it the replaced file is kept beside the database until the next unlock.
func TestCLIRestoreOtherDatabase(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	q := newProcDB(t, t.TempDir())
	q.must("add", "--name", "Quinn Other", "--email", "quinn@other.example", "--source", "card")
	bak := filepath.Join(q.dir, "other.bak")
	q.must("backup", "--out", bak)
	before, _ := os.ReadFile(p.db)

	code, _, errs := p.run("restore", bak)
	if code != ExitError || !strings.Contains(errs, "another database") || !strings.Contains(errs, "--other-database") || strings.Count(errs, "id ") < 2 {
		t.Fatalf("restore of another database: exit %d %q", code, errs)
	}
	if after, _ := os.ReadFile(p.db); string(after) != string(before) {
		t.Fatal("a refused restore changed the database")
	}
	out := p.must("restore", bak, "--other-database")
	if !strings.Contains(out, "the replaced database is kept at "+p.db+".replaced-") {
		t.Fatalf("restore --other-database: %q", out)
	}
	kept, _ := filepath.Glob(p.db + ".replaced-*")
	if len(kept) != 1 {
		t.Fatalf("kept copies: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != string(before) {
		t.Fatal("the kept copy is not the replaced database")
	}
	if out := p.must("list"); !strings.Contains(out, "Quinn") {
		t.Fatalf("restored list: %q", out)
	}
	if kept, _ := filepath.Glob(p.db + ".replaced-*"); len(kept) != 0 {
		t.Fatalf("the kept copy outlived the next unlock: %v", kept)
	}
}

// An older copy of the file put in place by hand is noticed: exit 1 with
// what to do, and --accept-older opens it.
func TestCLIOlderCopyIsNoticed(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("add", "--name", "Anna Early", "--email", "anna@early.example", "--source", "card")
	old, _ := os.ReadFile(p.db)
	id := strings.TrimSpace(p.must("add", "--name", "Bob Later", "--email", "bob@later.example", "--source", "card"))
	p.must("erase", id, "--reason", "asked to be forgotten")
	if err := os.WriteFile(p.db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := p.run("list")
	if code != ExitError || !strings.Contains(errs, "this database is older than the one last opened here") || !strings.Contains(errs, "--accept-older") || !strings.Contains(errs, "restore") {
		t.Fatalf("list on an older copy: exit %d %q", code, errs)
	}
	if out := p.must("list", "--accept-older"); !strings.Contains(out, "Anna") {
		t.Fatalf("list --accept-older: %q", out)
	}
	p.must("list") // accepted: no alarm any more
	// A restore of an old backup is no older copy.
	bak := filepath.Join(p.dir, "b.bak")
	p.must("backup", "--out", bak)
	p.must("add", "--name", "Cleo", "--email", "cleo@c.example", "--source", "card")
	p.must("restore", bak)
	p.must("list")
}
