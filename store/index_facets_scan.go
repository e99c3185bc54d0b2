package store

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"warmlead/consent"
)

// Reading every ledger for the facets is a million events at 100,000
// prospects. encoding/json spent two thirds of that read validating and
// walking fields the facets do not need (hashes, evidence, notes), so the
// events are read here by a scanner that knows their shape: one flat object,
// as json.Marshal writes a consent.Event. Whatever it does not recognise is
// handed to encoding/json, so it can only be faster, never different
// (TestScanFacetEventMatchesJSON).

// facetEvent is the part of an event the facets read.
type facetEvent struct {
	Time    time.Time         `json:"time"`
	Kind    consent.EventKind `json:"kind"`
	Purpose consent.Purpose   `json:"purpose"`
	Channel consent.Channel   `json:"channel"`
	Expires time.Time         `json:"expires"`
	Pending bool              `json:"pending"`
	Outcome string            `json:"outcome"`
	// For the deadline hint (consent.HintDue).
	AskAgain time.Time      `json:"ask_again"`
	Callback time.Time      `json:"callback"`
	Source   consent.Source `json:"source"`
}

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
	*fe = facetEvent{}
	if scanFacetEvent(pt, fe) {
		return true
	}
	*fe = facetEvent{}
	return json.Unmarshal(pt, fe) == nil
}

// scanFacetEvent reads fe's fields from a flat JSON object of strings,
// numbers, booleans and nulls. It returns false, leaving the rest to
// encoding/json, on anything else: nesting, an escaped value in a field it
// reads, a time it cannot parse, malformed input.
func scanFacetEvent(b []byte, fe *facetEvent) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return skipSpace(b, i+1) == len(b)
	}
	for {
		key, esc, j := scanJSONString(b, i)
		if j < 0 || esc {
			return false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return false
		}
		if b[i] == '"' {
			s, esc, j := scanJSONString(b, i)
			if j < 0 || (esc && facetField(key)) || !fe.setString(key, s) {
				return false
			}
			i = j
		} else {
			j := i
			for j < len(b) && bytes.IndexByte([]byte("-+.0123456789eEtruefalsn"), b[j]) >= 0 {
				j++
			}
			if j == i || !fe.setLiteral(key, b[i:j]) {
				return false // an object, an array, or garbage
			}
			i = j
		}
		i = skipSpace(b, i)
		switch {
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
		case i < len(b) && b[i] == '}':
			return skipSpace(b, i+1) == len(b)
		default:
			return false
		}
	}
}

func facetField(key []byte) bool {
	switch string(key) {
	case "time", "kind", "purpose", "channel", "expires", "pending", "outcome", "ask_again", "callback", "source":
		return true
	}
	return false
}

func (fe *facetEvent) setString(key, s []byte) bool {
	var err error
	switch string(key) {
	case "time":
		fe.Time, err = time.Parse(time.RFC3339Nano, string(s))
	case "expires":
		fe.Expires, err = time.Parse(time.RFC3339Nano, string(s))
	case "ask_again":
		fe.AskAgain, err = time.Parse(time.RFC3339Nano, string(s))
	case "callback":
		fe.Callback, err = time.Parse(time.RFC3339Nano, string(s))
	case "source":
		fe.Source = consent.Source(s)
	case "kind":
		fe.Kind = consent.EventKind(s)
	case "purpose":
		fe.Purpose = consent.Purpose(s)
	case "channel":
		fe.Channel = consent.Channel(s)
	case "outcome":
		fe.Outcome = string(s)
	case "pending":
		return false // a string where a boolean belongs
	}
	return err == nil
}

func (fe *facetEvent) setLiteral(key, lit []byte) bool {
	if facetField(key) {
		switch {
		case string(key) == "pending" && string(lit) == "true":
			fe.Pending = true
		case string(lit) == "null" || (string(key) == "pending" && string(lit) == "false"):
		default:
			return false // a number where a string belongs
		}
	}
	return true
}

// scanJSONString returns the content of the string starting at b[i], whether
// it holds escapes (then the content is raw), and the index after it; -1 if
// there is no string there.
func scanJSONString(b []byte, i int) ([]byte, bool, int) {
	if i >= len(b) || b[i] != '"' {
		return nil, false, -1
	}
	esc := false
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			esc = true
			j++
		case '"':
			return b[i+1 : j], esc, j + 1
		}
	}
	return nil, false, -1
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
