package usecase

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// testNow is the fixed clock of the use case tests: a weekday at noon.
var testNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.Local)

// newTestApp is the use cases over a real database in a temp dir, acting
// as "Rita Rep" at testNow.
func newTestApp(t *testing.T) (*App, *store.DB) {
	t.Helper()
	s := consent.DefaultSettings()
	s.Rep, s.Company = "Rita Rep", "Acme BV"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/prefs"
	db, err := store.Create(filepath.Join(t.TempDir(), "warmlead.db"), []byte("correct horse battery"), s,
		store.Options{KDF: store.FastKDF(), Timeout: time.Second})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return New(db, Env{Rep: func() string { return "Rita Rep" }, Now: func() time.Time { return testNow }}), db
}

// writeInDir writes body to dir/name (readable by the owner only, as an
// import file with personal data should be) and returns its path.
func writeInDir(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
