package ui

import (
	"os"
	"runtime/debug"
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
