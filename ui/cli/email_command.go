package cli

import (
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// oneEmail is what differs between the commands that write one email to a
// prospect (followup, first-email, notice): how the email is made, and how
// sending it is recorded. The rest (one ID, the language, the .eml or the
// text, --preview) is runEmail's.
type oneEmail struct {
	usage string
	// make builds the email; at is the time the .eml is dated.
	make func(uc *usecase.App, id uint64, lang string) (mail consent.Email, at time.Time, err error)
	// sent records the email as sent, after it was written; it may say on
	// stderr what that changed.
	sent func(uc *usecase.App, id uint64, mail consent.Email) error
	// noAddress, when set, is what to do about an email recorded for
	// someone with no address on file (said on stderr after sent).
	noAddress string
}

// runEmail runs one of those commands on its positional arguments.
func (e *env) runEmail(pos []string, fl emailFlags, c oneEmail) error {
	if len(pos) != 1 {
		return usagef("%s", c.usage)
	}
	uc, id, err := e.appFor(pos[0], langFlag(fl.lang))
	if err != nil {
		return err
	}
	mail, at, err := c.make(uc, id, fl.lang)
	if err != nil {
		return err
	}
	if err := e.writeEmail(fl.out, mail, at); err != nil {
		return err
	}
	if fl.preview {
		return nil
	}
	if err := c.sent(uc, id, mail); err != nil {
		return err
	}
	if mail.To == "" && c.noAddress != "" {
		fmt.Fprintln(e.stderr, "note: no email address on file; "+c.noAddress)
	}
	return nil
}
