package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

var day3 = time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)

func restoreOpts(ro RestoreOptions) RestoreOptions {
	ro.Unlock = unlockTestPass
	ro.Rep = "Rita Rep"
	return ro
}

func objection(t *testing.T, db *DB, id uint64, at time.Time) {
	t.Helper()
	if _, err := db.Commit(Change{Prospect: id, Events: []consent.Event{{Kind: consent.KindObjection, Time: at, Rep: "Rita Rep", Evidence: "call me never"}}}); err != nil {
		t.Fatal(err)
	}
}

// Back up, then erase a person, object for another, add and erase a third,
// suppress a declined referral and import a register: restoring the
// backup keeps every one of them.
func TestRestoreCarriesErasuresObjectionsAndRegisters(t *testing.T) {
	// Plaintext, so the file itself can show that the erased person left it.
	db, path := newTestDB(t, Options{InsecurePlaintext: true})
	anna := addTest(t, db, "Anna Erasedbefore", "Alpha BV", "anna@alpha.example", "+31612345678")
	bob := addTest(t, db, "Bob Objector", "Beta BV", "bob@beta.example", "")
	bak := filepath.Join(t.TempDir(), "old.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(anna.ID, "asked to be forgotten by email", "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	objection(t, db, bob.ID, day2)
	cleo := addTest(t, db, "Cleo Later", "Gamma BV", "cleo@gamma.example", "")
	if err := db.Erase(cleo.ID, "asked on the phone", "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	if err := db.Suppress("declined@referral.example", "", day2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportDNC("NL Bel-me-niet", []string{"+31687654321"}, day2); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r, err := RestoreWith(path, bak, Options{}, restoreOpts(RestoreOptions{Now: day3}))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Erased) != 1 || r.Erased[0] != anna.ID || r.Appended != 1 || r.Tombstones != 1 || r.Suppressions == 0 || r.Registers != 1 || r.Replaced != "" {
		t.Fatalf("carried %+v", r.Carried)
	}
	if raw, _ := os.ReadFile(path); bytes.Contains(raw, []byte("Erasedbefore")) || bytes.Contains(raw, []byte("anna@alpha")) {
		t.Fatal("the erased person's data is in the restored file")
	}
	db = openUnlocked(t, path)
	defer db.Close()
	if _, err := db.Prospect(anna.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the erased person came back: %v", err)
	}
	ts, err := db.Tombstone(anna.ID)
	if err != nil || !strings.HasPrefix(ts.Reason, ReasonRestored) || !strings.Contains(ts.Reason, "asked to be forgotten") || !ts.Time.Equal(day2) || !ts.Reapplied.Equal(day3) {
		t.Fatalf("tombstone %+v %v", ts, err)
	}
	if ts, err := db.Tombstone(cleo.ID); err != nil || ts.Reason != "asked on the phone" {
		t.Fatalf("the later erasure's tombstone: %+v %v", ts, err)
	}
	for _, e := range []string{"anna@alpha.example", "cleo@gamma.example", "declined@referral.example"} {
		if !db.IsSuppressed(e, "") {
			t.Errorf("%s is not suppressed after the restore", e)
		}
	}
	if !db.IsSuppressed("", "+31612345678") {
		t.Error("the erased person's phone is not suppressed")
	}
	if hit := db.DNCLookup("+31687654321"); hit == nil || hit.Register != "NL Bel-me-niet" {
		t.Fatalf("register not carried: %+v", hit)
	}
	evs, _ := db.Events(bob.ID)
	last := evs[len(evs)-1]
	if last.Kind != consent.KindObjection || !last.Time.Equal(day2) || !strings.Contains(last.Note, "re-applied by the restore") {
		t.Fatalf("objection not re-applied: %+v", last)
	}
	if v, err := db.Verify(); err != nil || !v.OK() {
		t.Fatalf("verify %+v %v", v, err)
	}
	audit, _ := db.AuditLog()
	found := false
	for _, a := range audit {
		found = found || (a.Action == "erased" && a.Prospect == anna.ID && strings.HasPrefix(a.Detail, ReasonRestored))
	}
	if !found {
		t.Fatal("no audit entry for the re-applied erasure")
	}
	// Ids given out after the backup are not given out again.
	if p := addTest(t, db, "Dora New", "Delta BV", "dora@delta.example", ""); p.ID <= cleo.ID {
		t.Fatalf("new prospect got id %d, not above %d", p.ID, cleo.ID)
	}
	// A backup taken after the restore and restored again appends nothing twice.
	bak2 := filepath.Join(t.TempDir(), "new.bak")
	if err := db.Backup(bak2); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r, err = RestoreWith(path, bak2, Options{}, restoreOpts(RestoreOptions{Now: day3}))
	if err != nil || r.Appended != 0 || len(r.Erased) != 0 {
		t.Fatalf("second restore: %+v %v", r.Carried, err)
	}
}

func otherDatabase(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := Create(path, []byte(testPass), testSettings(), Options{KDF: FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// A backup of another database is refused unless asked for; then the
// replaced file is kept beside until the next unlock, and the people it
// erased are erased in the backup too (matched by their suppression hash).
func TestRestoreOtherDatabase(t *testing.T) {
	db, path := newTestDB(t, Options{})
	erin := addTest(t, db, "Erin Forgotten", "Eps BV", "erin@eps.example", "")
	if err := db.Erase(erin.ID, "asked to be forgotten", "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)

	other, _ := otherDatabase(t)
	addTest(t, other, "Erin Forgotten", "Eps BV", "erin@eps.example", "")
	addTest(t, other, "Finn Stays", "Phi BV", "finn@phi.example", "")
	bak := filepath.Join(t.TempDir(), "other.bak")
	if err := other.Backup(bak); err != nil {
		t.Fatal(err)
	}
	other.Close()

	_, err := RestoreWith(path, bak, Options{}, restoreOpts(RestoreOptions{}))
	var oe *OtherDatabaseError
	if !errors.As(err, &oe) || oe.Backup.ID == oe.Current.ID || oe.Current.Rep != "Rita Rep" || !strings.Contains(err.Error(), "--other-database") {
		t.Fatalf("restore of another database: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Fatal("a refused restore changed the database")
	}

	r, err := RestoreWith(path, bak, Options{}, restoreOpts(RestoreOptions{OtherDatabase: true, Now: day3}))
	if err != nil {
		t.Fatal(err)
	}
	if kept, _ := os.ReadFile(r.Replaced); !bytes.Equal(kept, before) || !strings.HasPrefix(r.Replaced, path+".replaced-") {
		t.Fatalf("the replaced database was not kept as it was at %q", r.Replaced)
	}
	if len(r.Erased) != 1 || r.NotCarried == 0 {
		t.Fatalf("carried %+v", r.Carried)
	}
	db = openUnlocked(t, path)
	defer db.Close()
	if db.Index().Count() != 1 || len(db.Index().Search("erin")) != 0 {
		t.Fatal("the person erased in the replaced database is in the restored one")
	}
	if !db.IsSuppressed("erin@eps.example", "") {
		t.Fatal("not suppressed")
	}
	if _, err := os.Stat(r.Replaced); !os.IsNotExist(err) {
		t.Fatalf("the kept copy is still there after an unlock: %v", err)
	}
}

// A current file that cannot be read is not replaced silently: its
// erasures could not be carried. With consent it is kept beside.
func TestRestoreUnreadableCurrentNeedsConsent(t *testing.T) {
	db, path := newTestDB(t, Options{})
	bak := filepath.Join(t.TempDir(), "b.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	db.Close()
	junk := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := RestoreWith(path, bak, Options{}, restoreOpts(RestoreOptions{}))
	if !errors.Is(err, ErrCurrentUnreadable) || !strings.Contains(err.Error(), "nothing was restored") {
		t.Fatalf("restore over an unreadable database: %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, junk) {
		t.Fatal("a refused restore changed the file")
	}
	r, err := RestoreWith(path, bak, Options{}, restoreOpts(RestoreOptions{OtherDatabase: true}))
	if err != nil || !r.CurrentUnread {
		t.Fatalf("restore with consent: %+v %v", r, err)
	}
	if b, _ := os.ReadFile(r.Replaced); !bytes.Equal(b, junk) {
		t.Fatal("the unreadable file was not kept")
	}
	openUnlocked(t, path).Close()
}

func TestTombstoneOfUnknownID(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	if _, err := db.Tombstone(99); !errors.Is(err, ErrNotFound) || err.Error() != "no prospect with id 99" {
		t.Fatalf("tombstone of an unknown id: %v", err)
	}
}
