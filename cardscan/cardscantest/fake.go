// Package cardscantest is a fake cardscan.Reader for the tests of the scan
// use cases, the scan command and the review screen: it answers from a
// table instead of reading the photo, so those tests run without Tesseract
// and know exactly what was "read".
package cardscantest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"warmlead/cardscan"
)

// Fake makes Readers that decode the photo (so a file that is not an image
// fails as it would) and return Cards[name]; a name with an entry in Errs
// fails with it, a name in neither fails as unreadable. Delay makes each
// Read take that long, to see readers work at once.
type Fake struct {
	Cards map[string]cardscan.Card
	Errs  map[string]error
	Delay time.Duration

	mu       sync.Mutex
	made     int
	inFlight atomic.Int32
	peak     atomic.Int32
}

// ErrNoCard is the fake's answer for a photo it has no card for.
var ErrNoCard = errors.New("no card was found in the photo")

// NewReader is a cardscan.NewReader.
func (f *Fake) NewReader(cardscan.Options) (cardscan.Reader, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.made++
	return reader{f}, nil
}

// Made is how many Readers were made.
func (f *Fake) Made() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.made
}

// Peak is the most Reads that ran at the same time.
func (f *Fake) Peak() int { return int(f.peak.Load()) }

type reader struct{ f *Fake }

func (r reader) Read(ctx context.Context, name string, photo []byte) (cardscan.Card, error) {
	n := r.f.inFlight.Add(1)
	defer r.f.inFlight.Add(-1)
	for {
		p := r.f.peak.Load()
		if n <= p || r.f.peak.CompareAndSwap(p, n) {
			break
		}
	}
	if r.f.Delay > 0 {
		select {
		case <-time.After(r.f.Delay):
		case <-ctx.Done():
			return cardscan.Card{}, ctx.Err()
		}
	}
	if _, err := cardscan.DecodePhoto(photo); err != nil {
		return cardscan.Card{}, fmt.Errorf("not a photo Warmlead can read (JPEG, PNG or HEIC): %w", err)
	}
	if err, ok := r.f.Errs[name]; ok {
		return cardscan.Card{}, err
	}
	c, ok := r.f.Cards[name]
	if !ok {
		return cardscan.Card{}, ErrNoCard
	}
	c.File = name
	return c, nil
}

func (reader) Close() error { return nil }

// Field is a cardscan.Field, short for tables.
func Field(v string, conf float64) cardscan.Field { return cardscan.Field{Value: v, Confidence: conf} }
