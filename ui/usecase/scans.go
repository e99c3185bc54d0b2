package usecase

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"sync"

	"warmlead/cardscan"
	"warmlead/consent"
	"warmlead/store"
)

// Scans reads photos of business cards on the rep's computer and saves the
// cards the rep reviewed: the review screen and the scan command. A batch
// of photos is remembered (which were saved or skipped, sealed in the
// store) so that it can be left and resumed; the photos are never stored
// unless the rep keeps one as evidence.
type Scans struct {
	env       Env
	st        scanStore
	prospects *Prospects

	// NewReader makes one Reader per worker; cardscan.NewReader unless a
	// test puts a fake here.
	NewReader func(cardscan.Options) (cardscan.Reader, error)
	// Workers is how many photos are read at once; 0 means one per core,
	// from 1 to maxScanWorkers.
	Workers int
}

// scanStore is what Scans needs of the store (*store.DB in the app).
type scanStore interface {
	Settings() (consent.Settings, error)
	ScanBatch() (store.ScanBatch, error)
	SaveScanBatch(b store.ScanBatch) error
	Commit(c store.Change) ([]consent.Event, error)
}

// maxScanWorkers caps the readers of a batch: each holds a Tesseract
// engine (tens of megabytes), and beyond 4 a laptop gains little.
const maxScanWorkers = 4

// Photo is one card photo, read into memory (never into a temp file).
type Photo struct {
	Name string // the file's base name, for messages
	Data []byte
}

// Sum identifies the photo in a batch: the hex SHA-256 of its bytes, so the
// same photo chosen again (renamed or not) is recognised.
func (p Photo) Sum() string {
	s := sha256.Sum256(p.Data)
	return hex.EncodeToString(s[:])
}

// ScanResult is what was read from one photo, or why it could not be.
type ScanResult struct {
	Card cardscan.Card
	Err  error
}

// workers is how many readers a batch of n photos gets.
func (s *Scans) workers(n int) int {
	w := s.Workers
	if w <= 0 {
		w = min(runtime.NumCPU(), maxScanWorkers)
	}
	return max(1, min(w, n))
}

// Read reads photos with one Reader per worker, all cores of a small
// machine, and returns the results in the photos' order: a photo that
// cannot be read has its Err and does not stop the others. progress (may
// be nil) is called from the workers, one call at a time, after each photo.
// Cancelling ctx stops the batch: photos not read yet get ctx's error, and
// so does Read. Making a Reader fail is Read's error (nothing was read).
func (s *Scans) Read(ctx context.Context, photos []Photo, progress func(done, total int)) ([]ScanResult, error) {
	out := make([]ScanResult, len(photos))
	if len(photos) == 0 {
		return out, nil
	}
	newReader := s.NewReader
	if newReader == nil {
		newReader = cardscan.NewReader
	}
	region := phoneRegion(s.st)
	opts := cardscan.Options{Country: region}
	readers := make([]cardscan.Reader, 0, s.workers(len(photos)))
	defer func() {
		for _, r := range readers {
			r.Close()
		}
	}()
	for range cap(readers) {
		r, err := newReader(opts)
		if err != nil {
			return nil, err
		}
		readers = append(readers, r)
	}
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for _, r := range readers {
		wg.Go(func() {
			for i := range next {
				c, err := r.Read(ctx, photos[i].Name, photos[i].Data)
				normalizePhones(&c, region)
				mu.Lock()
				out[i] = ScanResult{Card: c, Err: err}
				done++
				if progress != nil {
					progress(done, len(photos))
				}
				mu.Unlock()
			}
		})
	}
	sent := 0
feed:
	for ; sent < len(photos); sent++ {
		select {
		case next <- sent:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i := sent; i < len(photos); i++ {
		out[i] = ScanResult{Err: ctx.Err()}
	}
	return out, ctx.Err()
}

// Prospect is the card a reading proposes, as the business-card form
// pre-fills it: source card, the event, the phone to call (the mobile when
// no other number was found).
func (r ScanResult) Prospect(event string) consent.Prospect {
	c := r.Card
	return consent.Prospect{Name: c.Name.Value, Company: c.Company.Value, Title: c.Title.Value,
		Email: c.Email.Value, Phone: r.Phone().Value, Source: consent.SourceCard, Event: event}
}

// Phone is the number to call: the card's phone, else its mobile (a fax
// is never one).
func (r ScanResult) Phone() cardscan.Field {
	if r.Card.Phone.Value == "" {
		return r.Card.Mobile
	}
	return r.Card.Phone
}
