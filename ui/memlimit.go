package ui

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// guiMemoryLimit is the Go runtime's soft memory limit for the window
// (issue 16: under 400 MB resident at 100,000 prospects, with the GL
// driver, fonts and the binary beside the Go heap). The garbage collector
// runs sooner as the heap nears it, instead of letting it grow to twice
// what is live after a large read; it is a target, not a cap: a heap that
// needs more gets it. GOMEMLIMIT, when set, wins.
const guiMemoryLimit = 224 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
}

// documentRoom is how much more Go memory than the window holds when a
// document starts the collector lets the document have (issue 16: the
// team report of everyone at most ~120 MB above the window). The report
// keeps little (its pages are deflated as they are finished, pdfreport's
// pagestream.go); what it makes is garbage, the records it reads. The
// window's own heap is mostly live (the index of 100,000) and above
// guiMemoryLimit already, so under that limit the collector would chase
// without end; with no limit the heap doubles before it collects (a team
// report peaked 190 MB above the window so, with 448 MiB). This room is
// the middle: a collection every ~60 MB of records read.
const documentRoom = 96 << 20

var documents struct {
	sync.Mutex
	n int
}

// roomForDocument runs write with documentRoom above the Go memory the
// window holds, then puts the window's limit back (when no other document
// is being made).
func roomForDocument[T any](write func() (T, error)) (T, error) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return write()
	}
	documents.Lock()
	if documents.n++; documents.n == 1 {
		debug.SetMemoryLimit(documentMemoryLimit(goMemory()))
	}
	documents.Unlock()
	defer func() {
		documents.Lock()
		if documents.n--; documents.n == 0 {
			debug.SetMemoryLimit(guiMemoryLimit)
		}
		documents.Unlock()
	}()
	return write()
}

// documentMemoryLimit is the limit while a document is made, for a window
// that holds held bytes of Go memory: documentRoom above it, and never
// below the window's own limit.
func documentMemoryLimit(held uint64) int64 {
	return max(guiMemoryLimit, int64(held)+documentRoom)
}

// goMemory is the Go memory the soft limit counts: everything the runtime
// has mapped, less the heap it has given back to the system.
func goMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}
