package consent

import (
	"bytes"
	"testing"
)

// FuzzUnmarshalEvent: whatever bytes the store hands back, reading them
// never panics, and what reads is written back the same way: the stored
// form of an event is a fixed point (what was hashed is what is kept).
func FuzzUnmarshalEvent(f *testing.F) {
	for _, enc := range []int{EncV1, EncV2} {
		for _, e := range chainGolden(enc) {
			b, err := MarshalEvent(e)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte{0xa1, 0x03, 0x83, 0x3b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		var e Event
		if UnmarshalEvent(b, &e) != nil {
			return
		}
		e.ComputeHash()
		once, err := MarshalEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		var again Event
		if err := UnmarshalEvent(once, &again); err != nil {
			t.Fatalf("%x reads as %+v, written as %x, which does not read: %v", b, e, once, err)
		}
		twice, _ := MarshalEvent(again)
		if !bytes.Equal(once, twice) || again.ComputeHash() != e.ComputeHash() {
			t.Fatalf("not a fixed point:\n%x\n%x", once, twice)
		}
	})
}
