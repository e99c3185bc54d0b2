package store

import (
	"errors"
	"sync"

	"warmlead/consent"
)

// parallelMin is how many records make splitting the read worth a second
// goroutine.
const parallelMin = 512

// releaseAfter is how many records read make ForEachRecordOf give the
// file's pages back afterwards (releaseMapped).
const releaseAfter = 1000

// releaseEvery is how many records a long read goes through between two
// releaseMappedTx (a few megabytes of the file).
const releaseEvery = 512

// ForEachRecordsOfBoth is ForEachRecordOf on both cores: the ids (ascending)
// are read in two halves at once, each in its own read transaction, so
// opening and decoding the ledgers (most of the time) runs in parallel. fn
// is called by one goroutine at a time but not in id order. The Today
// screen reads the ledgers of everyone with something due this way.
func (db *DB) ForEachRecordsOfBoth(ids []uint64, fn func(consent.Record) error) ([]error, error) {
	if len(ids) < parallelMin {
		return db.ForEachRecordOf(ids, fn)
	}
	var mu sync.Mutex
	serial := func(r consent.Record) error {
		mu.Lock()
		defer mu.Unlock()
		return fn(r)
	}
	mid := len(ids) / 2
	var wg sync.WaitGroup
	var skipped [2][]error
	var errs [2]error
	for i, part := range [][]uint64{ids[:mid], ids[mid:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			skipped[i], errs[i] = db.ForEachRecordOf(part, serial)
		}()
	}
	wg.Wait()
	return append(skipped[0], skipped[1]...), errors.Join(errs[0], errs[1])
}
