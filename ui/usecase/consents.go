package usecase

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"warmlead/consent"
	"warmlead/store"
)

// Consents records consents given, refused and withdrawn, objections ("do
// not contact me") and replies kept as evidence, and answers whether a
// person may be contacted.
type Consents struct {
	env Env
	st  consentStore
}

// consentStore is what Consents needs of the store (*store.DB in the app).
type consentStore interface {
	ledgerWriter
	tombstoner
}

// The sentences of the consent use cases. Those the CLI printed before are
// kept word for word (they name its flags; the translations say what to do
// in the window).
var (
	errUnknownVocab      = newTemplate(CodeInvalid, `unknown {{.What}} {{.Value}}: use one of {{.Valid}}`)
	errVerbal            = newTemplate(CodeInvalid, "a bare verbal yes is not proof of consent: record the call (recorded-call) or confirm it by email (verbal-confirmed-by-email)")
	errNotAnswer         = newTemplate(CodeInvalid, "say exactly one of --grant, --refuse or --withdraw")
	errConsentNoEvidence = newTemplate(CodeInvalid, "a consent needs its evidence: --evidence TEXT or --evidence-file F")
	errEvidenceTooLarge  = newTemplate(CodeInvalid, "the evidence is larger than {{.KB}} KB: keep the person's own words, without the quoted thread, or give it as a file (--evidence-file), which is cut to size")
	errExpiryPast        = newTemplate(CodeInvalid, "the expiry date must be in the future")
	errObjectNoEvidence  = newTemplate(CodeInvalid, "an objection needs its evidence: --evidence TEXT")
	errReplyNoText       = newTemplate(CodeInvalid, "a reply needs its text: paste it or read it from its .eml file")
	errEvidenceNUL       = newTemplate(CodeInvalid, "the evidence is not text (it holds NUL bytes, as a binary file does): give the reply as text or as its .eml file")
	errEvidenceNotUTF8   = newTemplate(CodeInvalid, "the evidence is not text (too much of it is not UTF-8): save the reply as UTF-8 text or give its .eml file")
	errEvidenceControl   = newTemplate(CodeInvalid, "the evidence is not text (too much of it is control characters): give the reply as text or as its .eml file")
)

// ConsentAnswer is a grant, refusal or withdrawal as a rep records it.
type ConsentAnswer struct {
	Prospect uint64
	consent.Answer
}

// Record stores the person's answer on one purpose and channel and returns
// the stored event (with its sequence number). A grant needs a method and
// evidence; evidence over consent.MaxEvidence and an expiry that is not in
// the future are refused, whichever front end asks.
func (c *Consents) Record(a ConsentAnswer) (consent.Event, error) {
	if err := checkCell(a.Cell); err != nil {
		return consent.Event{}, err
	}
	if a.Method == "verbal" {
		return consent.Event{}, errVerbal.Wrap(consent.ErrVerbalNotMethod)
	}
	if a.Method != "" {
		if err := refuseUnknown("method", a.Method, consent.Methods); err != nil {
			return consent.Event{}, err
		}
	}
	ev, err := a.Answer.Event(c.env.rep(), c.env.now())
	if err != nil {
		return consent.Event{}, answerError(err, errConsentNoEvidence)
	}
	return c.commit(a.Prospect, ev)
}

// Object records "do not contact me": every channel, every purpose, for
// good. The objection and anything audited with it are one transaction.
func (c *Consents) Object(id uint64, evidence string) (consent.Event, error) {
	ev, err := consent.NewObjection(evidence, c.env.rep(), c.env.now())
	if err != nil {
		return consent.Event{}, answerError(err, errObjectNoEvidence)
	}
	return c.commit(id, ev)
}

// AttachReply keeps a reply the person sent as evidence in their ledger.
func (c *Consents) AttachReply(id uint64, text string) (consent.Event, error) {
	text, err := consent.CheckEvidence(text)
	if err == nil && text == "" {
		err = consent.ErrNoEvidence
	}
	if err != nil {
		return consent.Event{}, answerError(err, errReplyNoText)
	}
	return c.commit(id, consent.Event{Time: c.env.now(), Rep: c.env.rep(), Kind: consent.KindReplyAttached, Evidence: text})
}

func (c *Consents) commit(id uint64, ev consent.Event) (consent.Event, error) {
	saved, err := c.st.Commit(store.Change{Prospect: id, Events: []consent.Event{ev}})
	if err != nil {
		return consent.Event{}, err
	}
	return saved[0], nil
}

// CanContact is the policy's answer for one channel and purpose now.
func (c *Consents) CanContact(id uint64, ch consent.Channel, pu consent.Purpose) (consent.Decision, error) {
	a, err := c.Answer(id, ch, pu)
	return a.Decision, err
}

// Answer is CanContact's answer with, for an erased person, the tombstone
// (when, why, by whom): `can-contact --json` prints it whole.
type Answer struct {
	consent.Decision
	Erased *store.Tombstone `json:"erased,omitempty"`
}

