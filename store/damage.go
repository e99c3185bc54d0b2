package store

import (
	"fmt"
	"runtime/debug"
)

// Damage after unlock. Unlocking reads every prospect (loadIndex), but the
// ledgers, the registers and the rest are read later, through bbolt's
// memory map: a damaged page there (a disk error, a bad copy) makes bbolt
// panic on an assertion, index out of its page ("slice bounds out of
// range") or read outside the mapped file. Every transaction runs under
// guardDamage (view and update), so such damage is an error, never a crash;
// the reads of one prospect's record run under guardRecord as well, so the
// error names the record and a pass over the whole database skips it and
// goes on.

// guardRecord runs fn, a read of one part of prospect id's record (what:
// ledgerOf or prospectKey), turning a panic on damage into an
// IntegrityError naming it. A read-only transaction stays usable after it:
// a cursor starts from the bucket's root at every Seek. It costs about
// 30 ns a call, so the passes over every ledger run it for each.
func guardRecord(bucket []byte, what string, id uint64, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &IntegrityError{Bucket: string(bucket), Key: fmt.Sprintf(what, id)}
		}
	}()
	return fn()
}

// The names guardRecord gives, as the reads name a damaged sealed value.
const (
	ledgerOf    = "the ledger of prospect %d"
	prospectKey = "prospect %d"
)

func ledgerName(id uint64) string { return fmt.Sprintf(ledgerOf, id) }

// SkippedError is a prospect left out of work over the whole database (the
// team report, the due list) because part of its record could not be read:
// Err says where (an IntegrityError). The work goes on without it.
type SkippedError struct {
	Prospect uint64
	Part     string // "ledger" or "record"
	Err      error
}

func (e *SkippedError) Error() string {
	return fmt.Sprintf("skipped prospect %d: its %s is damaged (run 'warmlead verify')", e.Prospect, e.Part)
}

func (e *SkippedError) Unwrap() error { return e.Err }
