package cli

import (
	"bytes"
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// writeOut writes to --out or stdout. The file is written as every use
// case writes one (usecase.WriteOutFile): 0600, whole or not at all, never
// over the database, its passphrase file or a backup.
func (e *env) writeOut(out string, data []byte) error {
	if out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	return usecase.WriteOutFile(out, data, e.cfg.DB, e.cfg.PasswordFile)
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
		fmt.Fprintf(&buf, "To: %s\nSubject: %s\n\n%s\n", safe(mail.To), safe(mail.Subject), safeBlock(mail.Body))
	}
	return e.writeOut(out, buf.Bytes())
}
