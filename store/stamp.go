package store

import "time"

// stamp is the time a write records: the caller's time, or now when it
// gave none, in UTC to the second, as every stored time is (events, audit
// entries and prospects compare and sort by it, and JSON keeps no finer).
func stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Second)
}
