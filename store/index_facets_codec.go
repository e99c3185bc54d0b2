package store

import (
	"encoding/binary"
	"errors"
)

// The facet snapshot's bytes (index_facets_snapshot.go): the stamp, then
// every prospect's facet, compact because it is read at every unlock.

// Flags of an encoded facet.
const (
	fObjected = 1 << iota
	fWithdrawn
	fDNC
	fNotice
	fDueAny
	fForever // until is forever, and not written
)

// encodeFacets writes the stamp and the facets of ids (ascending): per
// prospect the id's distance from the previous one, a flag byte and
// varints, most of them one byte (zero) at 100,000 prospects.
func encodeFacets(st facetStamp, ids []uint64, ledger map[uint64]ledgerFacet) []byte {
	out := make([]byte, 0, facetHeaderLen+binary.MaxVarintLen64+len(ids)*24)
	out = append(out, facetSnapVersion)
	out = binary.BigEndian.AppendUint64(out, st.gen)
	out = append(append(out, st.state[:]...), st.regs[:]...)
	out = binary.AppendUvarint(out, uint64(len(ids)))
	prev := uint64(0)
	for _, id := range ids {
		lf := ledger[id]
		out = binary.AppendUvarint(out, id-prev)
		prev = id
		out = append(out, flagsOf(&lf))
		if lf.until != forever {
			out = binary.AppendVarint(out, lf.until)
		}
		for _, v := range [...]int64{lf.contact, lf.callback, int64(lf.calls), lf.lastCall, lf.callBackAt, lf.lastActivity, lf.dueFrom} {
			out = binary.AppendVarint(out, v)
		}
	}
	return out
}

func flagsOf(lf *ledgerFacet) byte {
	var fl byte
	set := func(bit byte, on bool) {
		if on {
			fl |= bit
		}
	}
	set(fObjected, lf.objected)
	set(fWithdrawn, lf.withdrawn)
	set(fDNC, lf.dnc)
	set(fNotice, lf.notice)
	set(fDueAny, lf.dueAny)
	set(fForever, lf.until == forever)
	return fl
}

var errSnapFormat = errors.New("facet snapshot: not this format")

// decodeFacets reads what encodeFacets wrote, and nothing after it.
func decodeFacets(b []byte) (facetStamp, map[uint64]ledgerFacet, error) {
	st, out, rest, err := decodeFacetsPrefix(b)
	if err == nil && len(rest) != 0 {
		err = errSnapFormat
	}
	return st, out, err
}

// decodeFacetsPrefix reads what encodeFacets wrote at the start of b, and
// returns what follows (the index section, index_snapshot_codec.go).
func decodeFacetsPrefix(b []byte) (facetStamp, map[uint64]ledgerFacet, []byte, error) {
	var st facetStamp
	if len(b) < facetHeaderLen || b[0] != facetSnapVersion {
		return st, nil, nil, errSnapFormat
	}
	st.gen = binary.BigEndian.Uint64(b[1:])
	copy(st.state[:], b[9:41])
	copy(st.regs[:], b[41:73])
	r := snapReader{b: b[facetHeaderLen:]}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) { // at least a byte each
		return st, nil, nil, errSnapFormat
	}
	out := make(map[uint64]ledgerFacet, n)
	id := uint64(0)
	for range n {
		id += r.uvarint()
		fl := r.byte()
		lf := ledgerFacet{objected: fl&fObjected != 0, withdrawn: fl&fWithdrawn != 0, dnc: fl&fDNC != 0, notice: fl&fNotice != 0, dueAny: fl&fDueAny != 0, until: forever}
		if fl&fForever == 0 {
			lf.until = r.varint()
		}
		lf.contact, lf.callback = r.varint(), r.varint()
		lf.calls = int32(r.varint())
		lf.lastCall, lf.callBackAt, lf.lastActivity, lf.dueFrom = r.varint(), r.varint(), r.varint(), r.varint()
		out[id] = lf
	}
	if r.err != nil {
		return st, nil, nil, errSnapFormat
	}
	return st, out, r.b, nil
}

type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errSnapFormat, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errSnapFormat, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapReader) byte() byte {
	if len(r.b) == 0 {
		r.err = errSnapFormat
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}
