package ui

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sync"
)

// The Go runtime's soft memory limit for the window (issue 16: under 400 MB
// resident at 100,000 prospects, with the GL driver, fonts and the binary
// beside the Go heap). The garbage collector runs sooner as the heap nears
// it, instead of letting it grow to twice what is live after a large read;
// it is a target, not a cap: a heap that needs more gets it. GOMEMLIMIT,
// when set, wins.
//
// The limit follows what is live (the heap the last collection kept, plus
// the runtime's own stacks and metadata): windowRoom above it, between
// minMemoryLimit and guiMemoryLimit. A fixed limit turned every megabyte
// the window stopped holding into room for garbage, so a smaller index
// never showed in the resident size; a limit that follows the live heap
// gives it back to the system.
const (
	guiMemoryLimit = 224 << 20 // the most the window's limit is set to
	minMemoryLimit = 96 << 20  // a small database: the collector need not chase
	// windowRoom is the garbage the window may make between collections:
	// 32 MiB kept the window at 100,000 at 379 MB resident at its peak, 48
	// MiB at 389-399 MB, 64 MiB at 413 MB (make perf-test, 2 Dec 2026).
	// A read of thousands of ledgers gets readRoom while it runs (roomFor).
	windowRoom = 32 << 20
	// readRoom: a screen's read of thousands of ledgers (Referrals reads
	// 10,803 at 100,000) makes garbage fast; with windowRoom alone it
	// collected every few hundred ledgers and took a quarter longer.
	readRoom = 56 << 20
)

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(guiMemoryLimit)
	followLiveHeap()
}

// windowMemoryLimit is the window's limit for live bytes held.
func windowMemoryLimit(live uint64) int64 {
	return min(guiMemoryLimit, max(minMemoryLimit, int64(live)+windowRoom))
}

// followLiveHeap sets the window's limit after every collection from the
// live bytes it found, unless a document is being made (roomForDocument
// sets the limit then). A finalizer on an object nothing holds runs once
// per collection; it arms itself again.
func followLiveHeap() {
	type tick struct{ _ [16]byte } // not tiny-allocated: its finalizer runs
	var arm func()
	arm = func() {
		t := new(tick)
		runtime.SetFinalizer(t, func(*tick) {
			rooms.Lock()
			if len(rooms.held) == 0 {
				debug.SetMemoryLimit(windowMemoryLimit(liveMemory()))
			}
			rooms.Unlock()
			arm()
		})
	}
	arm()
}

// documentRoom is how much more Go memory than the window holds live the
// collector lets a document have (issue 16: the team report of everyone).
// The report keeps little (its pages are deflated as they are finished,
// pdfreport's pagestream.go); what it makes is garbage, the records it
// reads. With no limit the heap doubles before it collects (a team report
// peaked 190 MB above the window so); this room is a collection every
// ~55 MB of records read. Its file is written as it is finished, not held
// whole (pdfreport's writeDeflated): with 64 MiB the window peaked at 383
// MB during the team report of 100,000, 12.4 s (make perf-test, 2 Dec),
// and at 399-400 MB once the session visited Insight first (3 Dec: one
// run failed the 400 MB target); with 48 MiB, 380-389 MB and 15-16 s. A
// slower report in the background is the price of the target.
const documentRoom = 48 << 20

// rooms are the rooms of the work under way that asked for one (roomFor);
// the limit gives the largest.
var rooms struct {
	sync.Mutex
	held []int64
}

// roomForDocument runs write with documentRoom above the Go memory the
// window holds live, then puts the window's limit back (when no other
// work holds a room).
func roomForDocument[T any](write func() (T, error)) (T, error) {
	return roomFor(documentRoom, write)
}

// roomFor runs work with room above the Go memory the window holds live
// (the largest room of the work under way counts), then gives it back.
func roomFor[T any](room int64, work func() (T, error)) (T, error) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return work()
	}
	rooms.Lock()
	rooms.held = append(rooms.held, room)
	debug.SetMemoryLimit(roomMemoryLimit(liveMemory(), slices.Max(rooms.held)))
	rooms.Unlock()
	defer func() {
		rooms.Lock()
		i := slices.Index(rooms.held, room)
		rooms.held = slices.Delete(rooms.held, i, i+1)
		if len(rooms.held) == 0 {
			debug.SetMemoryLimit(windowMemoryLimit(liveMemory()))
		} else {
			debug.SetMemoryLimit(roomMemoryLimit(liveMemory(), slices.Max(rooms.held)))
		}
		rooms.Unlock()
	}()
	return work()
}

// documentMemoryLimit is the limit while a document is made, for a window
// that holds live bytes of Go memory.
func documentMemoryLimit(live uint64) int64 { return roomMemoryLimit(live, documentRoom) }

// roomMemoryLimit is room above live, and never below the window's own
// limit for it.
func roomMemoryLimit(live uint64, room int64) int64 {
	return max(windowMemoryLimit(live), int64(live)+room)
}

// liveMemory is the Go memory the window holds live: the heap the last
// collection marked, and everything the runtime keeps beside the heap
// (stacks, metadata). Not what is mapped now: that counts the garbage
// made since, which says nothing about what the window needs (measured
// so, the team report's limit was up to 60 MB higher than the same window
// measured after a collection).
func liveMemory() uint64 {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	metrics.Read(s)
	v := func(i int) uint64 { return s[i].Value.Uint64() }
	heap := v(2) + v(3) + v(4) + v(5)
	other := uint64(0)
	if v(1) > heap {
		other = v(1) - heap
	}
	return v(0) + other
}

// goMemory is the Go memory the soft limit counts: everything the runtime
// has mapped, less the heap it has given back to the system.
func goMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}
