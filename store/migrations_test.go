package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/store/storetest"
)

// copySchema1 copies the database written by schema 1 to a temp dir;
// testdata itself is never written. testdata/schema1.db (events stored as
// JSON, hashed in encoding v1; synthetic people, passphrase testPass) and
// schema1.records.json (its records as Records gave them) were written by
// the code of schema 1, with store/fixture_schema1_gen_test.go of commit
// 15be5e4; that test is gone since, as the code it ran.
func copySchema1(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "warmlead.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func schemaOf(t *testing.T, path string) uint64 {
	t.Helper()
	return getU64(rawValue(t, path, bMeta, mSchema))
}

// eventFormats counts the ledger values stored as JSON and as CBOR.
func eventFormats(t *testing.T, db *DB) (jsonN, cborN int) {
	t.Helper()
	db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bEvents).ForEach(func(k, v []byte) error {
			pt, err := db.openValue(bEvents, k, v)
			if err != nil {
				t.Fatalf("%s: %v", eventName(k), err)
			}
			if pt[0] == '{' {
				jsonN++
			} else {
				cborN++
			}
			return nil
		})
	})
	return
}

func recordsJSON(t *testing.T, db *DB) []byte {
	t.Helper()
	recs, problems, err := db.Records()
	if err != nil || len(problems) > 0 {
		t.Fatalf("records: %v %v", err, problems)
	}
	out, err := json.MarshalIndent(recs, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

func TestMigrateSchema1(t *testing.T) {
	path := copySchema1(t)
	before, _ := os.ReadFile(path)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	// Opening, and a wrong passphrase, write nothing: the upgrade waits for
	// the key.
	if err := db.UnlockPassphrase([]byte("not the passphrase")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
		t.Fatal("opening an old file changed it before the unlock")
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if j, c := eventFormats(t, db); j != 0 || c != 20 {
		t.Fatalf("after the upgrade: %d events in JSON, %d in CBOR", j, c)
	}
	// Compacted in place, nothing left beside it.
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Fatalf("beside the database after the upgrade: %v", ents)
	}
	r, err := db.Verify()
	if err != nil || !r.OK() || r.Prospects != 3 || r.Events != 20 {
		t.Fatalf("verify after the upgrade: %+v %v", r, err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "schema1.records.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := recordsJSON(t, db); !bytes.Equal(got, want) {
		t.Fatalf("records after the upgrade differ from schema 1's:\n%s", got)
	}
	recs, _, _ := db.Records()
	for _, rec := range recs {
		for _, e := range rec.Events {
			if e.Enc != consent.EncV1 {
				t.Fatalf("a stored event changed its encoding version: %+v", e)
			}
		}
	}
	// The list's facets read the migrated events as the full decode does.
	a := recs[0].Prospect.ID
	if err := db.Index().PrepareFacets(); err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		want := facetOf(rec)
		db.mu.RLock()
		got := db.index.facets.ledger[rec.Prospect.ID]
		db.mu.RUnlock()
		got.dnc = false
		if got != want {
			t.Errorf("facets of %d: %+v, want %+v", rec.Prospect.ID, got, want)
		}
	}
	if lc, ok := db.Index().LastContact(a); !ok || !lc.Equal(time.Date(2026, 3, 8, 9, 30, 0, 0, time.UTC)) {
		t.Fatalf("last contact of %d: %v %v", a, lc, ok)
	}
	// A new event is v2 and links to the v1 ledger.
	ev, err := db.AppendEvent(a, consent.Event{Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached})
	if err != nil || ev.Enc != consent.EncV2 || ev.PrevHash != recs[0].Events[len(recs[0].Events)-1].Hash {
		t.Fatalf("appended %+v %v", ev, err)
	}
	db.Close()
	if v := schemaOf(t, path); v != schemaVersion {
		t.Fatalf("schema %d after the upgrade", v)
	}
	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if db.upgradePending {
		t.Fatal("an upgraded file is upgraded again")
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if r, err := db.Verify(); err != nil || !r.OK() || r.Events != 21 {
		t.Fatalf("verify after reopening: %+v %v", r, err)
	}
}

// The upgrade runs in steps; a step that fails (a crash, a full disk) is
// rolled back whole, leaving the file marked as upgrading at schema 2, so
// schema 1's code refuses it; the next unlock goes on from the marker.
func TestMigrateResumesAfterAFailedStep(t *testing.T) {
	path := copySchema1(t)
	steps := failSecondStep(t, 0, 7)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	if err := db.UnlockPassphrase([]byte(testPass)); err == nil || !strings.Contains(err.Error(), "upgrading the database to version 2 failed: disk on fire") || db.Unlocked() {
		t.Fatalf("unlock with a failing upgrade: %v (unlocked %v)", err, db.Unlocked())
	}
	dk, _ := db.unwrapPass([]byte(testPass))
	db.setKey(dk)
	if j, c := eventFormats(t, db); j != 13 || c != 7 {
		t.Fatalf("after one step of 7: %d events in JSON, %d in CBOR", j, c)
	}
	db.Close()
	if v := schemaOf(t, path); v != 2 || string(rawValue(t, path, bMeta, mUpgrade)[1:]) == "" {
		t.Fatalf("schema %d after a failed step, marker %q", v, rawValue(t, path, bMeta, mUpgrade))
	}
	if db, err = Open(path, Options{}); err != nil || !db.upgradePending {
		t.Fatalf("open with an upgrade under way: %v", err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if *steps != 4 { // 7, failed 7 again, 7, 6 with the end
		t.Errorf("%d steps", *steps)
	}
	if j, c := eventFormats(t, db); j != 0 || c != 20 {
		t.Fatalf("after the upgrade: %d events in JSON, %d in CBOR", j, c)
	}
	if r, err := db.Verify(); err != nil || !r.OK() || r.Events != 20 {
		t.Fatalf("verify: %+v %v", r, err)
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "schema1.records.json"))
	if got := recordsJSON(t, db); !bytes.Equal(got, want) {
		t.Fatalf("records after a resumed upgrade differ from schema 1's:\n%s", got)
	}
	db.Close()
	storetest.View(t, path, func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta).Get(mUpgrade) != nil {
			t.Error("the upgrade marker stays after the upgrade")
		}
		return nil
	})
}

// A damaged marker is refused, not guessed at.
func TestMigrateDamagedMarker(t *testing.T) {
	path := copySchema1(t)
	putRaw(t, path, bMeta, mSchema, u64(2))
	putRaw(t, path, bMeta, mUpgrade, []byte("?"))
	db := openLocked(t, path, Options{})
	if err := db.UnlockPassphrase([]byte(testPass)); err == nil || !strings.Contains(err.Error(), "upgrade marker in the meta bucket is damaged") {
		t.Fatalf("got %v", err)
	}
}

// An event damaged before the upgrade stays damaged, and named, after it;
// an event edited before the upgrade still breaks the chain there.
func TestMigrateKeepsDamageNamed(t *testing.T) {
	path := copySchema1(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := []uint64{}
	db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bProspects).ForEach(func(k, _ []byte) error { ids = append(ids, getU64(k)); return nil })
	})
	db.Close()
	k := join(u64(ids[0]), u64(3))
	v := rawValue(t, path, bEvents, k)
	v[len(v)/2] ^= 1
	putRaw(t, path, bEvents, k, v)

	// Edited with the key, sealed correctly, as JSON: only the chain can tell.
	k2 := join(u64(ids[1]), u64(2))
	raw2 := rawValue(t, path, bEvents, k2)
	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	dk, err := db.unwrapPass([]byte(testPass))
	if err != nil {
		t.Fatal(err)
	}
	pt, err := open(dk, raw2, adFor(bEvents, k2))
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(pt, []byte(`"consent-refused"`), []byte(`"consent-granted"`), 1)
	if bytes.Equal(edited, pt) {
		t.Fatalf("fixture changed: %s", pt)
	}
	db.Close()
	putRaw(t, path, bEvents, k2, seal(dk, edited, adFor(bEvents, k2)))
	zero(dk)

	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	r, err := db.Verify()
	if err != nil || len(r.Problems) != 2 {
		t.Fatalf("verify: %+v %v", r, err)
	}
	var ie *IntegrityError
	var ce *consent.ChainError
	if !errors.As(r.Problems[0], &ie) || !strings.Contains(ie.Error(), eventName(k)) ||
		!errors.As(r.Problems[1], &ce) || ce.Prospect != ids[1] || ce.Seq != 2 {
		t.Fatalf("problems: %v", r.Problems)
	}
}

// A backup made by schema 1 restores: the copy is upgraded while it is
// checked, so what is put in place is current and verifies.
func TestRestoreSchema1Backup(t *testing.T) {
	src := copySchema1(t)
	target := filepath.Join(t.TempDir(), "restored.db")
	unlock := func(db *DB) error { return db.UnlockPassphrase([]byte(testPass)) }
	r, err := Restore(target, src, Options{}, unlock)
	if err != nil || !r.OK() || r.Events != 20 {
		t.Fatalf("restore: %+v %v", r, err)
	}
	if v := schemaOf(t, target); v != schemaVersion {
		t.Fatalf("restored at schema %d", v)
	}
	if ents, _ := os.ReadDir(filepath.Dir(target)); len(ents) != 1 {
		t.Fatalf("beside the restored database: %v", ents)
	}
	db := openLocked(t, target, Options{})
	if err := unlock(db); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "schema1.records.json"))
	if got := recordsJSON(t, db); !bytes.Equal(got, want) {
		t.Fatalf("restored records differ from schema 1's:\n%s", got)
	}
}
