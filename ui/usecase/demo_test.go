package usecase

import (
	"encoding/json"
	"testing"
	"time"
)

// The same seed gives the same people and ledgers.
func TestDemoDeterministic(t *testing.T) {
	g1, g2 := newDemoGen(42, "R", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)), newDemoGen(42, "R", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	a, b := g1.people(500), g2.people(500)
	for i := range a {
		if a[i].prospect != b[i].prospect || a[i].day != b[i].day {
			t.Fatalf("person %d differs: %+v / %+v", i, a[i].prospect, b[i].prospect)
		}
		ea, eb := g1.ledger(&a[i], uint64(i+1), g1.dayTime(a[i].day)), g2.ledger(&b[i], uint64(i+1), g2.dayTime(b[i].day))
		ja, _ := json.Marshal(ea)
		jb, _ := json.Marshal(eb)
		if string(ja) != string(jb) {
			t.Fatalf("ledger %d differs", i)
		}
	}
	if c := newDemoGen(43, "R", time.Time{}).people(500); c[0].prospect == a[0].prospect && c[1].prospect == a[1].prospect {
		t.Fatal("another seed gives the same people")
	}
}
