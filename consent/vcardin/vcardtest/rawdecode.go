package vcardtest

import (
	"bytes"
	"io"
	"testing"

	"github.com/emersion/go-vcard"
)

// RawDecode runs go-vcard's own Decoder over data, handing each card to
// each (if not nil), and returns how many it read: the floor the import
// benchmarks (the reader's and the CLI's) measure themselves against. A
// decoding error fails tb.
func RawDecode(tb testing.TB, data []byte, each func(vcard.Card)) int {
	tb.Helper()
	dec := vcard.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		c, err := dec.Decode()
		if err == io.EOF {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		if each != nil {
			each(c)
		}
		n++
	}
}
