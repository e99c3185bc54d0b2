package ui

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// A document gets documentRoom above what the window holds, and never
// less than the window's own limit.
func TestDocumentMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		held uint64
		want int64
	}{
		{0, guiMemoryLimit},
		{guiMemoryLimit - documentRoom, guiMemoryLimit},
		{200 << 20, 200<<20 + documentRoom},
		{400 << 20, 400<<20 + documentRoom},
	} {
		if got := documentMemoryLimit(c.held); got != c.want {
			t.Errorf("holding %d MiB: limit %d MiB, want %d MiB", c.held>>20, got>>20, c.want>>20)
		}
	}
}

// While a document is made the limit is the room above the window, and
// after it the window's limit again.
func TestRoomForDocumentPutsTheLimitBack(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	old := debug.SetMemoryLimit(guiMemoryLimit)
	defer debug.SetMemoryLimit(old)
	// Held live, so the room above it is more than the window's limit
	// and a document made under that limit would not pass.
	window := make([]byte, 160<<20)
	for i := range window {
		window[i] = 1
	}
	held := goMemory()
	if documentMemoryLimit(held) <= guiMemoryLimit {
		t.Fatalf("%d MiB held: not enough to tell the limits apart", held>>20)
	}
	during, _ := roomForDocument(func() (int64, error) { return debug.SetMemoryLimit(-1), nil })
	if want := documentMemoryLimit(held); during < want-(16<<20) || during > want+(16<<20) {
		t.Errorf("limit during the document %d MiB, want about %d MiB", during>>20, want>>20)
	}
	runtime.KeepAlive(window)
	if after := debug.SetMemoryLimit(-1); after != guiMemoryLimit {
		t.Errorf("limit after the document %d MiB, want %d MiB", after>>20, guiMemoryLimit>>20)
	}
}
