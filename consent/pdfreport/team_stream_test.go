package pdfreport

import (
	"bytes"
	"testing"

	"warmlead/consent"
)

// byID is a RecordSource as the store is one: records looked up by id on
// each read, counting the reads.
type byID struct {
	recs  map[uint64]consent.Record
	order []uint64
	reads int
}

func newByID(recs []consent.Record) *byID {
	s := &byID{recs: map[uint64]consent.Record{}}
	for _, r := range recs {
		s.recs[r.Prospect.ID] = r
		s.order = append(s.order, r.Prospect.ID)
	}
	return s
}

func (s *byID) All(fn func(consent.Record) error) error { return s.Some(s.order, fn) }

func (s *byID) Some(ids []uint64, fn func(consent.Record) error) error {
	s.reads++
	for _, id := range ids {
		if err := fn(s.recs[id]); err != nil {
			return err
		}
	}
	return nil
}

// The streamed team report is the report of the records in memory, byte
// for byte, for a filter, with and without summaries, reading the records
// twice (three times with summaries) and never holding them.
func TestTeamStreamIsTeam(t *testing.T) {
	recs := team(120)
	for _, c := range []struct {
		name      string
		f         Filter
		summaries bool
		reads     int
	}{
		{"everyone", Filter{}, false, 2},
		{"one source", Filter{Source: consent.SourceReferral}, false, 2},
		// Counted by a read of its own; nobody has it, so no table to draw.
		{"a purpose outside the first read's counts", Filter{Purpose: "custom-purpose"}, false, 2},
		{"with summaries", Filter{Source: consent.SourceCard}, true, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := writeDoc(t, "team-memory.pdf", func(b *bytes.Buffer) error {
				return Team(b, recs, c.f, testMeta(), c.summaries, nil)
			})
			src := newByID(recs)
			got := writeDoc(t, "team-stream.pdf", func(b *bytes.Buffer) error {
				return TeamStream(b, src, c.f, testMeta(), c.summaries, nil)
			})
			// gofpdf numbers its font objects in map order, so the bytes
			// differ from run to run; the text and layout do not.
			if w, g := pdfText(t, want, "-layout"), pdfText(t, got, "-layout"); w != g || len(w) < 500 {
				t.Fatalf("the streamed report reads differently (%d characters, %d in memory)", len(g), len(w))
			}
			if src.reads != c.reads {
				t.Errorf("%d reads of the records, want %d", src.reads, c.reads)
			}
		})
	}
}
