package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"warmlead/consent"
)

func TestCreateReopenUnlockWithPassphrase(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addTest(t, db, "Jørgen Ångström", "Nordlys AS", "jorgen@nordlys.example", "+47 22 12 34 56")
	db.Close()

	db2 := openLocked(t, path, Options{})
	if _, err := db2.Settings(); !errors.Is(err, ErrNotUnlocked) {
		t.Fatalf("settings before unlock: got %v, want ErrNotUnlocked", err)
	}
	if err := db2.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	s, err := db2.Settings()
	if err != nil || s.Rep != "Rita Rep" || s.RetentionMonths != 12 {
		t.Fatalf("settings = %+v, %v", s, err)
	}
	got := db2.Index().Search("")
	if len(got) != 1 || got[0].Phone != "+4722123456" || got[0].Email != "jorgen@nordlys.example" {
		t.Fatalf("prospects after reopen = %+v", got)
	}
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	db, path := newTestDB(t, Options{})
	addTest(t, db, "Anna de Vries", "Tulp BV", "anna@tulp.example", "")
	db.Close()
	before, _ := os.ReadFile(path)

	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db2.UnlockPassphrase([]byte("not the passphrase")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("got %v, want ErrWrongPassphrase", err)
	}
	if db2.Unlocked() || len(db2.Index().Search("")) != 0 {
		t.Fatal("a wrong passphrase unlocked the database")
	}
	db2.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a wrong passphrase modified the file")
	}
}

func TestKeyringUnlockForgetAndMismatch(t *testing.T) {
	kr := mockKeyring(t)
	db, path := newTestDB(t, Options{Keyring: kr})
	if !db.HasKeyring() {
		t.Fatal("no keyring wrap stored at create")
	}
	db.Close()

	db2, err := Open(path, Options{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	if err := db2.UnlockKeyring(); err != nil {
		t.Fatalf("keyring unlock: %v", err)
	}
	if err := db2.ForgetKeyring(); err != nil {
		t.Fatal(err)
	}
	db2.Close()

	db3, _ := Open(path, Options{Keyring: kr})
	if err := db3.UnlockKeyring(); !errors.Is(err, ErrNoKeyringKey) {
		t.Fatalf("after forget: got %v, want ErrNoKeyringKey", err)
	}
	// The passphrase still works and stores a fresh keyring entry.
	if err := db3.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	db3.Close()

	// Another database's keyring entry under this one's account does not open it.
	db4, _ := Open(path, Options{Keyring: kr})
	kr.Set(db4.keyringAccount(), randomBytes(keyLen))
	if err := db4.UnlockKeyring(); !errors.Is(err, ErrKeyringMismatch) {
		t.Fatalf("foreign key: got %v, want ErrKeyringMismatch", err)
	}
	db4.Close()
}

func TestChangePassphraseRewrapsOnly(t *testing.T) {
	db, path := newTestDB(t, Options{})
	p := addTest(t, db, "Łukasz Żółw", "Polmar", "lukasz@polmar.example", "")
	if err := db.ChangePassphrase([]byte("short")); err == nil {
		t.Fatal("a too-short passphrase was accepted")
	}
	if err := db.ChangePassphrase([]byte("a brand new passphrase")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, _ := Open(path, Options{})
	defer db2.Close()
	if err := db2.UnlockPassphrase([]byte(testPass)); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	if err := db2.UnlockPassphrase([]byte("a brand new passphrase")); err != nil {
		t.Fatal(err)
	}
	if got, err := db2.Prospect(p.ID); err != nil || got.Name != "Łukasz Żółw" {
		t.Fatalf("prospect after rewrap: %+v %v", got, err)
	}
}

func TestSecondInstanceIsToldLocked(t *testing.T) {
	_, path := newTestDB(t, Options{})
	start := time.Now()
	_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("locked open took too long")
	}
}

func TestNoPersonalDataInRawFile(t *testing.T) {
	db, path := newTestDB(t, Options{})
	people := [][4]string{
		{"Jørgen Ångström", "Nordlys Fiskeri AS", "jorgen.angstrom@nordlys.example", "+47 22 12 34 56"},
		{"Anna-Maria Schüller", "Bäckerei Schüller GmbH", "anna.schueller@baeckerei.example", "+49 30 1234567"},
		{"Pieter van den Berg", "Grachtengoed BV", "pieter@grachtengoed.example", "+31 20 555 0100"},
	}
	for _, p := range people {
		addTest(t, db, p[0], p[1], p[2], p[3])
	}
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		for _, s := range []string{p[0], p[1], p[2], "+" + strings.Map(digitsOnly, p[3]), strings.Fields(p[0])[0], "Rita Rep", "Acme BV"} {
			for _, form := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
				if bytes.Contains(raw, []byte(form)) {
					t.Errorf("raw file contains %q", form)
				}
				if bytes.Contains(raw, utf16le(form)) {
					t.Errorf("raw file contains UTF-16 of %q", form)
				}
			}
		}
	}
}

func digitsOnly(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestFlippedByteIsIntegrityErrorNotPanic(t *testing.T) {
	db, path := newTestDB(t, Options{})
	victim := addTest(t, db, "Victim Person", "Target AB", "victim@target.example", "")
	other := addTest(t, db, "Other Person", "Safe AB", "other@safe.example", "")
	db.Close()
	flipInValue(t, path, bProspects, u64(victim.ID))

	db2, _ := Open(path, Options{})
	defer db2.Close()
	if err := db2.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatalf("unlock with one damaged value: %v", err)
	}
	_, err := db2.Prospect(victim.ID)
	var ie *IntegrityError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "prospect 1") {
		t.Fatalf("damaged prospect: got %v, want IntegrityError naming prospect 1", err)
	}
	if p, err := db2.Prospect(other.ID); err != nil || p.Name != "Other Person" {
		t.Fatalf("undamaged prospect unreadable: %v", err)
	}
	r, err := db2.Verify()
	if err != nil || r.OK() {
		t.Fatalf("verify did not report the damage: %+v %v", r, err)
	}
}

func TestCiphertextMovedToAnotherKeyFails(t *testing.T) {
	db, path := newTestDB(t, Options{})
	a := addTest(t, db, "Alpha", "A", "a@a.example", "")
	b := addTest(t, db, "Beta", "B", "b@b.example", "")
	db.Close()
	copyValue(t, path, bProspects, u64(a.ID), u64(b.ID))
	db2, _ := Open(path, Options{})
	defer db2.Close()
	db2.UnlockPassphrase([]byte(testPass))
	if _, err := db2.Prospect(b.ID); !errIntegrity(err) {
		t.Fatalf("moved ciphertext opened: %v", err)
	}
}

func TestCreateRefusesExistingAndMissingFile(t *testing.T) {
	_, path := newTestDB(t, Options{})
	if _, err := Create(path, []byte(testPass), testSettings(), Options{KDF: FastKDF()}); !errors.Is(err, ErrExists) {
		t.Fatalf("create over existing: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.db"), Options{}); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("open missing: %v", err)
	}
	if _, err := Create(filepath.Join(t.TempDir(), "x.db"), []byte("short"), testSettings(), Options{KDF: FastKDF()}); err == nil {
		t.Fatal("short passphrase accepted")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	db, path := newTestDB(t, Options{})
	db.update(func(tx *boltTx) error { return tx.Bucket(bMeta).Put(mSchema, u64(schemaVersion+1)) })
	db.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("got %v, want ErrNewerSchema", err)
	}
}

var _ = consent.Fold
