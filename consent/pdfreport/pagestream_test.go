package pdfreport

import (
	"bytes"
	"compress/zlib"
	"hash/adler32"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The Adler-32 continued over more data is the sum of all of it.
func TestAdlerMore(t *testing.T) {
	long := strings.Repeat("BT 45.35 808.46 Td ( A c m e )Tj ET\n", 5000) // past adler32's 5,552-byte blocks
	for _, c := range []struct{ a, b string }{{"", ""}, {"", "x"}, {"page body\n", ""}, {"page body\n", "footer {nb}\n"}, {long, long[:777]}, {"\xff\xff\xff", long}} {
		if got, want := adlerMore(adler32.Checksum([]byte(c.a)), []byte(c.b)), adler32.Checksum([]byte(c.a+c.b)); got != want {
			t.Errorf("adlerMore over %d+%d bytes = %08x, want %08x", len(c.a), len(c.b), got, want)
		}
	}
}

// A joined page inflates, its checksum verified, to its body and its rest.
func TestJoinPage(t *testing.T) {
	body := []byte(strings.Repeat("q 0.129 0.145 0.161 rg BT 69.45 759.84 Td ( I n g r i d )Tj ET Q\n", 400))
	p := &pagePacker{pages: &[]*bytes.Buffer{nil, bytes.NewBuffer(bytes.Clone(body))}}
	p.pack(1)
	if (*p.pages)[1].Len() != 0 || p.count() != 1 {
		t.Fatalf("page not emptied: %d bytes left, %d packed", (*p.pages)[1].Len(), p.count())
	}
	packed, ok := p.body(1)
	if !ok || len(packed.data) >= len(body)/4 {
		t.Fatalf("packed %v: %d bytes of %d", ok, len(packed.data), len(body))
	}
	for _, rest := range []string{"", "BT (page 1 of 7) Tj ET\n"} {
		z, err := zlib.NewReader(bytes.NewReader(joinPage(packed, []byte(rest))))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(z) // reads the checksum too, and checks it
		if err != nil || string(got) != string(body)+rest {
			t.Errorf("rest %q: %d bytes, %v", rest, len(got), err)
		}
	}
	if _, ok := p.body(2); ok {
		t.Error("a page never packed has a body")
	}
	// The next page starts with room for a body like the last.
	*p.pages = append(*p.pages, new(bytes.Buffer))
	p.presize(2)
	if c := (*p.pages)[2].Cap(); c < len(body) {
		t.Errorf("page 2 starts with room for %d bytes, the last body had %d", c, len(body))
	}
}

// Every page of a document is packed as its footer begins, and the file
// reads as one whose pages were kept whole until the end.
func TestPagesPacked(t *testing.T) {
	recs := team(200)
	gen := func(packed bool) []byte {
		d := newDoc(testMeta())
		if d.pack.pages == nil {
			t.Fatal("gofpdf's pages are not reachable: nothing is packed")
		}
		if !packed {
			d.pack = nil
		}
		if err := d.team(recs, len(recs), Filter{}, false, nil); err != nil {
			t.Fatal(err)
		}
		pages := d.pdf.PageNo()
		pack := d.pack
		var buf bytes.Buffer
		if err := d.finish(&buf); err != nil {
			t.Fatal(err)
		}
		if packed && pack.count() != pages {
			t.Errorf("%d pages of %d packed", pack.count(), pages)
		}
		return buf.Bytes()
	}
	whole, packed := gen(false), gen(true)
	if regexp.MustCompile(`<</Length \d+>>\nstream\n`).Match(packed) {
		t.Error("an uncompressed stream is left")
	}
	if CountPages(packed) < 4 || CountPages(packed) != CountPages(whole) {
		t.Errorf("%d pages packed, %d whole", CountPages(packed), CountPages(whole))
	}
	a := writeDoc(t, "whole.pdf", func(b *bytes.Buffer) error { _, err := b.Write(whole); return err })
	b := writeDoc(t, "packed.pdf", func(b *bytes.Buffer) error { _, err := b.Write(packed); return err })
	if ta, tb := pdfText(t, a, "-layout"), pdfText(t, b, "-layout"); ta != tb || !strings.Contains(tb, "Jørgen Ångström 193") {
		t.Error("the packed file reads differently")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", b).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	if out, err := exec.Command("pdfinfo", b).CombinedOutput(); err == nil && bytes.Contains(out, []byte("Error")) {
		t.Errorf("pdfinfo:\n%s", out)
	}
}
