package consent

import (
	"errors"
	"slices"
	"time"
)

// The rules of a consent answer, as errors a use case words for its front
// end (with the evidence rules in evidence.go).
var (
	ErrNoMethod        = errors.New("consent: the method is missing")
	ErrExpiryPast      = errors.New("consent: the expiry date is not in the future")
	ErrNotConsentKind  = errors.New("consent: not a grant, refusal or withdrawal")
	ErrUnknownPurpose  = errors.New("consent: unknown purpose")
	ErrUnknownChannel  = errors.New("consent: unknown channel")
	ErrUnknownMethod   = errors.New("consent: unknown method")
	ErrVerbalNotMethod = errors.New("consent: a bare verbal yes is not a method")
)

// Grant is a consent the person gave. It cannot exist without a valid
// purpose, channel and method and its evidence (consent-rules.md §2): the
// only way to make one is NewGrant, and Event is the only way to store it.
type Grant struct {
	pc       PurposeChannel
	method   Method
	evidence string
	expires  time.Time
	askAgain time.Time
}

// NewGrant checks a grant: purpose, channel and method known, evidence
// given and within MaxEvidence, an expiry (zero: none) after now.
func NewGrant(pc PurposeChannel, method Method, evidence string, expires, now time.Time) (Grant, error) {
	if err := checkCell(pc); err != nil {
		return Grant{}, err
	}
	if err := checkMethod(method); err != nil {
		return Grant{}, err
	}
	if method == "" {
		return Grant{}, ErrNoMethod
	}
	evidence, err := CheckEvidence(evidence)
	if err != nil {
		return Grant{}, err
	}
	if evidence == "" {
		return Grant{}, ErrNoEvidence
	}
	if err := checkExpiry(expires, now); err != nil {
		return Grant{}, err
	}
	return Grant{pc: pc, method: method, evidence: evidence, expires: expires}, nil
}

// AskAgain is the grant with the day to ask again.
func (g Grant) AskAgain(day time.Time) Grant { g.askAgain = day; return g }

// Event is the consent-granted event of g.
func (g Grant) Event(rep string, now time.Time) Event {
	return Event{Time: now, Rep: rep, Kind: KindConsentGranted, Purpose: g.pc.Purpose, Channel: g.pc.Channel,
		Method: g.method, Evidence: g.evidence, Expires: g.expires, AskAgain: g.askAgain}
}

// Answer is the person's answer on one purpose and channel: granted,
// refused or withdrawn, as a rep records it.
type Answer struct {
	Kind     EventKind // KindConsentGranted, KindConsentRefused or KindConsentWithdrawn
	Cell     PurposeChannel
	Method   Method // required for a grant; optional otherwise
	Evidence string // required for a grant; optional otherwise
	Expires  time.Time
	AskAgain time.Time
}

// Event checks the answer and returns its event. A grant goes through
// NewGrant; a refusal or withdrawal needs no method or evidence, but what
// it carries follows the same rules.
func (a Answer) Event(rep string, now time.Time) (Event, error) {
	switch a.Kind {
	case KindConsentGranted:
		g, err := NewGrant(a.Cell, a.Method, a.Evidence, a.Expires, now)
		if err != nil {
			return Event{}, err
		}
		return g.AskAgain(a.AskAgain).Event(rep, now), nil
	case KindConsentRefused, KindConsentWithdrawn:
	default:
		return Event{}, ErrNotConsentKind
	}
	if err := checkCell(a.Cell); err != nil {
		return Event{}, err
	}
	if err := checkMethod(a.Method); err != nil {
		return Event{}, err
	}
	evidence, err := CheckEvidence(a.Evidence)
	if err != nil {
		return Event{}, err
	}
	if err := checkExpiry(a.Expires, now); err != nil {
		return Event{}, err
	}
	return Event{Time: now, Rep: rep, Kind: a.Kind, Purpose: a.Cell.Purpose, Channel: a.Cell.Channel,
		Method: a.Method, Evidence: evidence, Expires: a.Expires, AskAgain: a.AskAgain}, nil
}

// NewObjection is "do not contact me" with what the person said or wrote,
// which it cannot be recorded without.
func NewObjection(evidence, rep string, now time.Time) (Event, error) {
	evidence, err := CheckEvidence(evidence)
	if err != nil {
		return Event{}, err
	}
	if evidence == "" {
		return Event{}, ErrNoEvidence
	}
	return Event{Time: now, Rep: rep, Kind: KindObjection, Evidence: evidence}, nil
}

func checkCell(pc PurposeChannel) error {
	if !slices.Contains(Purposes, pc.Purpose) {
		return ErrUnknownPurpose
	}
	if !slices.Contains(Channels, pc.Channel) {
		return ErrUnknownChannel
	}
	return nil
}

// checkMethod accepts no method or a known one; "verbal" is never one.
func checkMethod(m Method) error {
	switch {
	case m == "":
		return nil
	case m == "verbal":
		return ErrVerbalNotMethod
	case !slices.Contains(Methods, m):
		return ErrUnknownMethod
	}
	return nil
}

// checkExpiry: a consent that ends must end after now (a date in the past
// would record a consent that never held).
func checkExpiry(expires, now time.Time) error {
	if !expires.IsZero() && !expires.After(now) {
		return ErrExpiryPast
	}
	return nil
}
