package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// snapshot is everything a database holds that a rep or an auditor sees.
type snapshot struct {
	Records    any
	Settings   any
	Audit      []AuditEntry
	Tombstones []Tombstone
	Registers  []Register
	Verify     VerifyReport
}

func takeSnapshot(t *testing.T, db *DB) snapshot {
	t.Helper()
	var s snapshot
	recs, problems, err := db.Records()
	if err != nil || len(problems) != 0 {
		t.Fatalf("records: %v %v", problems, err)
	}
	s.Records = recs
	if s.Settings, err = db.Settings(); err != nil {
		t.Fatal(err)
	}
	if s.Audit, err = db.AuditLog(); err != nil {
		t.Fatal(err)
	}
	if s.Tombstones, err = db.Tombstones(); err != nil {
		t.Fatal(err)
	}
	if s.Registers, err = db.Registers(); err != nil {
		t.Fatal(err)
	}
	if s.Verify, err = db.Verify(); err != nil || !s.Verify.OK() {
		t.Fatalf("verify: %+v %v", s.Verify, err)
	}
	return s
}

func openUnlocked(t *testing.T, path string) *DB {
	t.Helper()
	return reopen(t, path, Options{})
}

var unlockTestPass = func(d *DB) error { return d.UnlockPassphrase([]byte(testPass)) }

