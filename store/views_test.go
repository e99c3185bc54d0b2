package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// keepAt registers a provider that gives view, up to the journal's version
// at the time it is asked (nothing changed since, as a cache just read).
func keepAt(db *DB, name string, view []byte) {
	db.KeepView(name, func() ([]byte, uint64, bool) {
		_, v, all := db.Index().Changes(changeVersions.Load())
		return bytes.Clone(view), v, !all
	})
}

// rawMeta is the meta value under key as stored, read past the store.
func rawMeta(t *testing.T, path, key string) []byte {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var v []byte
	bdb.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket(bMeta).Get([]byte(key)))
		return nil
	})
	return v
}

// behindTheBack changes the closed file at path past the store, as
// another program (or a restored, edited copy) would.
func behindTheBack(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if err := bdb.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func addPeople(t *testing.T, db *DB) {
	t.Helper()
	for _, p := range snapshotPeople() {
		if _, err := db.AddProspect(p, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
			t.Fatal(err)
		}
	}
}

// A view comes back after a close exactly while the file is the one it
// was kept with; a write, in this session or behind its back, retires it.
func TestViewIsTheFilesOnly(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addPeople(t, db)
	keepAt(db, "today", []byte("Anna Berg is due"))
	db.Close()
	if raw := rawMeta(t, path, "view.today"); raw == nil || bytes.Contains(raw, []byte("Anna")) {
		t.Fatalf("the view in the file: %q, want it sealed", raw)
	}

	db = openWith(t, path, Options{}, testPass)
	got, since, ok := db.LoadView("today")
	if !ok || string(got) != "Anna Berg is due" {
		t.Fatalf("LoadView after a close: %q %v", got, ok)
	}
	if ids, _, all := db.Index().Changes(since); all || len(ids) != 0 {
		t.Errorf("the view's version names changes: %v %v", ids, all)
	}
	if _, _, ok := db.LoadView("calls"); ok {
		t.Error("a view never kept loaded")
	}
	if _, err := db.AddProspect(consent.Prospect{Name: "Nils New", Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := db.LoadView("today"); ok {
		t.Error("the view loaded after a write it does not know")
	}
	// This session's provider has nothing exact (a write since): the old
	// view stays, and stays unused.
	db.KeepView("today", func() ([]byte, uint64, bool) { return nil, 0, false })
	db.Close()
	db = openWith(t, path, Options{}, testPass)
	if _, _, ok := db.LoadView("today"); ok {
		t.Error("a view from before the last session's write loaded")
	}
	keepAt(db, "today", []byte("again"))
	db.Close()

	// A record removed behind the store's back: the state check names it,
	// and the view is not trusted in that session.
	behindTheBack(t, path, func(tx *bolt.Tx) error { return tx.Bucket(bProspects).Delete(u64(1)) })
	db = openLocked(t, path, Options{})
	var se StateErrors
	if err := db.UnlockPassphrase([]byte(testPass)); !errors.As(err, &se) {
		t.Fatalf("unlock: %v, want the removed record named", err)
	}
	if _, _, ok := db.LoadView("today"); ok {
		t.Error("the view loaded over records that are not the state's")
	}
	db.Close()
}

// A view is saved only when nothing changed after the version it is up to.
func TestViewNotSavedOverALaterWrite(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addPeople(t, db)
	_, before, _ := db.Index().Changes(changeVersions.Load())
	if _, err := db.AddProspect(consent.Prospect{Name: "Late Larsen", Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	db.KeepView("today", func() ([]byte, uint64, bool) { return []byte("stale"), before, true })
	db.Close()
	if raw := rawMeta(t, path, "view.today"); raw != nil {
		t.Error("a view older than a write was saved")
	}
}

// An erasure deletes every view in its own transaction (a view may hold
// the name); a rekey drops them; Verify names one that does not open.
func TestViewsGoWithErasureAndRekey(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addPeople(t, db)
	keepAt(db, "today", []byte("names"))
	db.Close()
	db = openWith(t, path, Options{}, testPass)
	if err := db.Erase(1, "asked to be forgotten", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if raw := rawMeta(t, path, "view.today"); raw != nil {
		t.Error("a view outlived an erasure")
	}

	db = openWith(t, path, Options{}, testPass)
	keepAt(db, "today", []byte("names"))
	db.Close()
	db = openWith(t, path, Options{}, testPass)
	db.KeepView("today", func() ([]byte, uint64, bool) { return nil, 0, false })
	if err := db.Rekey([]byte(testPass+" new"), nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if raw := rawMeta(t, path, "view.today"); raw != nil {
		t.Error("a view sealed with the old key survived the rekey")
	}

	db = openWith(t, path, Options{}, testPass+" new")
	keepAt(db, "today", []byte("names"))
	db.Close()
	behindTheBack(t, path, func(tx *bolt.Tx) error {
		v := bytes.Clone(tx.Bucket(bMeta).Get([]byte("view.today")))
		v[len(v)-1] ^= 1
		return tx.Bucket(bMeta).Put([]byte("view.today"), v)
	})
	db = openWith(t, path, Options{}, testPass+" new")
	if _, _, ok := db.LoadView("today"); ok {
		t.Error("a damaged view loaded")
	}
	r, err := db.Verify()
	if err != nil {
		t.Fatal(err)
	}
	named := false
	for _, p := range r.Problems {
		named = named || strings.Contains(p.Error(), "today view")
	}
	if !named {
		t.Errorf("Verify did not name the damaged view: %v", r.Problems)
	}
}
