package usecase

import (
	"errors"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Rekey re-encrypts under a new key wrapped by the given passphrase and is
// audit-logged in the new file by the rep; a refused passphrase changes
// nothing and logs nothing.
func TestRekey(t *testing.T) {
	app, db := newTestApp(t)
	if err := app.Settings.Rekey([]byte("short"), nil); err == nil {
		t.Fatal("a short passphrase was taken")
	}
	if log := auditLog(t, db); len(log) != 0 {
		t.Fatalf("a refused rekey was logged: %+v", log)
	}
	if err := app.Settings.Rekey([]byte("a new and longer passphrase"), nil); err != nil {
		t.Fatal(err)
	}
	log := auditLog(t, db)
	if len(log) != 1 || log[0].Action != "rekeyed" || log[0].Rep != "Rita Rep" {
		t.Fatalf("audit %+v", log)
	}
	path := db.Path()
	db.Close()
	db2, err := store.Open(path, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if err := db2.UnlockPassphrase([]byte("correct horse battery")); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Fatalf("the old passphrase after rekey: %v", err)
	}
	if err := db2.UnlockPassphrase([]byte("a new and longer passphrase")); err != nil {
		t.Fatal(err)
	}
}

// AcceptState logs who took the file as it is, and why.
func TestAcceptState(t *testing.T) {
	app, db := newTestApp(t)
	if _, err := db.AddProspect(consent.Prospect{Name: "Anna", Company: "Acme", Source: consent.SourceCard}, store.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := app.Settings.AcceptState("no backup to restore"); err != nil {
		t.Fatal(err)
	}
	log := auditLog(t, db)
	if len(log) != 1 || log[0].Action != "state-accepted" || log[0].Detail != "no backup to restore" {
		t.Fatalf("audit %+v", log)
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify after accept: %v %v", r.Problems, err)
	}
}
