package usecase

import (
	"fmt"

	"warmlead/consent"
	"warmlead/store"
)

// ScanState is what the rep did with a photo of a batch.
type ScanState string

// The states of a photo in a batch.
const (
	ScanOpen    ScanState = ""        // still to review
	ScanSaved   ScanState = "saved"   // saved as a prospect
	ScanSkipped ScanState = "skipped" // passed over by the rep
)

// BatchStatus is the batch left under review, for the offer to resume it.
type BatchStatus struct {
	Total, Done int
}

// Pending says how far the batch under review got; a zero Total means
// there is none.
func (s *Scans) Pending() (BatchStatus, error) {
	b, err := s.st.ScanBatch()
	if err != nil {
		return BatchStatus{}, err
	}
	st := BatchStatus{Total: len(b.Photos)}
	for _, m := range b.Photos {
		if m.State != string(ScanOpen) {
			st.Done++
		}
	}
	return st, nil
}

// Begin makes photos the batch under review and returns each photo's state:
// a photo of the batch left before (the same bytes, whatever its name) keeps
// what the rep did with it, so choosing the same photos again resumes. Marks
// of photos not chosen again are forgotten.
func (s *Scans) Begin(photos []Photo) ([]ScanState, error) {
	old, err := s.st.ScanBatch()
	if err != nil {
		return nil, err
	}
	was := map[string]store.ScanMark{}
	for _, m := range old.Photos {
		was[m.Sum] = m
	}
	b := store.ScanBatch{Started: s.env.now().UTC(), Photos: make([]store.ScanMark, len(photos))}
	states := make([]ScanState, len(photos))
	resumed := false
	for i, p := range photos {
		sum := p.Sum()
		m, ok := was[sum]
		if ok {
			resumed = true
		} else {
			m = store.ScanMark{Sum: sum}
		}
		m.Name = p.Name
		b.Photos[i], states[i] = m, ScanState(m.State)
	}
	if resumed {
		b.Started = old.Started
	}
	return states, s.st.SaveScanBatch(b)
}

// Skip marks a photo of the batch as passed over.
func (s *Scans) Skip(p Photo) error { return s.mark(p, ScanSkipped, 0) }

// Forget gives up the batch under review (nothing saved is undone).
func (s *Scans) Forget() error { return s.st.SaveScanBatch(store.ScanBatch{}) }

// mark records what the rep did with a photo of the batch; a photo that is
// not in it (the scan command's --save) changes nothing. The batch is
// forgotten once every photo is done.
func (s *Scans) mark(p Photo, st ScanState, id uint64) error {
	b, err := s.st.ScanBatch()
	if err != nil {
		return err
	}
	sum, found, open := p.Sum(), false, 0
	for i := range b.Photos {
		m := &b.Photos[i]
		if m.Sum == sum {
			m.State, m.Prospect, found = string(st), id, true
		}
		if m.State == string(ScanOpen) {
			open++
		}
	}
	switch {
	case !found:
		return nil
	case open == 0:
		return s.Forget()
	}
	return s.st.SaveScanBatch(b)
}

// SaveCard says how a reviewed card is saved.
type SaveCard struct {
	Event     string // the trade fair or meeting, on the collected event
	Agreed    string // the agreed next step
	KeepBoth  bool   // add even when it duplicates someone
	MergeInto uint64 // merge into this prospect (the one it duplicates) instead
	KeepImage bool   // keep the photo as evidence of where the data came from
}

// SavedCard is what saving a reviewed card did.
type SavedCard struct {
	Prospect consent.Prospect // the new prospect; for a merge only its ID
	Merged   bool
	Image    KeptImage // the photo kept as evidence, when asked
}

// Save stores a card the rep reviewed as a `card` prospect through the
// business-card form's use case (Prospects.Add, or Merge: the duplicate and
// suppression checks apply), keeps the photo as sealed evidence when asked
// and marks the photo saved in the batch. A refusal saves nothing and
// leaves the photo open.
func (s *Scans) Save(photo Photo, p consent.Prospect, o SaveCard) (SavedCard, error) {
	p.Source, p.Event = consent.SourceCard, o.Event
	var img []byte
	var out SavedCard
	if o.KeepImage {
		var err error
		// Before the card is stored: a photo that cannot be kept saves nothing.
		if img, out.Image, err = fitCardImage(photo.Data); err != nil {
			return SavedCard{}, err
		}
	}
	if o.MergeInto != 0 {
		merged, err := s.prospects.Merge(p, o.Agreed)
		if err != nil {
			return SavedCard{}, err
		}
		out.Merged = merged
		out.Prospect = consent.Prospect{ID: o.MergeInto}
		if !merged { // it matched no one after all and was added
			out.Prospect.ID = 0
		}
	} else {
		added, err := s.prospects.Add(p, AddOptions{KeepBoth: o.KeepBoth, Agreed: o.Agreed})
		if err != nil {
			return SavedCard{}, err
		}
		out.Prospect = added
	}
	if img != nil && out.Prospect.ID != 0 {
		if err := s.keepImage(out.Prospect.ID, img, out.Image); err != nil {
			return out, err
		}
	}
	return out, s.mark(photo, ScanSaved, out.Prospect.ID)
}

// keepImage stores the photo in the prospect's ledger, sealed like every
// event (the event is the record; the audit log is for reads and exports).
func (s *Scans) keepImage(id uint64, jpeg []byte, k KeptImage) error {
	note := fmt.Sprintf("card photo, %dx%d JPEG, %d KB", k.Width, k.Height, (len(jpeg)+1023)/1024)
	ev, err := consent.NewCardImage(jpeg, note, s.env.rep(), s.env.now())
	if err != nil {
		return errCardImage.Wrap(err)
	}
	_, err = s.st.Commit(store.Change{Prospect: id, Events: []consent.Event{ev}})
	return err
}
