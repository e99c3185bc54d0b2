package pdfreport

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Why this file exists: gofpdf compresses every page with a fresh zlib
// writer, about 1 MB of compressor state allocated and zeroed per page. For
// a team report with a thousand summaries (some 2,000 pages) that was half of
// the run time. So documents are written with gofpdf's compression off and
// the uncompressed streams are deflated here, with writers that are reused,
// on every core.
//
// This reads only the layout gofpdf v1.16.2 writes (objects listed in one
// classic xref table, an uncompressed stream as "<</Length N>>" then
// "stream\n", N bytes, "\nendstream\nendobj\n"). Anything else is copied
// as it is; if the file itself is not laid out that way, deflateStreams
// reports false and the caller keeps the uncompressed, equally valid file.

var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

func deflate(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(&buf)
	w.Write(data) // writes to a bytes.Buffer cannot fail
	w.Close()
	zlibWriters.Put(w)
	return buf.Bytes()
}

type pdfObject struct {
	num       int
	off, end  int    // the object's bytes in the input
	stream    []byte // an uncompressed stream to deflate, else nil
	head, out []byte // for a stream: "N 0 obj\n", then the deflated data
	page      int    // for the content stream of a packed page: its number
}

// deflateStreams returns pdf with every uncompressed stream deflated (see
// writeDeflated), or false.
func deflateStreams(pdf []byte, packed *pagePacker) ([]byte, bool) {
	var out bytes.Buffer
	ok, _ := writeDeflated(&out, pdf, packed)
	return out.Bytes(), ok
}

// writeDeflated writes pdf to w with every uncompressed stream deflated
// and the cross-reference table rewritten to match; the content stream of
// a page that packed holds (pagestream.go) is its packed body and then
// what the file has of it (the footer). It reports false, having written
// nothing, if the file is not laid out as gofpdf lays it out, or a packed
// page is not found in it.
//
// The file is written as it is made, object by object, and each object's
// deflated bytes (a packed page's body too) are let go once written: a
// team report of 2,000 pages no longer has its whole file in memory a
// second and a third time (issue 16's memory target) at the moment it is
// written.
func writeDeflated(w io.Writer, pdf []byte, packed *pagePacker) (bool, error) {
	// The trailer: "startxref\nOFFSET\n%%EOF\n".
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return false, nil
	}
	xref, ok := atoiLine(pdf[sx+len("startxref\n"):])
	if !ok || xref <= 0 || xref >= sx {
		return false, nil
	}
	// The table: "xref\n0 COUNT\n" and COUNT entries of 20 bytes.
	rest, ok := bytes.CutPrefix(pdf[xref:], []byte("xref\n0 "))
	if !ok {
		return false, nil
	}
	count, ok := atoiLine(rest)
	if !ok || count < 2 {
		return false, nil
	}
	entries := xref + len("xref\n0 ") + len(strconv.Itoa(count)) + 1
	trailer := entries + 20*count
	if trailer > sx || !bytes.HasPrefix(pdf[trailer:], []byte("trailer\n")) {
		return false, nil
	}
	objs := make([]pdfObject, count-1)
	for i := range objs {
		e := pdf[entries+20*(i+1) : entries+20*(i+2)]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return false, nil
		}
		objs[i] = pdfObject{num: i + 1, off: off}
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.off - b.off })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].off
		}
		o := &objs[i]
		head := []byte(strconv.Itoa(o.num) + " 0 obj\n")
		body, ok := bytes.CutPrefix(pdf[o.off:o.end], head)
		if !ok {
			return false, nil // the table does not point at its objects
		}
		o.head = head
		o.stream = plainStream(body)
	}
	if !markPackedPages(pdf, objs, packed) {
		return false, nil
	}

	// Deflate the streams on every core. A packed page's stream is its
	// body, kept, and a tail made here: the footer deflated as the final
	// block and the Adler-32 of both (pagestream.go).
	var wg sync.WaitGroup
	next := make(chan *pdfObject)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for o := range next {
				if body, ok := packed.body(o.page); ok {
					o.out = pageTail(body, o.stream)
				} else {
					o.out = deflate(o.stream)
				}
			}
		})
	}
	for i := range objs {
		if objs[i].stream != nil {
			next <- &objs[i]
		}
	}
	close(next)
	wg.Wait()

	cw := &countingWriter{w: w}
	cw.Write(pdf[:objs[0].off])
	offsets := make([]int, count)
	for i := range objs {
		o := &objs[i]
		offsets[o.num] = cw.n
		if o.stream == nil {
			cw.Write(pdf[o.off:o.end])
			continue
		}
		cw.Write(o.head)
		body, packedPage := packed.body(o.page)
		length := len(o.out)
		if packedPage {
			length += len(zlibHeader) + len(body.data)
		}
		fmt.Fprintf(cw, "<</Filter /FlateDecode /Length %d>>\nstream\n", length)
		if packedPage {
			cw.Write(zlibHeader)
			cw.Write(body.data)
			packed.release(o.page)
		}
		cw.Write(o.out)
		o.out = nil
		cw.Write([]byte("\nendstream\nendobj\n"))
	}
	xrefAt := cw.n
	fmt.Fprintf(cw, "xref\n0 %d\n0000000000 65535 f \n", count)
	for _, off := range offsets[1:] {
		fmt.Fprintf(cw, "%010d 00000 n \n", off)
	}
	cw.Write(pdf[trailer:sx])
	fmt.Fprintf(cw, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return true, cw.err
}

