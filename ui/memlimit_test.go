package ui

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The window's limit is windowRoom above what is live, between the floor
// and guiMemoryLimit: a smaller live heap gives a smaller limit.
func TestWindowMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, minMemoryLimit},
		{minMemoryLimit - windowRoom, minMemoryLimit},
		{120 << 20, 120<<20 + windowRoom},
		{guiMemoryLimit - windowRoom, guiMemoryLimit},
		{200 << 20, guiMemoryLimit},
	} {
		if got := windowMemoryLimit(c.live); got != c.want {
			t.Errorf("%d MiB live: limit %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// A document gets documentRoom above what the window holds live, and
// never less than the window's own limit.
func TestDocumentMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, minMemoryLimit},
		{100 << 20, 100<<20 + max(documentRoom, windowRoom)},
		{200 << 20, 200<<20 + documentRoom},
		{400 << 20, 400<<20 + documentRoom},
	} {
		if got := documentMemoryLimit(c.live); got != c.want {
			t.Errorf("%d MiB live: limit %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// Work that holds a room has the largest room of those under way; when
// the last ends, the window's limit is back.
func TestRoomsNest(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOMEMLIMIT set: rooms are not used")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	live := int64(liveMemory())
	near := func(got, want int64) bool { return got > want-(8<<20) && got < want+(8<<20) }
	roomFor(readRoom, func() (int, error) {
		if got := limit(); !near(got, roomMemoryLimit(uint64(live), readRoom)) {
			t.Errorf("in a read: limit %d MiB, want about %d MiB above %d MiB live", got>>20, readRoom>>20, live>>20)
		}
		roomForDocument(func() (int, error) {
			if got := limit(); !near(got, roomMemoryLimit(uint64(live), max(readRoom, documentRoom))) {
				t.Errorf("a document in a read: limit %d MiB, want the larger of the two rooms", got>>20)
			}
			const big = 160 << 20 // larger than either, so the nesting shows whatever the two are
			roomFor(big, func() (int, error) {
				if got := limit(); !near(got, roomMemoryLimit(uint64(live), big)) {
					t.Errorf("a large room in both: limit %d MiB, want %d MiB above %d MiB live", got>>20, big>>20, live>>20)
				}
				return 0, nil
			})
			if got := limit(); !near(got, roomMemoryLimit(uint64(live), max(readRoom, documentRoom))) {
				t.Errorf("after the large room: limit %d MiB, want the larger of the two rooms again", got>>20)
			}
			return 0, nil
		})
		if got := limit(); !near(got, roomMemoryLimit(uint64(live), readRoom)) {
			t.Errorf("after the document: limit %d MiB, want the read's room again", got>>20)
		}
		return 0, nil
	})
	if got := limit(); !near(got, windowMemoryLimit(uint64(live))) {
		t.Errorf("after all: limit %d MiB, want the window's %d MiB", got>>20, windowMemoryLimit(uint64(live))>>20)
	}
}

// liveMemory counts what a collection keeps, not the garbage made since:
// 160 MiB held live and 100 MiB of garbage made after the collection
// read as about 160 MiB live, while the mapped Go memory shows both.
func TestLiveMemoryLeavesTheGarbageOut(t *testing.T) {
	// No collection while the garbage is made: no GC percent, no limit
	// (and followLiveHeap, armed by another test, leaves it alone while a
	// document is counted).
	rooms.Lock()
	rooms.held = append(rooms.held, 0)
	rooms.Unlock()
	defer func() {
		rooms.Lock()
		rooms.held = rooms.held[:len(rooms.held)-1]
		rooms.Unlock()
	}()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	window := make([]byte, 160<<20)
	for i := range window {
		window[i] = 1
	}
	runtime.GC()
	before := liveMemory()
	for range 100 { // 100 MiB of garbage: each made, then dropped
		b := make([]byte, 1<<20)
		b[0] = 1
		garbageSink = b
	}
	garbageSink = nil
	live, mapped := liveMemory(), goMemory()
	if live < 160<<20 || live > before+(8<<20) {
		t.Errorf("live %d MiB after making garbage, want about %d MiB", live>>20, before>>20)
	}
	if mapped < live+(90<<20) {
		t.Errorf("mapped %d MiB, live %d MiB: the garbage should show in what is mapped", mapped>>20, live>>20)
	}
	runtime.KeepAlive(window)
}

// garbageSink makes the allocations above escape to the heap, as a
// screen's garbage does.
var garbageSink []byte

// While a document is made the limit is the room above the live window,
// and after it the window's limit for what is live again.
func TestRoomForDocumentPutsTheLimitBack(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	old := debug.SetMemoryLimit(guiMemoryLimit)
	defer debug.SetMemoryLimit(old)
	// Held live, so the room above it is more than the window's limit
	// and a document made under that limit would not pass.
	window := make([]byte, 200<<20)
	for i := range window {
		window[i] = 1
	}
	runtime.GC()
	live := liveMemory()
	if documentMemoryLimit(live) <= guiMemoryLimit {
		t.Fatalf("%d MiB live: not enough to tell the limits apart", live>>20)
	}
	during, _ := roomForDocument(func() (int64, error) { return debug.SetMemoryLimit(-1), nil })
	if want := documentMemoryLimit(live); during < want-(16<<20) || during > want+(16<<20) {
		t.Errorf("limit during the document %d MiB, want about %d MiB", during>>20, want>>20)
	}
	runtime.KeepAlive(window)
	if after := debug.SetMemoryLimit(-1); after != windowMemoryLimit(liveMemory()) {
		t.Errorf("limit after the document %d MiB, want %d MiB", after>>20, windowMemoryLimit(liveMemory())>>20)
	}
}

// After a collection the window's limit is set from what it kept: a
// window that let go of most of its heap gets a lower limit.
func TestLimitFollowsTheLiveHeapAfterACollection(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	old := debug.SetMemoryLimit(guiMemoryLimit)
	defer debug.SetMemoryLimit(old)
	followLiveHeap()
	// The finalizer runs in its own goroutine after the collection.
	small := int64(guiMemoryLimit)
	for i := 0; i < 100 && small == guiMemoryLimit; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		small = debug.SetMemoryLimit(-1)
	}
	if want := windowMemoryLimit(liveMemory()); small > want+(8<<20) || small >= guiMemoryLimit {
		t.Errorf("limit %d MiB with %d MiB live, want about %d MiB", small>>20, liveMemory()>>20, want>>20)
	}
}
