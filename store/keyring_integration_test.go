//go:build keyring

// Run against the real Secret Service: make keyring-test starts
// gnome-keyring-daemon inside dbus-run-session and runs these.
package store

import (
	"encoding/base64"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestKeyringRealSecretService(t *testing.T) {
	kr := OSKeyring{}
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := Create(path, []byte(testPass), testSettings(), Options{Keyring: kr, KDF: FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	if !db.HasKeyring() {
		t.Fatal("the real keyring did not take the key (is gnome-keyring-daemon running?)")
	}
	addTest(t, db, "Keyring Karl", "Secret AB", "karl@secret.example", "")
	account := db.keyringAccount()
	db.Close()
	t.Cleanup(func() { kr.Delete(account) })

	// The entry holds a random key and the generation last seen (a
	// number, store/generation.go), not data.
	v, err := keyring.Get(keyringService, account)
	if err != nil {
		t.Fatal(err)
	}
	key, gen, _ := strings.Cut(v, ";generation=")
	if raw, err := base64.StdEncoding.DecodeString(key); err != nil || len(raw) != keyLen || strings.Trim(gen, "0123456789") != "" {
		t.Fatalf("keyring entry is not a key and a generation: %q", v)
	}
	// secret-tool asks the Secret Service itself: proof the mock is not in play.
	out, err := exec.Command("secret-tool", "search", "--all", "service", keyringService).CombinedOutput()
	if err != nil || !strings.Contains(string(out), account) {
		t.Fatalf("the entry is not in the Secret Service (%v):\n%s", err, out)
	}
	if strings.Contains(string(out), "Karl") || strings.Contains(string(out), "secret.example") {
		t.Fatalf("keyring attributes carry personal data:\n%s", out)
	}

	// Silent unlock through the Secret Service.
	db2, err := Open(path, Options{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	if err := db2.UnlockKeyring(); err != nil {
		t.Fatalf("unlock through the Secret Service: %v", err)
	}
	if p := db2.Index().Search("karl"); len(p) != 1 {
		t.Fatal("data not readable after keyring unlock")
	}
	// Revoking the entry leaves only the passphrase.
	if err := db2.ForgetKeyring(); err != nil {
		t.Fatal(err)
	}
	db2.Close()
	if _, err := keyring.Get(keyringService, account); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("entry still in the keyring after forget: %v", err)
	}
	db3, _ := Open(path, Options{Keyring: kr})
	defer db3.Close()
	if err := db3.UnlockKeyring(); !errors.Is(err, ErrNoKeyringKey) {
		t.Fatalf("after forget: %v", err)
	}
	if err := db3.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
}
