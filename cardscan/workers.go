package cardscan

import "runtime"

// benchWorkers is how many Readers a batch runs: one per core.
func benchWorkers() int { return max(1, runtime.NumCPU()) }
