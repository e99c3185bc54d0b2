package insight

import (
	"encoding/json"
	"math"
)

// The JSON of Attempts and Introducer carries their computed values too
// (`warmlead insight --json`), rounded to two decimals, so a script does
// not redo the division.

// MarshalJSON writes the counts with mean and calls_per_reached.
func (a Attempts) MarshalJSON() ([]byte, error) {
	type plain Attempts
	return json.Marshal(struct {
		plain
		Mean            float64 `json:"mean"`
		CallsPerReached float64 `json:"calls_per_reached"`
	}{plain(a), round2(a.Mean()), round2(a.CallsPerReached())})
}

// MarshalJSON writes the counts with approval_rate (0 to 1).
func (i Introducer) MarshalJSON() ([]byte, error) {
	type plain Introducer
	return json.Marshal(struct {
		plain
		ApprovalRate float64 `json:"approval_rate"`
	}{plain(i), round2(i.ApprovalRate())})
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
