package consent

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// PurposeChannel is one cell of the consent matrix.
type PurposeChannel struct {
	Purpose Purpose `json:"purpose"`
	Channel Channel `json:"channel"`
}

// CallLog is what a rep records after a call. Consents given on the phone
// are a bare verbal yes until the follow-up email documents them, so they
// are stored pending (consent-rules.md §2, seed 002 §4).
type CallLog struct {
	Outcome  string
	Agreed   string // short: the agreed next step, not notes (data minimisation)
	Callback time.Time
	Consents []PurposeChannel
}

// MaxAgreedLen caps the agreed-next-step text.
const MaxAgreedLen = 300

// The call log's rules, for a use case to tell apart (errors.Is).
var (
	ErrAgreedTooLong      = fmt.Errorf("keep what was agreed short: at most %d characters", MaxAgreedLen)
	ErrCallbackNoDate     = errors.New("a call-back needs its date (and time)")
	ErrConsentsNotReached = errors.New("consents can only be recorded when the person was reached")
)

// Events validates the log and returns the events to append: the call, then
// one pending grant per consent.
func (c CallLog) Events(rep string, now time.Time) ([]Event, error) {
	outcome, err := ParseOutcome(c.Outcome)
	if err != nil {
		return nil, err
	}
	agreed := strings.TrimSpace(c.Agreed)
	if len([]rune(agreed)) > MaxAgreedLen {
		return nil, ErrAgreedTooLong
	}
	if outcome == OutcomeCallBack && c.Callback.IsZero() {
		return nil, ErrCallbackNoDate
	}
	if len(c.Consents) > 0 && outcome != OutcomeReached {
		return nil, ErrConsentsNotReached
	}
	evs := []Event{{Time: now, Rep: rep, Kind: KindCallLogged, Outcome: outcome, Agreed: agreed, Callback: c.Callback}}
	for _, pc := range c.Consents {
		if _, err := ParsePurpose(string(pc.Purpose)); err != nil {
			return nil, err
		}
		if _, err := ParseChannel(string(pc.Channel)); err != nil {
			return nil, err
		}
		evs = append(evs, Event{Time: now, Rep: rep, Kind: KindConsentGranted, Purpose: pc.Purpose, Channel: pc.Channel,
			Method: MethodVerbalEmail, Pending: true, Evidence: "given by phone; to be confirmed by the follow-up email"})
	}
	return evs, nil
}

// LastCall is the newest call-logged event.
func LastCall(r Record) (Event, bool) {
	for i := len(r.Events) - 1; i >= 0; i-- {
		if r.Events[i].Kind == KindCallLogged {
			return r.Events[i], true
		}
	}
	return Event{}, false
}

// Attempts counts logged calls: reaching someone takes many, and reps want
// to see how many.
func Attempts(r Record) int {
	n := 0
	for _, e := range r.Events {
		if e.Kind == KindCallLogged {
			n++
		}
	}
	return n
}

// PendingConsents are verbal grants not yet confirmed or overtaken by a
// later event for the same purpose and channel.
func PendingConsents(r Record) []Event {
	var out []Event
	for i, e := range r.Events {
		if e.Kind != KindConsentGranted || !e.Pending {
			continue
		}
		settled := false
		for _, later := range r.Events[i+1:] {
			if isConsentKind(later.Kind) && !later.Pending && later.Purpose == e.Purpose && later.Channel == e.Channel {
				settled = true
				break
			}
		}
		if !settled {
			out = append(out, e)
		}
	}
	return out
}

// ConfirmBySentEmail returns the events that record a follow-up email as
// sent: the email itself as evidence, then each pending consent granted
// with that email as its proof.
func ConfirmBySentEmail(pending []Event, mail Email, rep string, now time.Time) []Event {
	text := "Subject: " + mail.Subject + "\n\n" + mail.Body
	// The follow-up carries the privacy statement: for a cold call that is
	// how the person is informed (consent-rules.md §1).
	evs := []Event{{Time: now, Rep: rep, Kind: KindEmailGenerated, Note: "follow-up email sent (" + mail.Lang + ")", Evidence: text},
		{Time: now, Rep: rep, Kind: KindInformed, Note: "privacy statement in the follow-up email"}}
	for _, p := range pending {
		evs = append(evs, Event{Time: now, Rep: rep, Kind: KindConsentGranted, Purpose: p.Purpose, Channel: p.Channel,
			Method: MethodVerbalEmail, Evidence: text, Expires: p.Expires, AskAgain: p.AskAgain})
	}
	return evs
}

// CallQueue orders prospects to call: call-backs due first (earliest
// first), then those never called, then by oldest last attempt; those no
// call is allowed to (CallKey.Barred, retention over) last. Prospects
// without a phone number are left out.
func CallQueue(recs []Record, now time.Time, retentionMonths int) []Record {
	type keyed struct {
		r Record
		k CallKey
	}
	var ks []keyed
	for _, r := range recs {
		if r.Prospect.Phone != "" {
			ks = append(ks, keyed{r, CallKeyOf(r, retentionMonths)})
		}
	}
	OrderCalls(ks, func(x *keyed) CallKey { return x.k }, func(x *keyed) uint64 { return x.r.Prospect.ID }, now)
	out := make([]Record, len(ks))
	for i, k := range ks {
		out[i] = k.r
	}
	return out
}
