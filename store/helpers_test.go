package store

import (
	"path/filepath"
	"testing"

	"github.com/zalando/go-keyring"

	"warmlead/consent"
)

const testPass = "correct horse battery"

// mockKeyring is go-keyring's in-memory mock behind the OSKeyring adapter,
// so unit tests exercise the same code path as the real Secret Service.
func mockKeyring(t *testing.T) KeyStore {
	t.Helper()
	keyring.MockInit()
	return OSKeyring{}
}

func testSettings() consent.Settings {
	s := consent.DefaultSettings()
	s.Rep, s.Company = "Rita Rep", "Acme BV"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/prefs"
	return s
}

// newTestDB creates a fresh database in a temp dir.
func newTestDB(t *testing.T, o Options) (*DB, string) {
	t.Helper()
	if o.KDF.Time == 0 {
		o.KDF = FastKDF()
	}
	path := filepath.Join(t.TempDir(), "warmlead.db")
	db, err := Create(path, []byte(testPass), testSettings(), o)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func addTest(t *testing.T, db *DB, name, company, email, phone string) consent.Prospect {
	t.Helper()
	p, err := db.AddProspect(consent.Prospect{Name: name, Company: company, Email: email, Phone: phone, Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", Region: "NL"})
	if err != nil {
		t.Fatalf("add %s: %v", name, err)
	}
	return p
}
