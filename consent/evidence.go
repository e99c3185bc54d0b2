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

// EvidenceCutMarker ends evidence that was cut to MaxEvidence.
const EvidenceCutMarker = evidenceCut

// The evidence rules, as errors a use case words for its front end.
var (
	ErrNoEvidence       = errors.New("consent: the evidence is missing")
	ErrEvidenceTooLarge = errors.New("consent: the evidence is larger than MaxEvidence")
	// Evidence that is not text a person wrote: a binary file given as
	// the proof would be kept, and shown, as garbage. Each wraps
	// ErrEvidenceNotText.
	ErrEvidenceNotText = errors.New("consent: the evidence is not text")
	ErrEvidenceNUL     = fmt.Errorf("%w: it holds NUL bytes", ErrEvidenceNotText)
	ErrEvidenceNotUTF8 = fmt.Errorf("%w: too much of it is not UTF-8", ErrEvidenceNotText)
	ErrEvidenceControl = fmt.Errorf("%w: too much of it is control characters", ErrEvidenceNotText)
)

// notTextShare is how much of evidence (per mille of its bytes) may be
// invalid UTF-8 or control characters: a stray byte of a Windows code page
// in a pasted reply is still the reply; a PDF or an image is not.
const notTextShare = 20

// checkText refuses evidence that is not text: any NUL byte, or more than
// notTextShare per mille invalid UTF-8 or control characters (tab, line
// ends and form feed are text).
func checkText(s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return ErrEvidenceNUL
	}
	bad, ctrl := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f', r == 0x7f, r >= 0x80 && r < 0xa0:
			ctrl++
		}
		i += size
	}
	switch {
	case bad*1000 > len(s)*notTextShare:
		return ErrEvidenceNotUTF8
	case ctrl*1000 > len(s)*notTextShare:
		return ErrEvidenceControl
	}
	return nil
}

// CheckEvidence trims evidence and refuses it when it is larger than
// MaxEvidence (text a rep typed or pasted is kept whole or not at all) or
// is not text (checkText: a binary file is no proof).
// Empty evidence is returned as "" without an error: whether it may be
// empty depends on the event (a refusal needs none, a grant does).
func CheckEvidence(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > MaxEvidence {
		return "", ErrEvidenceTooLarge
	}
	if err := checkText(s); err != nil {
		return "", err
	}
	return s, nil
}

// CutEvidence shortens text read from a file to at most MaxEvidence bytes,
// marker included, at a character boundary: a file is often a whole thread
// of which the top is the proof.
func CutEvidence(s string) string {
	s, _ = CutEvidenceSaid(s)
	return s
}

// CutEvidenceSaid is CutEvidence that also says whether it cut, so the
// front end can tell the rep (the stored text says so with its marker).
func CutEvidenceSaid(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) <= MaxEvidence {
		return s, false
	}
	end := MaxEvidence - len(evidenceCut)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + evidenceCut, true
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