// Answer is CanContact with the tombstone of an erased person, whose id
// answers "blocked by the erasure", never "no prospect".
func (c *Consents) Answer(id uint64, ch consent.Channel, pu consent.Purpose) (Answer, error) {
	if err := checkCell(consent.PurposeChannel{Purpose: pu, Channel: ch}); err != nil {
		return Answer{}, err
	}
	rec, err := c.st.Record(id)
	if t := tombstoneOf(c.st, id, err); t != nil {
		return Answer{Decision: erasedDecision(id, ch, pu, c.env.now()), Erased: t}, nil
	}
	if err != nil {
		return Answer{}, err
	}
	st, err := c.st.Settings()
	if err != nil {
		return Answer{}, err
	}
	return Answer{Decision: consent.Decide(rec, ch, pu, c.env.now(), st.RetentionMonths)}, nil
}

// EvidenceFromEML reads a reply saved as an .eml file into the evidence text both
// front ends store: sender, date (in UTC, see consent.EMLEvidence),
// subject and text, cut to consent.MaxEvidence. A file that is not an
// email, or is too large, is refused with consent's error.
func EvidenceFromEML(r io.Reader) (string, error) {
	ev, err := consent.ReadEML(r)
	if err != nil {
		return "", err
	}
	return consent.EMLEvidence(ev), nil
}

// EvidenceFromFile reads evidence from a text file, cut to
// consent.MaxEvidence with a marker; it never reads more than that.
func EvidenceFromFile(r io.Reader) (string, error) {
	ev, err := ReadEvidence(r, false)
	return ev.Text, err
}

// EvidenceText is evidence read from a file, a pipe or standard input,
// and whether it was cut to consent.MaxEvidence (the text then ends with
// consent's marker, and the front end says so).
type EvidenceText struct {
	Text string
	Cut  bool
}

// ReadEvidence reads evidence whole from r, up to consent.MaxEvidence and
// one byte more (a pipe is read until it ends or passes the cap: never
// its first chunk only); eml parses it as an email (EvidenceFromEML). Text
// that is not text (NUL bytes, mostly invalid UTF-8) is refused here, with
// the sentence the use cases give.
func ReadEvidence(r io.Reader, eml bool) (EvidenceText, error) {
	if eml {
		raw, err := io.ReadAll(io.LimitReader(r, consent.MaxEMLBytes+1))
		if err != nil {
			return EvidenceText{}, err
		}
		text, err := EvidenceFromEML(bytes.NewReader(raw))
		return EvidenceText{Text: text, Cut: strings.HasSuffix(text, consent.EvidenceCutMarker)}, err
	}
	b, err := io.ReadAll(io.LimitReader(r, consent.MaxEvidence+1))
	if err != nil {
		return EvidenceText{}, err
	}
	text, cut := consent.CutEvidenceSaid(string(b))
	if _, err := consent.CheckEvidence(text); err != nil {
		return EvidenceText{}, answerError(err, errConsentNoEvidence)
	}
	return EvidenceText{Text: text, Cut: cut}, nil
}

// answerError words a domain refusal of an answer: noEvidence is the
// sentence for missing evidence in this use case. The domain's error stays
// the cause, so a screen can put its own words beside the field.
func answerError(err error, noEvidence Template) error {
	var e *Error
	switch {
	case errors.Is(err, consent.ErrNoEvidence):
		e = noEvidence.New()
	case errors.Is(err, consent.ErrEvidenceTooLarge):
		e = errEvidenceTooLarge.New("KB", consent.MaxEvidence>>10)
	case errors.Is(err, consent.ErrEvidenceNUL):
		e = errEvidenceNUL.New()
	case errors.Is(err, consent.ErrEvidenceNotUTF8):
		e = errEvidenceNotUTF8.New()
	case errors.Is(err, consent.ErrEvidenceControl):
		e = errEvidenceControl.New()
	case errors.Is(err, consent.ErrExpiryPast):
		e = errExpiryPast.New()
	case errors.Is(err, consent.ErrNoMethod):
		e = unknownValue("method", "", consent.Methods)
	case errors.Is(err, consent.ErrNotConsentKind):
		e = errNotAnswer.New()
	default:
		return err
	}
	e.Err = err
	return e
}

// checkCell refuses an unknown purpose or channel, as consent's parsers
// word it (the CLI parses its flags first, so it prints the same).
func checkCell(pc consent.PurposeChannel) error {
	if err := refuseUnknown("purpose", pc.Purpose, consent.Purposes); err != nil {
		return err
	}
	if err := refuseUnknown("channel", pc.Channel, consent.Channels); err != nil {
		return err
	}
	return nil
}

// refuseUnknown refuses a value that is not in valid, as consent's parsers
// word it.
func refuseUnknown[T ~string](what string, v T, valid []T) *Error {
	for _, ok := range valid {
		if v == ok {
			return nil
		}
	}
	return unknownValue(what, string(v), valid)
}

func unknownValue[T ~string](what, v string, valid []T) *Error {
	names := make([]string, len(valid))
	for i, x := range valid {
		names[i] = string(x)
	}
	return errUnknownVocab.New("What", what, "Value", strconv.Quote(strings.ToLower(strings.TrimSpace(v))), "Valid", strings.Join(names, ", "))
}
