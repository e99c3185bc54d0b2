package cli

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"warmlead/consent"
)

// writeOut writes to --out (created 0600: it holds personal data) or stdout.
func (e *env) writeOut(out string, data []byte) error {
	if out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	if err := os.WriteFile(out, data, 0o600); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	return nil
}

// writeEmail writes mail as an .eml file to out, or as text to stdout:
// what notice and followup print.
func (e *env) writeEmail(out string, mail consent.Email, now time.Time) error {
	var buf bytes.Buffer
	if out != "" {
		if err := consent.WriteEML(&buf, mail, now); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(&buf, "To: %s\nSubject: %s\n\n%s\n", mail.To, mail.Subject, mail.Body)
	}
	return e.writeOut(out, buf.Bytes())
}
