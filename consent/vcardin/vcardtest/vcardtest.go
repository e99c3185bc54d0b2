// Package vcardtest holds vCard fixtures for the tests of the import, in
// the use cases and in the CLI, which check the same problems at two
// layers.
package vcardtest

import (
	"fmt"
	"strings"
)

// ProblemCards is a vCard file with one card of each kind the import
// reports on, in this order: an empty card, one without name, email or
// phone, a contact group, a good card (Anna Berg), one with a bad email,
// one with a bad phone, one of a person erased as erik@gone.example, and
// one with a 5,000-byte name and 60 emails (imported, shortened). It ends
// after that card's END line.
func ProblemCards() string {
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing useful\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Sales team\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\nEMAIL:anna@berg.example\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Email\r\nEMAIL:bad@\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Phone\r\nTEL:12\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erik Again\r\nEMAIL:ERIK@gone.example\r\nEND:VCARD\r\n")
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + strings.Repeat("x", 5000) + "\r\n")
	for i := range 60 {
		fmt.Fprintf(&b, "EMAIL:p%d@many.example\r\n", i)
	}
	b.WriteString("END:VCARD\r\n")
	return b.String()
}
