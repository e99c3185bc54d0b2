package consent

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// EventKind names what happened to a prospect.
type EventKind string

// The kinds of event in a prospect's ledger.
const (
	KindCollected         EventKind = "collected"
	KindInformed          EventKind = "informed"
	KindConsentGranted    EventKind = "consent-granted"
	KindConsentRefused    EventKind = "consent-refused"
	KindConsentWithdrawn  EventKind = "consent-withdrawn"
	KindObjection         EventKind = "objection"
	KindCallLogged        EventKind = "call-logged"
	KindEmailGenerated    EventKind = "email-generated"
	KindReferralRequested EventKind = "referral-requested"
	KindReferralApproved  EventKind = "referral-approved"
	KindReferralDeclined  EventKind = "referral-declined"
	KindRectified         EventKind = "rectified"
	KindExported          EventKind = "exported"
	KindReactivated       EventKind = "reactivated"
	KindReplyAttached     EventKind = "reply-attached" // a reply from the person, kept as evidence
)

// Event is one entry of a prospect's append-only ledger. Fields not used by a
// kind stay empty. Hash covers the canonical encoding of every other field and
// the previous event's hash, so editing or removing an event breaks the chain.
// That encoding does not follow this struct: it is frozen per version
// (encoding.go), and Enc says which version the event was sealed with.
type Event struct {
	Prospect uint64    `json:"prospect"`
	Seq      uint64    `json:"seq"` // 1-based position in the prospect's ledger
	Time     time.Time `json:"time"`
	Rep      string    `json:"rep"`
	Kind     EventKind `json:"kind"`

	// collected
	Source     Source `json:"source,omitempty"`
	EventName  string `json:"event_name,omitempty"`
	Introducer uint64 `json:"introducer,omitempty"`
	ListVendor string `json:"list_vendor,omitempty"`

	// consent and objection
	Purpose  Purpose   `json:"purpose,omitempty"`
	Channel  Channel   `json:"channel,omitempty"`
	Method   Method    `json:"method,omitempty"`
	Evidence string    `json:"evidence,omitempty"`
	Expires  time.Time `json:"expires,omitzero"`
	AskAgain time.Time `json:"ask_again,omitzero"`
	Pending  bool      `json:"pending,omitempty"` // a verbal yes waiting for its confirming email

	// calls
	Outcome  string    `json:"outcome,omitempty"`
	Agreed   string    `json:"agreed,omitempty"`
	Callback time.Time `json:"callback,omitzero"`

	// rectification and free-form detail (e.g. which document was generated)
	Field string `json:"field,omitempty"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	Note  string `json:"note,omitempty"`

	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`

	// Enc is the encoding version the hash covers (EncV1, EncV2); Seal sets
	// it. In JSON (exports, `show --json`) it is "enc", absent for v1, so an
	// exported ledger still verifies.
	Enc int `json:"enc,omitempty"`
}

// ComputeHash returns the hash this event should carry, in its encoding
// version; "" when the version is unknown (VerifyChain says so).
func (e Event) ComputeHash() string {
	b, err := e.canonical()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Seal links e after prev (nil for the first event): it sets Seq, PrevHash
// and the current encoding version, normalises Time to UTC seconds (the
// other times keep their offset, as the rep's dates), replaces text that is
// not UTF-8 the way it will read back, and computes Hash.
func (e *Event) Seal(prev *Event) {
	e.Enc = encCurrent
	e.Time = e.Time.UTC().Truncate(time.Second)
	for _, s := range []*string{&e.Rep, &e.EventName, &e.ListVendor, &e.Evidence, &e.Outcome, &e.Agreed, &e.Field, &e.Old, &e.New, &e.Note} {
		*s = validText(*s)
	}
	e.Kind, e.Source = EventKind(validText(string(e.Kind))), Source(validText(string(e.Source)))
	e.Purpose, e.Channel, e.Method = Purpose(validText(string(e.Purpose))), Channel(validText(string(e.Channel))), Method(validText(string(e.Method)))
	if prev == nil {
		e.Seq, e.PrevHash = 1, ""
	} else {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Hash = e.ComputeHash()
}

// ChainError names the first event whose hash or link does not verify.
type ChainError struct {
	Prospect uint64
	Seq      uint64
	Reason   string
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("prospect %d, event %d: %s", e.Prospect, e.Seq, e.Reason)
}

// VerifyChain checks that events form an unbroken chain in order and returns
// the first break.
func VerifyChain(events []Event) error {
	var prev *Event
	for i := range events {
		e := &events[i]
		want := uint64(i + 1)
		switch {
		case e.Seq != want:
			return &ChainError{e.Prospect, e.Seq, fmt.Sprintf("out of sequence: expected event %d (an event was removed or inserted)", want)}
		case prev == nil && e.PrevHash != "":
			return &ChainError{e.Prospect, e.Seq, "first event links to a predecessor"}
		case prev != nil && e.PrevHash != prev.Hash:
			return &ChainError{e.Prospect, e.Seq, "does not link to the event before it"}
		case e.Enc != EncV1 && e.Enc != EncV2:
			return &ChainError{e.Prospect, e.Seq, fmt.Sprintf("unknown encoding version %d (written by a newer Warmlead?)", e.Enc)}
		case e.ComputeHash() != e.Hash:
			return &ChainError{e.Prospect, e.Seq, "content does not match its hash (edited after it was recorded)"}
		}
		prev = e
	}
	return nil
}

// LastHash is the hash of the newest event, or "" for an empty ledger.
func LastHash(events []Event) string {
	if len(events) == 0 {
		return ""
	}
	return events[len(events)-1].Hash
}
