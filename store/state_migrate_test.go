package store

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"warmlead/store/storetest"
)

// asSchema2 turns a current file into what the code of schema 2 wrote: no
// state, no heads.
func asSchema2(t *testing.T, path string) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if err := m.Delete(mState); err != nil {
			return err
		}
		if err := m.Put(mSchema, u64(2)); err != nil {
			return err
		}
		return tx.DeleteBucket(bHeads)
	})
}

// A file written before the state gets one at its first unlock, computed
// from its data; from then on a removed record is named. The heads are
// written in steps, and a step that fails is taken up again.
func TestMigrateGivesAnOlderFileItsState(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	asSchema2(t, path)

	steps := failSecondStep(t, 1, 1)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err == nil || !strings.Contains(err.Error(), "version 3 failed: disk on fire") {
		t.Fatalf("unlock with a failing step: %v", err)
	}
	db.Close()
	if hasRaw(t, path, bMeta, mState) {
		t.Fatal("a state was written before the last step")
	}
	db, got, uerr := openTampered(t, path)
	if uerr != nil || got != "" {
		t.Fatalf("after the upgrade: unlock %v, verify %s", uerr, got)
	}
	if *steps != 3 { // prospect 1; prospect 2, failed; prospect 2 again with the digests (3 is erased)
		t.Errorf("%d steps", *steps)
	}
	db.Close()
	if v := schemaOf(t, path); v != 3 {
		t.Fatalf("schema %d after the upgrade", v)
	}
	putRaw(t, path, bSuppress, rawKeys(t, path, bSuppress)[0], nil)
	putRaw(t, path, bProspects, u64(ids[1]), nil)
	_, got, uerr = openTampered(t, path)
	if uerr == nil {
		t.Error("unlock after the upgrade missed the removed records")
	}
	wantNamed(t, "verify", got, "in suppress: 1 record(s) removed", "prospect 2 was removed")
}

// The schema 1 fixture, written by the code of its time, upgrades through
// both steps and verifies.
func TestMigrateSchema1GetsAState(t *testing.T) {
	path := copySchema1(t)
	db, got, uerr := openTampered(t, path)
	if uerr != nil || got != "" {
		t.Fatalf("unlock %v, verify %s", uerr, got)
	}
	db.Close()
	if !hasRaw(t, path, bMeta, mState) || schemaOf(t, path) != 3 {
		t.Fatal("no state after the upgrade")
	}
}

func hasRaw(t *testing.T, path string, bucket, key []byte) bool {
	t.Helper()
	has := false
	storetest.View(t, path, func(tx *bolt.Tx) error {
		has = tx.Bucket(bucket).Get(key) != nil
		return nil
	})
	return has
}
