package store

// Records removed, replayed or copied in by someone who can write the file
// but has no key (issue 20): every value still opens, so only the
// authenticated state (state.go) notices. These tests use only what the
// code before it had (Verify, unlock, Events), so they compile and fail
// there.

import (
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/store/storetest"
)

func rawKeys(t *testing.T, path string, bucket []byte) [][]byte {
	t.Helper()
	var keys [][]byte
	storetest.View(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).ForEach(func(k, _ []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		})
	})
	return keys
}

func deleteAllRaw(t *testing.T, path string, bucket []byte) {
	t.Helper()
	keys := rawKeys(t, path, bucket)
	if len(keys) == 0 {
		t.Fatalf("the fixture has nothing in %s", bucket)
	}
	for _, k := range keys {
		putRaw(t, path, bucket, k, nil)
	}
}

// openTampered unlocks a tampered file and returns what unlock said and
// what Verify found, as text.
func openTampered(t *testing.T, path string) (db *DB, problems string, unlockErr error) {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("open after tampering: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	unlockErr = db.UnlockPassphrase([]byte(testPass))
	if !db.Unlocked() {
		t.Fatalf("unlock after tampering did not leave the database unlocked for verify: %v", unlockErr)
	}
	r, err := db.Verify()
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	var all []string
	for _, p := range r.Problems {
		all = append(all, p.Error())
	}
	return db, strings.Join(all, "\n"), unlockErr
}

func wantNamed(t *testing.T, what, got string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			t.Errorf("%s: %q not named in:\n%s", what, p, got)
		}
	}
}

func TestStateNamesEveryKeyOfABucketDeleted(t *testing.T) {
	for _, c := range []struct {
		bucket   []byte
		atUnlock bool
		named    []string
	}{
		{bSuppress, true, []string{"in suppress: 1 record(s) removed"}},
		{bDNC, false, []string{"in dnc: 1 record(s) removed", `register "SE NIX" holds 0 numbers, 1 were imported`}},
		{bAudit, true, []string{"in audit: ", "removed: [1 2"}},
		{bTombstones, true, []string{"in tombstones: 1 record(s) removed", "the tombstone of prospect 3"}},
		{bProspects, true, []string{"in prospects: 2 record(s) removed", "prospect 1 was removed", "prospect 2 was removed"}},
	} {
		t.Run(string(c.bucket), func(t *testing.T) {
			path, _ := tamperFixture(t, Options{})
			deleteAllRaw(t, path, c.bucket)
			_, got, uerr := openTampered(t, path)
			wantNamed(t, "verify", got, c.named...)
			if c.atUnlock && (uerr == nil || !strings.Contains(uerr.Error(), "in "+string(c.bucket)+":")) {
				t.Errorf("unlock did not name %s: %v", c.bucket, uerr)
			}
			if !c.atUnlock && uerr != nil {
				t.Errorf("unlock: %v", uerr)
			}
		})
	}
}

// The newest event of a ledger cut off: an objection disappears. Verify
// names it, and so does reading the ledger (what can-contact decides on).
func TestStateNamesALedgerCutShort(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	obj, err := db.AppendEvent(ids[0], consent.Event{Rep: "Rita Rep", Kind: consent.KindObjection, Note: "no more calls"})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	putRaw(t, path, bEvents, join(u64(ids[0]), u64(obj.Seq)), nil)

	db, got, uerr := openTampered(t, path)
	if uerr != nil {
		t.Fatalf("unlock: %v", uerr)
	}
	wantNamed(t, "verify", got, "in events: 1 record(s) removed", "prospect 1: events 4 to 4 of the ledger were removed")
	if evs, err := db.Events(ids[0]); err == nil || !strings.Contains(err.Error(), "events 4 to 4") {
		t.Errorf("reading the cut ledger gave %d events and %v", len(evs), err)
	}
	if _, err := db.Events(ids[1]); err != nil {
		t.Errorf("an intact ledger: %v", err)
	}
}

// An older sealed value of a prospect put back (the email before its
// rectification): it opens, so only the state tells.
func TestStateNamesAReplayedProspect(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	old := rawValue(t, path, bProspects, u64(ids[0]))
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EditProspect(ids[0], "email", "new@victim.example", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	putRaw(t, path, bProspects, u64(ids[0]), old)

	_, got, uerr := openTampered(t, path)
	if uerr == nil || !strings.Contains(uerr.Error(), "in prospects: a record was replaced") {
		t.Errorf("unlock: %v", uerr)
	}
	wantNamed(t, "verify", got, "prospect 1 is not the record last written")
}

// An erased person copied back in from an older copy of the file: their
// record and ledger open (same keys), so only the state tells.
func TestStateNamesACopiedInRecord(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := path + ".old"
	if err := os.WriteFile(old, before, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(ids[1], eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	db.Close()
	putRaw(t, path, bProspects, u64(ids[1]), rawValue(t, old, bProspects, u64(ids[1])))
	for _, k := range rawKeys(t, old, bEvents) {
		if getU64(k) == ids[1] {
			putRaw(t, path, bEvents, k, rawValue(t, old, bEvents, k))
		}
	}

	_, got, uerr := openTampered(t, path)
	if uerr == nil || !strings.Contains(uerr.Error(), "in prospects: 1 record(s) added") {
		t.Errorf("unlock: %v", uerr)
	}
	wantNamed(t, "verify", got, "in prospects: 1 record(s) added", "in events: 3 record(s) added", "prospect 2 was erased but is back")
}

// What the app writes itself never differs from its state.
func TestStateHoldsAfterEveryKindOfWrite(t *testing.T) {
	path, _ := tamperFixture(t, Options{})
	_, got, uerr := openTampered(t, path)
	if uerr != nil || got != "" {
		t.Fatalf("unlock: %v; verify: %s", uerr, got)
	}
}
