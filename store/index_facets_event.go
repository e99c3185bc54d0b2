package store

import (
	"slices"
	"time"

	"github.com/fxamacker/cbor/v2"

	"warmlead/consent"
)

// Reading every ledger for the facets is a million events at 100,000
// prospects. Events are stored as CBOR maps with integer keys
// (consent.MarshalEvent), so the facets decode only the keys they need and
// step over the rest (hashes, evidence, notes) by their length. The keys are
// those of consent's frozen eventV2 field list, a contract that never
// changes; TestFacetEventMatchesEvent checks both read the same.

// facetEvent is the part of an event the facets read.
type facetEvent struct {
	Time    facetTime         `cbor:"3,keyasint"`
	Kind    consent.EventKind `cbor:"5,keyasint"`
	Source  consent.Source    `cbor:"6,keyasint"` // for the deadline hint (consent.HintDue)
	Purpose consent.Purpose   `cbor:"10,keyasint"`
	Channel consent.Channel   `cbor:"11,keyasint"`
	Expires facetTime         `cbor:"14,keyasint"`
	// For the deadline hint.
	AskAgain facetTime `cbor:"15,keyasint"`
	Pending  bool      `cbor:"16,keyasint"`
	Outcome  string    `cbor:"17,keyasint"`
	Callback facetTime `cbor:"19,keyasint"`
}

// facetTime is consent's [Unix seconds, nanoseconds, UTC offset]. An absent
// time (a zero one) keeps the Nanos it was given before decoding, -1
// (unsetTimes), which no stored time has. The offset does not matter here:
// the facets compare instants.
type facetTime struct {
	_      struct{} `cbor:",toarray"`
	Unix   int64
	Nanos  int64
	Offset int64
}

func (t facetTime) time() time.Time {
	if t.Nanos < 0 {
		return time.Time{}
	}
	return time.Unix(t.Unix, t.Nanos).UTC()
}

// unsetTimes is a facetEvent before decoding: every time marked absent.
var unsetTimes = facetEvent{Time: facetTime{Nanos: -1}, Expires: facetTime{Nanos: -1}, AskAgain: facetTime{Nanos: -1}, Callback: facetTime{Nanos: -1}}

var facetDec = func() cbor.DecMode {
	dm, err := cbor.DecOptions{}.DecMode()
	if err != nil {
		panic(err)
	}
	return dm
}()

// facetReader opens event values with its own copy of the data key, so a
// lock during a long read cannot change the key under it (the read is
// abandoned instead, see readFacetRange); the copy is zeroed by close.
type facetReader struct {
	dk    []byte
	plain bool
}

func (db *DB) newFacetReader() (*facetReader, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	return &facetReader{dk: slices.Clone(db.dataKey), plain: db.plain}, nil
}

func (r *facetReader) close() { zero(r.dk) }

// event opens and reads one sealed event; false: damaged.
func (r *facetReader) event(k, raw []byte, fe *facetEvent) bool {
	var pt []byte
	if r.plain {
		if len(raw) == 0 || raw[0] != formatPlain {
			return false
		}
		pt = raw[1:]
	} else {
		var err error
		if pt, err = open(r.dk, raw, adFor(bEvents, k)); err != nil {
			return false
		}
	}
	*fe = unsetTimes
	return facetDec.Unmarshal(pt, fe) == nil
}

// event is the consent.Event the facets and the deadline hint read.
func (fe *facetEvent) event() consent.Event {
	return consent.Event{Time: fe.Time.time(), Kind: fe.Kind, Purpose: fe.Purpose, Channel: fe.Channel,
		Expires: fe.Expires.time(), Pending: fe.Pending, Outcome: fe.Outcome,
		AskAgain: fe.AskAgain.time(), Callback: fe.Callback.time(), Source: fe.Source}
}
