package consent

import (
	"encoding/base64"
	"strings"
	"time"
)

// KindCardImage is the photo of the business card a prospect's data was read
// from, kept when the rep asked for it as evidence of where the data came
// from (Art. 14(2)(f): the source). Its Evidence is the JPEG as a data URI,
// so it is text like all evidence and is sealed with the ledger.
const KindCardImage EventKind = "card-image"

// cardImagePrefix starts the Evidence of a card-image event.
const cardImagePrefix = "data:image/jpeg;base64,"

// MaxCardImage is the largest JPEG a card-image event can hold: its data URI
// must fit MaxEvidence.
const MaxCardImage = (MaxEvidence - len(cardImagePrefix)) / 4 * 3

// NewCardImage is the card-image event for a JPEG of at most MaxCardImage
// bytes; note says what was kept (its size), never the file's name.
func NewCardImage(jpeg []byte, note, rep string, now time.Time) (Event, error) {
	if len(jpeg) == 0 {
		return Event{}, ErrNoEvidence
	}
	if len(jpeg) > MaxCardImage {
		return Event{}, ErrEvidenceTooLarge
	}
	return Event{Time: now, Rep: rep, Kind: KindCardImage, Note: note,
		Evidence: cardImagePrefix + base64.StdEncoding.EncodeToString(jpeg)}, nil
}

// CardImage returns the JPEG a card-image event holds, or false.
func CardImage(e Event) ([]byte, bool) {
	if e.Kind != KindCardImage {
		return nil, false
	}
	b64, ok := strings.CutPrefix(e.Evidence, cardImagePrefix)
	if !ok {
		return nil, false
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	return b, err == nil
}
