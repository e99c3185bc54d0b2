package consent

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fxamacker/cbor/v2"
)

// # The ledger's format is a contract
//
// An event's Hash covers its canonical encoding, and that encoding must stay
// the same for as long as a ledger may be kept: if it changed, every event
// already stored would stop verifying. So the canonical encodings below do
// not follow the Event struct. Each is a frozen field list of its own, and
// Event.Enc says which one an event was sealed with:
//
//   - Enc 0 (EncV1), the events sealed before there were versions: the JSON
//     that encoding/json wrote for the Event struct as it was then, with Hash
//     empty and Time in UTC. eventV1 is a frozen copy of that struct; its
//     field order, names and options must never change.
//   - Enc 2 (EncV2), every event sealed since: the CBOR map of eventV2 with
//     Hash left out, in Core Deterministic Encoding (RFC 8949 §4.2.1: the
//     shortest form of every length and integer, no indefinite lengths, map
//     keys sorted), so the bytes follow from the values alone.
//
// A new field, a renamed one or a new time format is a new version: a new
// frozen struct, a new Enc value, and Seal switching to it. Old events keep
// their version and verify as they always did. The golden tests
// (encoding_test.go) hold fixed events with their hashes in both versions;
// any change to these encodings fails them.
//
// The v2 map is also how the store keeps an event (MarshalEvent): the same
// keys with the hash under key 25, so what is stored is what was hashed.

// Encoding versions of an event (Event.Enc).
const (
	EncV1 = 0 // frozen JSON, eventV1; events sealed before versions existed
	EncV2 = 2 // deterministic CBOR, eventV2
)

// encCurrent is the version Seal gives new events.
const encCurrent = EncV2

// eventV1 is the Event struct as it was when the ledger's hash covered its
// JSON encoding (v1). Frozen: types are the plain ones underneath (a method
// added to Purpose, say, must not change how it encodes here), and nothing
// here may be renamed, reordered, added or removed.
type eventV1 struct {
	Prospect   uint64    `json:"prospect"`
	Seq        uint64    `json:"seq"`
	Time       time.Time `json:"time"`
	Rep        string    `json:"rep"`
	Kind       string    `json:"kind"`
	Source     string    `json:"source,omitempty"`
	EventName  string    `json:"event_name,omitempty"`
	Introducer uint64    `json:"introducer,omitempty"`
	ListVendor string    `json:"list_vendor,omitempty"`
	Purpose    string    `json:"purpose,omitempty"`
	Channel    string    `json:"channel,omitempty"`
	Method     string    `json:"method,omitempty"`
	Evidence   string    `json:"evidence,omitempty"`
	Expires    time.Time `json:"expires,omitzero"`
	AskAgain   time.Time `json:"ask_again,omitzero"`
	Pending    bool      `json:"pending,omitempty"`
	Outcome    string    `json:"outcome,omitempty"`
	Agreed     string    `json:"agreed,omitempty"`
	Callback   time.Time `json:"callback,omitzero"`
	Field      string    `json:"field,omitempty"`
	Old        string    `json:"old,omitempty"`
	New        string    `json:"new,omitempty"`
	Note       string    `json:"note,omitempty"`
	PrevHash   string    `json:"prev_hash"`
	Hash       string    `json:"hash"` // always empty in the canonical form
}

// canonicalV1 is the v1 canonical form: Hash empty, Time in UTC, every
// other time as it is (the JSON carries its offset).
func canonicalV1(e *Event) ([]byte, error) {
	return json.Marshal(eventV1{
		Prospect: e.Prospect, Seq: e.Seq, Time: e.Time.UTC(), Rep: e.Rep, Kind: string(e.Kind),
		Source: string(e.Source), EventName: e.EventName, Introducer: e.Introducer, ListVendor: e.ListVendor,
		Purpose: string(e.Purpose), Channel: string(e.Channel), Method: string(e.Method), Evidence: e.Evidence,
		Expires: e.Expires, AskAgain: e.AskAgain, Pending: e.Pending,
		Outcome: e.Outcome, Agreed: e.Agreed, Callback: e.Callback,
		Field: e.Field, Old: e.Old, New: e.New, Note: e.Note,
		PrevHash: e.PrevHash,
	})
}

// eventV2 is the frozen field list of encoding version 2. Keys are small
// integers; they are never reused or renumbered. Text is UTF-8 (invalid
// bytes become U+FFFD, as encoding/json did for v1). A time is absent when
// zero, else the array [Unix seconds, nanoseconds, UTC offset in seconds].
// Key 0 (the version) is present in every v2 event and absent in a stored v1
// one; key 25 (the hash) is absent from the canonical form.
type eventV2 struct {
	Enc        uint64    `cbor:"0,keyasint,omitempty"`
	Prospect   uint64    `cbor:"1,keyasint"`
	Seq        uint64    `cbor:"2,keyasint"`
	Time       *wireTime `cbor:"3,keyasint,omitempty"`
	Rep        string    `cbor:"4,keyasint"`
	Kind       string    `cbor:"5,keyasint"`
	Source     string    `cbor:"6,keyasint,omitempty"`
	EventName  string    `cbor:"7,keyasint,omitempty"`
	Introducer uint64    `cbor:"8,keyasint,omitempty"`
	ListVendor string    `cbor:"9,keyasint,omitempty"`
	Purpose    string    `cbor:"10,keyasint,omitempty"`
	Channel    string    `cbor:"11,keyasint,omitempty"`
	Method     string    `cbor:"12,keyasint,omitempty"`
	Evidence   string    `cbor:"13,keyasint,omitempty"`
	Expires    *wireTime `cbor:"14,keyasint,omitempty"`
	AskAgain   *wireTime `cbor:"15,keyasint,omitempty"`
	Pending    bool      `cbor:"16,keyasint,omitempty"`
	Outcome    string    `cbor:"17,keyasint,omitempty"`
	Agreed     string    `cbor:"18,keyasint,omitempty"`
	Callback   *wireTime `cbor:"19,keyasint,omitempty"`
	Field      string    `cbor:"20,keyasint,omitempty"`
	Old        string    `cbor:"21,keyasint,omitempty"`
	New        string    `cbor:"22,keyasint,omitempty"`
	Note       string    `cbor:"23,keyasint,omitempty"`
	PrevHash   string    `cbor:"24,keyasint"`
	Hash       string    `cbor:"25,keyasint,omitempty"`
}

