package consent

import (
	"math/rand/v2"
	"testing"
	"time"
)

// The hint never hides a deadline: wherever DueItems finds an item, at any
// moment from before the ledger to long after it and for any retention,
// MayBeDue says maybe. It is also worth having: most records without items
// are ruled out.
func TestDueHintNeverMisses(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 7))
	ruledOut, empty := 0, 0
	for i := range 3000 {
		r := randomRecord(rng)
		h := HintDue(r)
		for _, months := range []int{1, 12, 24} {
			for d := -40; d <= 900; d += 7 {
				now := t0.AddDate(0, 0, d).Add(time.Duration(rng.IntN(86400)) * time.Second)
				due := DueItems(r, now, months)
				maybe := h.MayBeDue(now, months)
				if len(due) > 0 && !maybe {
					t.Fatalf("record %d at %s (retention %d): DueItems has %q but the hint says no (%+v)", i, now, months, due[0].Reason, h)
				}
				if len(due) == 0 {
					empty++
					if !maybe {
						ruledOut++
					}
				}
			}
		}
	}
	if ruledOut*2 < empty {
		t.Errorf("the hint ruled out only %d of %d empty cases", ruledOut, empty)
	}
}

func TestDueHintCases(t *testing.T) {
	now := t0.AddDate(0, 1, 0)
	fresh := Record{Prospect: Prospect{Source: SourceCard, Created: now.AddDate(0, 0, -2)}}
	if HintDue(fresh).MayBeDue(now, 12) {
		t.Error("a business card from two days ago has nothing due for a year")
	}
	if !HintDue(fresh).MayBeDue(now.AddDate(0, 11, 10), 12) {
		t.Error("its retention end comes within the look-ahead eleven months later")
	}
	list := Record{Prospect: Prospect{Source: SourceList, Created: now.AddDate(0, 0, -2)}}
	if !HintDue(list).MayBeDue(now, 12) {
		t.Error("a bought list's Art. 14 notice is due from the start")
	}
	list.Events = []Event{{Kind: KindInformed, Time: now.AddDate(0, 0, -1)}}
	if HintDue(list).MayBeDue(now, 12) {
		t.Error("once informed, nothing is due")
	}
}
