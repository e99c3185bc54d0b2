package cli

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"warmlead/consent"
)

// writeEmailOut writes mail as an .eml file to out (created 0600: it holds
// personal data), or as text to stdout: what followup prints. (The same as
// writeEmail in cmd_rights.go, kept apart while the notice moves to its
// use case; one of the two can go once both have.)
func (e *env) writeEmailOut(out string, mail consent.Email, now time.Time) error {
	var buf bytes.Buffer
	if out == "" {
		fmt.Fprintf(&buf, "To: %s\nSubject: %s\n\n%s\n", mail.To, mail.Subject, mail.Body)
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := consent.WriteEML(&buf, mail, now); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	return nil
}