// wireTime is a time in eventV2: an instant and the UTC offset it was
// written with (Time is always UTC; a date the rep entered keeps its
// offset, as v1's JSON did). It reads back in a zone of that offset.
type wireTime struct {
	_      struct{} `cbor:",toarray"`
	Unix   int64
	Nanos  int64
	Offset int64
}

func toWireTime(t time.Time) *wireTime {
	if t.IsZero() {
		return nil
	}
	_, off := t.Zone()
	return &wireTime{Unix: t.Unix(), Nanos: int64(t.Nanosecond()), Offset: int64(off)}
}

func (w *wireTime) time() time.Time {
	if w == nil {
		return time.Time{}
	}
	t := time.Unix(w.Unix, w.Nanos)
	if w.Offset == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(w.Offset)))
}

var (
	cborEnc cbor.EncMode
	cborDec cbor.DecMode
)

func init() {
	var err error
	if cborEnc, err = cbor.CoreDetEncOptions().EncMode(); err != nil {
		panic(err)
	}
	// The defaults: what is read was sealed by the store (authenticated),
	// and lengths are bounded by the value they are read from.
	if cborDec, err = (cbor.DecOptions{}).DecMode(); err != nil {
		panic(err)
	}
}

func toV2(e *Event) eventV2 {
	return eventV2{
		Enc: uint64(e.Enc), Prospect: e.Prospect, Seq: e.Seq, Time: toWireTime(e.Time), Rep: validText(e.Rep), Kind: validText(string(e.Kind)),
		Source: validText(string(e.Source)), EventName: validText(e.EventName), Introducer: e.Introducer, ListVendor: validText(e.ListVendor),
		Purpose: validText(string(e.Purpose)), Channel: validText(string(e.Channel)), Method: validText(string(e.Method)), Evidence: validText(e.Evidence),
		Expires: toWireTime(e.Expires), AskAgain: toWireTime(e.AskAgain), Pending: e.Pending,
		Outcome: validText(e.Outcome), Agreed: validText(e.Agreed), Callback: toWireTime(e.Callback),
		Field: validText(e.Field), Old: validText(e.Old), New: validText(e.New), Note: validText(e.Note),
		PrevHash: validText(e.PrevHash), Hash: validText(e.Hash),
	}
}

func (w *eventV2) event() Event {
	return Event{
		Enc: int(w.Enc), Prospect: w.Prospect, Seq: w.Seq, Time: w.Time.time(), Rep: w.Rep, Kind: EventKind(w.Kind),
		Source: Source(w.Source), EventName: w.EventName, Introducer: w.Introducer, ListVendor: w.ListVendor,
		Purpose: Purpose(w.Purpose), Channel: Channel(w.Channel), Method: Method(w.Method), Evidence: w.Evidence,
		Expires: w.Expires.time(), AskAgain: w.AskAgain.time(), Pending: w.Pending,
		Outcome: w.Outcome, Agreed: w.Agreed, Callback: w.Callback.time(),
		Field: w.Field, Old: w.Old, New: w.New, Note: w.Note,
		PrevHash: w.PrevHash, Hash: w.Hash,
	}
}

// canonicalV2 is the v2 canonical form: eventV2 without the hash.
func canonicalV2(e *Event) ([]byte, error) {
	w := toV2(e)
	w.Hash = ""
	return cborEnc.Marshal(w)
}

// ErrEncoding says an event carries an encoding version this code does not
// know (written by a newer Warmlead, or damaged).
var ErrEncoding = errors.New("unknown encoding version")

// canonical is the byte string the hash covers, in the event's version.
func (e *Event) canonical() ([]byte, error) {
	switch e.Enc {
	case EncV1:
		return canonicalV1(e)
	case EncV2:
		return canonicalV2(e)
	}
	return nil, fmt.Errorf("%w %d", ErrEncoding, e.Enc)
}

// MarshalEvent is the binary form the store keeps of an event, of either
// version: the eventV2 map with its hash, in the same deterministic CBOR.
// A v1 event keeps its version (no key 0) and the offsets of its times, so
// it reads back as it was and its v1 hash still verifies.
func MarshalEvent(e Event) ([]byte, error) {
	return cborEnc.Marshal(toV2(&e))
}

// UnmarshalEvent reads what MarshalEvent wrote.
func UnmarshalEvent(b []byte, e *Event) error {
	var w eventV2
	if err := cborDec.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = w.event()
	return nil
}

// validText replaces each byte that is not UTF-8 by U+FFFD, as
// encoding/json does: CBOR text must be UTF-8.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