// A backup restores to the same database: the same prospects, ledgers,
// settings, audit log, tombstones and registers. (Not the same bytes: the
// restore raises the file's generation, and re-applies erasures made after
// the backup: see restore_test.go.)
func TestBackupRestoresIdenticalDatabase(t *testing.T) {
	path, _ := tamperFixture(t, Options{})
	db := openUnlocked(t, path)
	want := takeSnapshot(t, db)
	bak := filepath.Join(t.TempDir(), "identical.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	// A change after the backup, which the restore must undo.
	addTest(t, db, "After Backup", "Later BV", "later@after.example", "")
	db.Close()

	if _, err := Restore(path, bak, Options{}, unlockTestPass); err != nil {
		t.Fatal(err)
	}
	db = openUnlocked(t, path)
	defer db.Close()
	if got := takeSnapshot(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("restored database differs:\n got %+v\nwant %+v", got, want)
	}
	if db.Index().Count() != 2 || len(db.Index().Search("after backup")) != 0 {
		t.Fatal("the search index does not match the restored file")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".warmlead-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// A backup is as encrypted as the database: no name, company, email, phone,
// evidence or rep name in it, in any case or in UTF-16.
func TestBackupHasNoPersonalDataInClear(t *testing.T) {
	path, _ := tamperFixture(t, Options{})
	db := openUnlocked(t, path)
	bak := filepath.Join(t.TempDir(), "w.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, _ := os.ReadFile(bak)
	for _, s := range []string{"Tamper Target", "Victim AB", "target@victim.example", "+46812345678", "Safe Sofie", "Intact AS",
		"sofie@intact.example", "+4722123456", "signed at the stand", "Rita Rep", "Acme BV", "SE NIX", eraseReason} {
		for _, form := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			if bytes.Contains(raw, []byte(form)) || bytes.Contains(raw, utf16le(form)) {
				t.Errorf("the backup contains %q", form)
			}
		}
	}
}

// restoreRefused restores a damaged backup over a working database and
// checks that nothing changed: the error is clear, the target's bytes are
// the same and it still opens, and no temporary copy is left behind.
func restoreRefused(t *testing.T, name, target, bad string, unlock func(*DB) error) {
	t.Helper()
	before, _ := os.ReadFile(target)
	_, err := Restore(target, bad, Options{}, unlock)
	if err == nil {
		t.Fatalf("%s: restored", name)
	}
	if !errors.Is(err, ErrBadBackup) && !errors.Is(err, ErrWrongPassphrase) && !strings.Contains(err.Error(), "backup") {
		t.Errorf("%s: the error does not say the backup is the problem: %v", name, err)
	}
	if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
		t.Fatalf("%s: a refused restore changed the database", name)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".warmlead-*")); len(left) != 0 {
		t.Fatalf("%s: temporary files left: %v", name, left)
	}
}

// backupAndClose writes a backup of db to bak, closes db and returns the
// backup's bytes.
func backupAndClose(t *testing.T, db *DB, bak string) []byte {
	t.Helper()
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	db.Close()
	good, err := os.ReadFile(bak)
	if err != nil {
		t.Fatal(err)
	}
	return good
}

func TestDamagedBackupsRefusedBeforeAnythingChanges(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	db := openUnlocked(t, path)
	dir := t.TempDir()
	bak := filepath.Join(dir, "good.bak")
	good := backupAndClose(t, db, bak)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := func(bucket, key []byte) []byte {
		p := write("flip.tmp", good)
		flipInFile(t, p, bucket, key, -1)
		b, _ := os.ReadFile(p)
		return b
	}
	otherPath, _ := tamperFixture(t, Options{KDF: FastKDF()})
	other := openUnlocked(t, otherPath)
	other.ChangePassphrase([]byte("another database's passphrase"))
	otherBak := filepath.Join(dir, "other.bak")
	other.Backup(otherBak)
	other.Close()
	plainBolt := filepath.Join(dir, "plain-bolt.db")
	if b, err := bolt.Open(plainBolt, 0o600, nil); err == nil {
		b.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
		b.Close()
	}

	cases := map[string]string{
		"empty file":                      write("empty.bak", nil),
		"truncated to one page":           write("trunc1.bak", good[:4096]),
		"truncated to half":               write("trunc2.bak", good[:len(good)/2]),
		"not a database":                  write("text.bak", []byte(strings.Repeat("BEGIN:VCARD\nFN:Not A Backup\nEND:VCARD\n", 500))),
		"random bytes":                    write("random.bak", randomBytes(len(good))),
		"a bbolt file of another program": plainBolt,
		"a prospect damaged":              write("prospect.bak", flipped(bProspects, u64(ids[0]))),
		"a ledger event damaged":          write("event.bak", flipped(bEvents, join(u64(ids[1]), u64(3)))),
		"the settings damaged":            write("settings.bak", flipped(bSettings, kSettings)),
		"the passphrase wrap damaged":     write("wrap.bak", flipped(bMeta, mWrapPass)),
		"another database's backup":       otherBak,
		"a missing file":                  filepath.Join(dir, "does-not-exist.bak"),
	}
	for name, bad := range cases {
		restoreRefused(t, name, path, bad, unlockTestPass)
	}
	restoreRefused(t, "the wrong passphrase", path, bak, func(d *DB) error { return d.UnlockPassphrase([]byte("not the passphrase")) })
	db = openUnlocked(t, path)
	defer db.Close()
	if r, err := db.Verify(); err != nil || !r.OK() || r.Prospects != 2 {
		t.Fatalf("the database after refused restores: %+v %v", r, err)
	}
}

// Random damage anywhere in a backup: a restore either refuses it (and
// changes nothing) or, when the damage hit unused space, gives back the
// whole database. It never crashes.
func TestRandomlyDamagedBackups(t *testing.T) {
	path, _ := tamperFixture(t, Options{})
	db := openUnlocked(t, path)
	want := takeSnapshot(t, db)
	dir := t.TempDir()
	good := backupAndClose(t, db, filepath.Join(dir, "good.bak"))
	rng := rand.New(rand.NewPCG(8, 8))
	restored, refused := 0, 0
	for round := range 100 {
		b := append([]byte(nil), good...)
		for range 1 + rng.IntN(4) {
			b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
		}
		bad := filepath.Join(dir, "bad.bak")
		os.WriteFile(bad, b, 0o600)
		before, _ := os.ReadFile(path)
		_, err := Restore(path, bad, Options{}, unlockTestPass)
		if err != nil {
			refused++
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatalf("round %d: a refused restore changed the database: %v", round, err)
			}
			continue
		}
		restored++
		db := openUnlocked(t, path)
		got := takeSnapshot(t, db)
		db.Close()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: a damaged backup was restored with different data", round)
		}
		os.WriteFile(path, good, 0o600) // the next round starts from a clean file
	}
	t.Logf("%d damaged backups refused, %d restored (damage in unused space)", refused, restored)
}
