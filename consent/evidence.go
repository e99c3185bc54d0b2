package consent

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxEvidence caps the evidence one event keeps. A reply, a form id or a
// call recording reference is a few kilobytes; a ledger is read whole for
// every decision, so a pasted mailbox must not land in it.
const MaxEvidence = 256 << 10

// evidenceCut ends evidence that CutEvidence shortened, so a reader of the
// ledger sees that the proof was longer.
const evidenceCut = "\n[evidence cut at 256 KB]"

// The evidence rules, as errors a use case words for its front end.
var (
	ErrNoEvidence       = errors.New("consent: the evidence is missing")
	ErrEvidenceTooLarge = errors.New("consent: the evidence is larger than MaxEvidence")
)

// CheckEvidence trims evidence and refuses it when it is larger than
// MaxEvidence: text a rep typed or pasted is kept whole or not at all.
// Empty evidence is returned as "" without an error: whether it may be
// empty depends on the event (a refusal needs none, a grant does).
func CheckEvidence(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > MaxEvidence {
		return "", ErrEvidenceTooLarge
	}
	return s, nil
}

// CutEvidence shortens text read from a file to at most MaxEvidence bytes,
// marker included, at a character boundary: a file is often a whole thread
// of which the top is the proof.
func CutEvidence(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= MaxEvidence {
		return s
	}
	end := MaxEvidence - len(evidenceCut)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + evidenceCut
}

// EMLEvidence is the evidence kept of a reply read with ReadEML: its
// sender, date, subject and text, cut to MaxEvidence, under the email's
// own header names in every language (a copy of the message, not a screen
// text). The date is written
// in UTC, as every stored time is: the evidence reads the same on every
// machine and in every time zone the rep or an auditor opens it in, and
// RFC 1123 with the numeric zone keeps it exact.
func EMLEvidence(ev Evidence) string {
	return CutEvidence(fmt.Sprintf("From: %s\nDate: %s\nSubject: %s\n\n%s", ev.From, ev.Date.UTC().Format(time.RFC1123Z), ev.Subject, ev.Body))
}
