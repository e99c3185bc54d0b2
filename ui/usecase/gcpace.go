package usecase

import (
	"os"
	"runtime/debug"
	"sync"
)

// An import makes its garbage fast and keeps little of it: every card is
// read into lines, parameters, a builder per phone number and sealed
// copies, about 14 KB of garbage for the few hundred bytes a prospect
// keeps. At the collector's default pace (a collection each time the heap
// doubles its small live set) a third of an import of 10,000 cards went
// to collecting. While an import runs the collector waits until the heap
// has grown by importGCPercent of what is live: an import of 10,000 cards
// took 165 ms instead of 205 ms (BenchmarkImport10k), and warmlead import
// of 100,000 peaked a few tens of MB higher. The window's soft memory
// limit (ui/memlimit.go) still wins: the collector runs sooner as the heap
// nears it, whatever the pace. GOGC, when set, is left as it is.
const importGCPercent = 300

var importPace struct {
	sync.Mutex
	running int // imports under way: the first sets the pace, the last puts it back
	before  int
}

// pacedForImport runs work with the collector paced for an import.
func pacedForImport[T any](work func() (T, error)) (T, error) {
	if os.Getenv("GOGC") != "" {
		return work()
	}
	importPace.Lock()
	if importPace.running == 0 {
		importPace.before = debug.SetGCPercent(importGCPercent)
	}
	importPace.running++
	importPace.Unlock()
	defer func() {
		importPace.Lock()
		if importPace.running--; importPace.running == 0 {
			debug.SetGCPercent(importPace.before)
		}
		importPace.Unlock()
	}()
	return work()
}
