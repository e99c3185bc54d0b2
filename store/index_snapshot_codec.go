package store

import (
	"encoding/binary"
	"slices"
	"time"
	"unsafe"

	"warmlead/consent"
)

// The index section of the snapshot (issue 16): the search index itself,
// after the facets, so that an unlock after a clean close decodes one
// value instead of 100,000 JSON records, and folds no text. It is sealed
// in the same value as the facets (index_facets_snapshot.go), so it has
// their stamp, their life and their end: written at Close and Lock when
// exact, used only when the stamp is the file's and the state check at
// unlock passes, deleted by every erasure, dropped by a rekey.
//
// Layout: the entry count, the haystack block exactly as the index keeps
// it (every entry's folded text in name order, each ended by 0x01), then
// per entry in the same order its id, introducer, two times and ten
// strings, and the lengths of its folded name, company and haystack.
//
// Every string of the decoded index is a piece of the one decrypted value
// (unsafe.String): 100,000 prospects cost one allocation for their text
// instead of a dozen each, and the haystack block is not copied. The value
// is never written to after it is decoded, which is what makes the
// strings immutable; see decodeIndexSection.

// appendIndexSection appends the index section of sorted (every entry of
// the index, in its order) to out.
func appendIndexSection(out []byte, sorted []*indexEntry) []byte {
	out = binary.AppendUvarint(out, uint64(len(sorted)))
	hay, size := 0, 0
	for _, e := range sorted {
		hay += len(e.hay) + 1
		size += len(e.hay) + 1 + 64 // ids, times and lengths, roughly
		for _, s := range prospectTexts(&e.p) {
			size += len(*s)
		}
	}
	out = slices.Grow(out, size+binary.MaxVarintLen64)
	out = binary.AppendUvarint(out, uint64(hay))
	for _, e := range sorted {
		out = append(append(out, e.hay...), 1)
	}
	for _, e := range sorted {
		p := &e.p
		out = binary.AppendUvarint(out, p.ID)
		out = binary.AppendUvarint(out, p.Introducer)
		out = appendTime(out, p.Created)
		out = appendTime(out, p.Updated)
		for _, s := range prospectTexts(p) {
			out = binary.AppendUvarint(out, uint64(len(*s)))
			out = append(out, *s...)
		}
		nameCo := len(e.nameCo())
		out = binary.AppendUvarint(out, uint64(len(e.name)))
		out = binary.AppendUvarint(out, uint64(nameCo))
		out = binary.AppendUvarint(out, uint64(len(e.hay)))
	}
	return out
}

// prospectTexts are p's strings, in the section's order.
func prospectTexts(p *consent.Prospect) [10]*string {
	src := (*string)(&p.Source)
	return [10]*string{&p.Name, &p.Company, &p.Title, &p.Email, &p.Phone, &p.PhoneRaw, src, &p.Event, &p.ListVendor, &p.Lang}
}

// appendTime keeps t's instant and offset (time.MarshalBinary): decoded,
// it is the time a JSON decode of the record gives, location included.
func appendTime(out []byte, t time.Time) []byte {
	b, err := t.MarshalBinary()
	if err != nil { // an offset that is not whole minutes: not one JSON writes
		b, _ = t.UTC().MarshalBinary()
	}
	return append(append(out, byte(len(b))), b...)
}

// indexSection is a decoded index section: the entries in name order, the
// haystack block and where each entry's ends, and each entry's
// nameCompanyKey.
type indexSection struct {
	sorted []*indexEntry
	hay    []byte
	ends   []int
	nameCo []string
}

// decodeIndexSection reads what appendIndexSection wrote; b must be the
// whole rest of a decrypted value that nothing writes to afterwards (the
// strings are pieces of it).
func decodeIndexSection(b []byte) (indexSection, error) {
	r := snapReader{b: b}
	n := r.uvarint()
	hayLen := r.uvarint()
	// At least four bytes an entry, and the block in what is left.
	if r.err != nil || n > uint64(len(r.b))/4 || hayLen > uint64(len(r.b)) {
		return indexSection{}, errSnapFormat
	}
	s := indexSection{
		sorted: make([]*indexEntry, n),
		hay:    r.b[:hayLen:hayLen],
		ends:   make([]int, n),
		nameCo: make([]string, n),
	}
	r.b = r.b[hayLen:]
	entries := make([]indexEntry, n) // one allocation for all of them
	at := 0
	for i := range entries {
		e := &entries[i]
		p := &e.p
		p.ID, p.Introducer = r.uvarint(), r.uvarint()
		p.Created, p.Updated = r.time(), r.time()
		for _, t := range prospectTexts(p) {
			*t = r.text(r.uvarint())
		}
		nameLen, nameCoLen, hl := r.uvarint(), r.uvarint(), r.uvarint()
		end := uint64(at) + hl
		if r.err != nil || end >= hayLen || s.hay[end] != 1 || nameCoLen > hl || nameLen > nameCoLen {
			return indexSection{}, errSnapFormat
		}
		e.hay = bytesString(s.hay[at:end])
		e.name, s.nameCo[i] = e.hay[:nameLen], e.hay[:nameCoLen]
		e.coLen = max(int(nameCoLen)-int(nameLen)-1, 0)
		s.sorted[i], s.ends[i] = e, int(end)
		at = int(end) + 1
	}
	if r.err != nil || len(r.b) != 0 || uint64(at) != hayLen {
		return indexSection{}, errSnapFormat
	}
	return s, nil
}

// text is the next n bytes as a string sharing their memory.
func (r *snapReader) text(n uint64) string {
	if r.err != nil || n > uint64(len(r.b)) {
		r.err, r.b = errSnapFormat, nil
		return ""
	}
	s := bytesString(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *snapReader) time() time.Time {
	n := uint64(r.byte())
	if r.err != nil || n > uint64(len(r.b)) {
		r.err, r.b = errSnapFormat, nil
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalBinary(r.b[:n]); err != nil {
		r.err, r.b = errSnapFormat, nil
		return time.Time{}
	}
	r.b = r.b[n:]
	return t
}

// bytesString is b as a string without a copy: only for the decrypted
// snapshot, which nothing writes to once decoded.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// nameCo is the entry's nameCompanyKey, the start of its haystack (folded
// name, NUL, folded company: newIndexEntry).
func (e *indexEntry) nameCo() string {
	return e.hay[:min(len(e.name)+1+e.coLen, len(e.hay))]
}
