package ui

import (
	"os"
	"runtime/debug"
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

// documentMemoryLimit is the limit while a document is being made: a team
// report of 100,000 holds its 2,000 drawn pages (a hundred megabytes and
// more) until it is written, which guiMemoryLimit would make the collector
// chase without end (a report of two minutes instead of twenty seconds).
const documentMemoryLimit = 448 << 20

var documents struct {
	sync.Mutex
	n int
}

// roomForDocument runs write with documentMemoryLimit, then puts the
// window's limit back (when no other document is being made).
func roomForDocument[T any](write func() (T, error)) (T, error) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return write()
	}
	documents.Lock()
	if documents.n++; documents.n == 1 {
		debug.SetMemoryLimit(documentMemoryLimit)
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
