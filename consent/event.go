package consent

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
}

// canonical is the byte string the hash covers: the JSON encoding of the
// event with Hash cleared. encoding/json writes struct fields in declaration
// order, so the encoding is stable.
func (e Event) canonical() []byte {
	e.Hash = ""
	e.Time = e.Time.UTC()
	b, err := json.Marshal(e)
	if err != nil {
		// Only unsupported types make Marshal fail; Event has none.
		panic("consent: event cannot be encoded")
	}
	return b
}

// ComputeHash returns the hash this event should carry.
func (e Event) ComputeHash() string {
	sum := sha256.Sum256(e.canonical())
	return hex.EncodeToString(sum[:])
}

// Seal links e after prev (nil for the first event): it sets Seq, PrevHash,
// normalises Time to UTC seconds and computes Hash.
func (e *Event) Seal(prev *Event) {
	e.Time = e.Time.UTC().Truncate(time.Second)
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