// countingWriter counts what it wrote; after an error it writes nothing
// more and keeps the error.
type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// markPackedPages sets the page of every page's content object (objs in
// file order, so the page objects come in page order) and says whether
// every packed page was found with an uncompressed content stream.
func markPackedPages(pdf []byte, objs []pdfObject, packed *pagePacker) bool {
	byNum := make(map[int]*pdfObject, len(objs))
	for i := range objs {
		byNum[objs[i].num] = &objs[i]
	}
	page, found := 0, 0
	for i := range objs {
		o := &objs[i]
		body := pdf[o.off+len(o.head) : o.end]
		if !bytes.HasPrefix(body, []byte("<</Type /Page\n")) {
			continue
		}
		page++
		if _, ok := packed.body(page); !ok {
			continue
		}
		_, rest, ok := bytes.Cut(body, []byte("/Contents "))
		if !ok {
			return false
		}
		num, ok := atoiUntil(rest, ' ')
		c := byNum[num]
		if !ok || c == nil || c.stream == nil || c.page != 0 {
			return false
		}
		c.page = page
		found++
	}
	return found == packed.count()
}

// plainStream returns the data of an object body that is exactly an
// uncompressed stream ("<</Length N>>\nstream\n" N bytes
// "\nendstream\nendobj\n"), else nil.
func plainStream(body []byte) []byte {
	rest, ok := bytes.CutPrefix(body, []byte("<</Length "))
	if !ok {
		return nil
	}
	i := bytes.IndexByte(rest, '>')
	if i <= 0 {
		return nil
	}
	n, err := strconv.Atoi(string(rest[:i]))
	if err != nil || n < 0 {
		return nil
	}
	data, ok := bytes.CutPrefix(rest[i:], []byte(">>\nstream\n"))
	if !ok || len(data) != n+len("\nendstream\nendobj\n") || string(data[n:]) != "\nendstream\nendobj\n" {
		return nil
	}
	return data[:n]
}

// atoiLine reads a decimal number ended by a newline.
func atoiLine(b []byte) (int, bool) { return atoiUntil(b, '\n') }

// atoiUntil reads a decimal number ended by end.
func atoiUntil(b []byte, end byte) (int, bool) {
	i := bytes.IndexByte(b, end)
	if i <= 0 || i > 20 {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[:i]))
	return n, err == nil
}
