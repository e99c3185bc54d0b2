package pdfreport

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"reflect"
	"sync"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// Why this file exists (issue 16): gofpdf keeps every page's content
// stream, uncompressed, until Output; a team report of 100,000 is 2,130
// pages of some 26 KB each, and Output copies them all once more into the
// file it builds. So each page is deflated as soon as its body is drawn,
// and only the compressed bytes are kept (about a sixth).
//
// When a page's footer begins (drawFooter), everything above it is final:
// the body is deflated then, ending with a sync flush (byte-aligned, not
// the last block), and gofpdf's buffer for the page is swapped for an
// empty one. The footer is left to gofpdf because it holds the alias of
// the page count, which gofpdf fills in at Output. deflateStreams then
// writes each page's stream as one zlib stream: header, the kept body, the
// footer deflated as the final block, and the Adler-32 of body and footer.
//
// gofpdf has no API to reach a page's buffer; its field is read by
// reflection. gofpdf v1.16.2 is the last release (the repository is
// archived), so the field cannot move under us; if it ever did, fpdfPages
// finds nothing and pages are kept whole as before (TestPagesPacked says).

// packedPage is the body of one page, deflated.
type packedPage struct {
	data []byte // raw deflate, ended by a sync flush
	sum  uint32 // Adler-32 of the uncompressed body
	size int    // its uncompressed length
}

// pagePacker keeps the deflated bodies of a document's pages.
type pagePacker struct {
	pages   *[]*bytes.Buffer // gofpdf's pages (1-based); nil: not reachable
	packed  []packedPage     // by page number; a zero entry: not packed
	n       int              // how many are packed
	last    int              // the uncompressed size of the last body packed
	scratch bytes.Buffer
}

func newPagePacker(f *gofpdf.Fpdf) *pagePacker { return &pagePacker{pages: fpdfPages(f)} }

// fpdfPages is gofpdf's own slice of page buffers, or nil.
func fpdfPages(f *gofpdf.Fpdf) *[]*bytes.Buffer {
	v := reflect.ValueOf(f).Elem().FieldByName("pages")
	if !v.IsValid() || v.Type() != reflect.TypeFor[[]*bytes.Buffer]() {
		return nil
	}
	return (*[]*bytes.Buffer)(unsafe.Pointer(v.UnsafeAddr()))
}

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// pack deflates what page n holds so far and empties gofpdf's buffer of
// it; called once per page, before its footer is drawn.
func (p *pagePacker) pack(n int) {
	if p == nil || p.pages == nil || n <= 0 || n >= len(*p.pages) {
		return
	}
	body := (*p.pages)[n].Bytes()
	p.scratch.Reset()
	w := flateWriters.Get().(*flate.Writer)
	w.Reset(&p.scratch)
	w.Write(body) // writes to a bytes.Buffer cannot fail
	w.Flush()
	flateWriters.Put(w)
	for len(p.packed) <= n {
		p.packed = append(p.packed, packedPage{})
	}
	if p.packed[n].data == nil {
		p.n++
	}
	p.packed[n] = packedPage{data: bytes.Clone(p.scratch.Bytes()), sum: adler32.Checksum(body), size: len(body)}
	p.last = len(body)
	// A new buffer rather than Reset: the old one's capacity is what
	// this file is for giving back.
	(*p.pages)[n] = new(bytes.Buffer)
}

// presize makes room in page n's buffer, new, for a body the size of the
// last one packed: gofpdf starts each page empty, and a buffer that grows
// by doubling to 26 KB leaves as much again in copies behind it.
func (p *pagePacker) presize(n int) {
	if p == nil || p.pages == nil || n <= 0 || n >= len(*p.pages) || p.last == 0 {
		return
	}
	(*p.pages)[n].Grow(p.last + p.last/8)
}

// body is page n's packed body, if it was packed.
func (p *pagePacker) body(n int) (packedPage, bool) {
	if p == nil || n <= 0 || n >= len(p.packed) || p.packed[n].data == nil {
		return packedPage{}, false
	}
	return p.packed[n], true
}

// count is how many pages are packed.
func (p *pagePacker) count() int {
	if p == nil {
		return 0
	}
	return p.n
}

// joinPage is the zlib stream of a packed body followed by rest (what
// gofpdf held of the page after it was packed: its footer).
func joinPage(body packedPage, rest []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(2 + len(body.data) + len(rest)/2 + 64)
	buf.Write(zlibHeader)
	buf.Write(body.data)
	buf.Write(pageTail(body, rest))
	return buf.Bytes()
}

// zlibHeader opens a page's zlib stream: deflate, 32K window, fastest.
var zlibHeader = []byte{0x78, 0x01}

// pageTail is what follows a packed body in its page's zlib stream: the
// rest of the page (its footer) deflated as the final block, and the
// Adler-32 of body and rest.
func pageTail(body packedPage, rest []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(rest)/2 + 64)
	w := flateWriters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(rest)
	w.Close() // the final block
	flateWriters.Put(w)
	buf.Write(binary.BigEndian.AppendUint32(nil, adlerMore(body.sum, rest)))
	return buf.Bytes()
}

// release lets page n's body go once it is written.
func (p *pagePacker) release(n int) {
	if p != nil && n > 0 && n < len(p.packed) {
		p.packed[n].data = nil
	}
}

// adlerMore continues the Adler-32 sum of some data over p (RFC 1950),
// so the sum of a page is the body's, kept, continued over the footer.
func adlerMore(sum uint32, p []byte) uint32 {
	const mod = 65521
	a, b := sum&0xffff, sum>>16
	for _, c := range p {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}
