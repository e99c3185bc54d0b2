package store

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Work on many independent items (an import's cards, their sealing, their
// index entries) is spread over the cores in chunks; whatever depends on
// order stays with the caller.

// parallelChunk is how many items a worker takes at a time: enough to make
// handing out chunks cheap, few enough to share a file of a few thousand.
const parallelChunk = 256

// workersFor is how many goroutines n items are worth.
func workersFor(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+parallelChunk-1)/parallelChunk))
}

// inParallel runs work over [0,n) in chunks of parallelChunk on workers
// goroutines (w is the worker's number, for its own state). report, if
// set, is told on the calling goroutine how many items are done, so a
// progress callback never runs on two goroutines at once.
func inParallel(n, workers int, work func(w, lo, hi int), report func(done int)) {
	if workers <= 1 {
		for lo := 0; lo < n; lo += parallelChunk {
			hi := min(lo+parallelChunk, n)
			work(0, lo, hi)
			if report != nil {
				report(hi)
			}
		}
		return
	}
	var next atomic.Int64
	finished := make(chan int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(parallelChunk)) - parallelChunk
				if lo >= n {
					return
				}
				hi := min(lo+parallelChunk, n)
				work(w, lo, hi)
				finished <- hi - lo
			}
		}()
	}
	go func() { wg.Wait(); close(finished) }()
	done := 0
	for k := range finished {
		done += k
		if report != nil {
			report(done)
		}
	}
}
