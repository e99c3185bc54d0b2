package cli

import (
	"bytes"
	"net/mail"
	"os"
	"path/filepath"
)

// mustEML runs a command that writes an email (args, then --out NAME in the
// harness folder) and returns the message it wrote, parsed.
func (h *harness) mustEML(name string, args ...string) *mail.Message {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	h.must(append(args, "--out", path)...)
	b, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		h.t.Fatalf("%s does not parse: %v", name, err)
	}
	return msg
}
