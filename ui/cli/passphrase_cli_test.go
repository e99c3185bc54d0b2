package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 20, "keys": init and passwd refuse a trivially weak passphrase with
// the strength meter's reason (the GUI shows the same sentence, translated),
// exit 1, and change nothing.
func TestInitAndPasswdRefuseWeakPassphrases(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct{ pass, reason string }{
		{"abc", "Too short: at least 10 characters"},
		{"            ", "Only spaces"},
		{"zzzzzzzzzzzzzz", "One character repeated"},
		{"12345678", "Too short"},
		{"1234567890", "A simple run like 12345678 or abcdefgh"},
		{"abcdefghijklm", "A simple run"},
	} {
		os.WriteFile(h.passFile, []byte(c.pass+"\n"), 0o600)
		code, _, errs := h.run("init", "--rep", "Rita Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy",
			"--preferences-url", "https://acme.example/prefs")
		if code != ExitError || !strings.Contains(errs, c.reason) {
			t.Errorf("init with %q: exit %d: %q", c.pass, code, errs)
		}
		if _, err := os.Stat(h.db); err == nil {
			t.Fatalf("init with %q made a database", c.pass)
		}
	}
	os.WriteFile(h.passFile, []byte("tulip windmill canal\n"), 0o600)
	h.init()
	newPass := filepath.Join(h.dir, "newpass")
	os.WriteFile(newPass, []byte("9876543210\n"), 0o600)
	if code, _, errs := h.run("passwd", "--new-password-file", newPass); code != ExitError || !strings.Contains(errs, "A simple run") {
		t.Fatalf("passwd to a run: exit %d: %q", code, errs)
	}
	h.must("list") // the old passphrase still opens
}
