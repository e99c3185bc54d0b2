package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

func TestLedgerChainAndVerifyCatchesEditedEvent(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	p := addTest(t, db, "Chain Person", "Links BV", "chain@links.example", "")
	for _, pur := range []consent.Purpose{consent.PurposeNewsletter, consent.PurposeEvents} {
		if _, err := db.AppendEvent(p.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: pur,
			Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "Yes please"}); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := db.Events(p.ID)
	if err != nil || len(evs) != 3 || evs[0].Kind != consent.KindCollected || evs[2].PrevHash != evs[1].Hash {
		t.Fatalf("events = %+v, %v", evs, err)
	}
	if r, err := db.Verify(); err != nil || !r.OK() || r.Events != 3 {
		t.Fatalf("verify on a clean file: %+v %v", r, err)
	}

	// Edit event 2 through the store, sealed correctly: only the chain can tell.
	evs[1].Purpose = consent.PurposeOffers
	db.update(func(tx *bolt.Tx) error { return db.put(tx, bEvents, join(u64(p.ID), u64(2)), evs[1]) })
	r, err := db.Verify()
	if err != nil || r.OK() {
		t.Fatalf("verify missed an edited event: %+v %v", r, err)
	}
	var ce *consent.ChainError
	if !errors.As(r.Problems[0], &ce) || ce.Seq != 2 || ce.Prospect != p.ID {
		t.Fatalf("verify named the wrong place: %v", r.Problems[0])
	}
}

func TestEditRecordsRectification(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	p := addTest(t, db, "Eddie Edit", "Old Co", "eddie@old.example", "")
	if _, err := db.EditProspect(p.ID, "email", "not-an-email", AddOptions{Rep: "Rita Rep"}); err == nil {
		t.Fatal("bad email accepted")
	}
	got, err := db.EditProspect(p.ID, "company", "New Co", AddOptions{Rep: "Rita Rep"})
	if err != nil || got.Company != "New Co" {
		t.Fatalf("edit: %+v %v", got, err)
	}
	evs, _ := db.Events(p.ID)
	last := evs[len(evs)-1]
	if last.Kind != consent.KindRectified || last.Old != "Old Co" || last.New != "New Co" || last.Field != "company" {
		t.Fatalf("rectification event = %+v", last)
	}
	if res := db.Index().Search("new co"); len(res) != 1 {
		t.Fatalf("index not updated after edit: %v", res)
	}
	if _, err := db.EditProspect(p.ID, "source", "list", AddOptions{}); err == nil {
		t.Fatal("unknown field accepted")
	}
}

func TestDuplicatesByEmailAndPhone(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	first := addTest(t, db, "Dup One", "D", "Dup@Example.com", "+31 20 555 0100")
	_, err := db.AddProspect(consent.Prospect{Name: "Dup Two", Email: "dup@example.com", Source: consent.SourceCard}, AddOptions{Region: "NL"})
	var de *DuplicateError
	if !errors.As(err, &de) || de.ID != first.ID || de.Field != "email" {
		t.Fatalf("email duplicate: %v", err)
	}
	_, err = db.AddProspect(consent.Prospect{Name: "Dup Three", Phone: "020 555 0100", Source: consent.SourceCard}, AddOptions{Region: "NL"})
	if !errors.As(err, &de) || de.Field != "phone" {
		t.Fatalf("phone duplicate (national format): %v", err)
	}
	if _, err := db.AddProspect(consent.Prospect{Name: "Dup Two", Email: "dup@example.com", Source: consent.SourceCard}, AddOptions{AllowDuplicate: true}); err != nil {
		t.Fatalf("keep both: %v", err)
	}
}

func TestSearchFoldsAccentsAndCase(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	addTest(t, db, "Jørgen Ångström", "Nordlys AS", "", "")
	addTest(t, db, "Łukasz Żółw", "Polmar", "", "")
	addTest(t, db, "Anna Schüller", "Bäckerei", "", "")
	cases := []struct {
		q    string
		want []string
	}{
		{"jorgen", []string{"Jørgen Ångström"}},
		{"ANGSTROM", []string{"Jørgen Ångström"}},
		{"lukasz zolw", []string{"Łukasz Żółw"}},
		{"backerei", []string{"Anna Schüller"}},
		{"a", []string{"Anna Schüller", "Jørgen Ångström", "Łukasz Żółw"}},
		{"nobody", nil},
	}
	for _, c := range cases {
		var got []string
		for _, p := range db.Index().Search(c.q) {
			got = append(got, p.Name)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestLockWipesIndex(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	addTest(t, db, "Secret Sam", "S", "", "")
	db.Lock()
	if db.Index().Count() != 0 || len(db.Index().Search("")) != 0 || db.Unlocked() {
		t.Fatal("data still readable after lock")
	}
	if _, err := db.AddProspect(consent.Prospect{Name: "X", Source: consent.SourceCard}, AddOptions{}); !errors.Is(err, ErrNotUnlocked) {
		t.Fatalf("add while locked: %v", err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil || db.Index().Count() != 1 {
		t.Fatalf("unlock after lock: %v, count %d", err, db.Index().Count())
	}
}

func TestBackupRestoreAndCorruptBackupRefused(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addTest(t, db, "Backed Up", "Safe BV", "backed@safe.example", "")
	dir := t.TempDir()
	bak := filepath.Join(dir, "warmlead.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	addTest(t, db, "After Backup", "Later BV", "", "")
	db.Close()
	raw, _ := os.ReadFile(bak)
	if strings.Contains(string(raw), "Backed Up") || strings.Contains(string(raw), "backed@safe.example") {
		t.Fatal("backup holds personal data in clear")
	}

	unlock := func(d *DB) error { return d.UnlockPassphrase([]byte(testPass)) }
	// A damaged backup: nothing at the target changes.
	bad := filepath.Join(dir, "bad.bak")
	broken := append([]byte(nil), raw...)
	for i := 4096; i < len(broken); i += 97 {
		broken[i] ^= 0xff
	}
	os.WriteFile(bad, broken, 0o600)
	before, _ := os.ReadFile(path)
	if _, err := Restore(path, bad, Options{}, unlock); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("a refused restore changed the database")
	}
	if _, err := Restore(path, bak, Options{}, func(d *DB) error { return d.UnlockPassphrase([]byte("wrong passphrase!")) }); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("restore with wrong passphrase: %v", err)
	}

	if _, err := Restore(path, bak, Options{}, unlock); err != nil {
		t.Fatal(err)
	}
	db2, _ := Open(path, Options{})
	defer db2.Close()
	db2.UnlockPassphrase([]byte(testPass))
	names := []string{}
	for _, p := range db2.Index().Search("") {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "Backed Up" {
		t.Fatalf("restored prospects = %v", names)
	}
}
