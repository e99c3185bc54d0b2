package consent

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// The call list's order, rule by rule.
func TestOrderCalls(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	type item struct {
		id uint64
		k  CallKey
	}
	at := func(h int) time.Time { return now.Add(time.Duration(h) * time.Hour) }
	cases := []struct {
		name string
		in   []item
		want []uint64
	}{
		{"a due call-back comes first, earliest first", []item{
			{1, CallKey{Name: "A", Last: at(-5)}}, {2, CallKey{Name: "B", Last: at(-1), Callback: at(3)}}, {3, CallKey{Name: "C", Last: at(-2), Callback: at(1)}}},
			[]uint64{3, 2, 1}},
		{"a call-back more than a day ahead waits its turn", []item{
			{1, CallKey{Name: "A", Last: at(-1), Callback: at(48)}}, {2, CallKey{Name: "B", Last: at(-3)}}},
			[]uint64{2, 1}},
		{"never called before called, then the oldest attempt", []item{
			{1, CallKey{Name: "A", Last: at(-1)}}, {2, CallKey{Name: "B", Last: at(-9)}}, {3, CallKey{Name: "C"}}},
			[]uint64{3, 2, 1}},
		{"then by name, then by id", []item{
			{4, CallKey{Name: "Bo"}}, {2, CallKey{Name: "Bo"}}, {3, CallKey{Name: "Al"}}},
			[]uint64{3, 2, 4}},
		{"the barred last, whatever their call-back, in the same order among themselves", []item{
			{1, CallKey{Name: "A", Last: at(-1), Callback: at(1), Barred: true}}, {2, CallKey{Name: "B", Last: at(-1)}},
			{3, CallKey{Name: "C", Barred: true}}, {4, CallKey{Name: "D", Last: at(-2), Callback: at(2)}}},
			[]uint64{4, 2, 1, 3}},
		{"retention over is barred from its end on: an hour before it they keep their place", []item{
			{1, CallKey{Name: "A", Last: at(-1), Callback: at(1), RetentionEnds: at(0)}}, {2, CallKey{Name: "B", RetentionEnds: at(-900)}},
			{3, CallKey{Name: "C", Last: at(-2), RetentionEnds: at(1)}}, {4, CallKey{Name: "D", Barred: true}}, {5, CallKey{Name: "E", Last: at(-3)}}},
			[]uint64{5, 3, 1, 2, 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			OrderCalls(c.in, func(x *item) CallKey { return x.k }, func(x *item) uint64 { return x.id }, now)
			for i, x := range c.in {
				if x.id != c.want[i] {
					t.Fatalf("got %v, want %v", c.in, c.want)
				}
			}
		})
	}
}

// TestCompareCallsMovesOneRow: a list ordered by OrderCalls, with one
// person's key changed (a call logged, a call-back asked) and the person
// put back by a binary search with CompareCalls, is the list OrderCalls
// makes of the changed keys.
func TestCompareCallsMovesOneRow(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	type item struct {
		id uint64
		k  CallKey
	}
	rnd := rand.New(rand.NewPCG(7, 16))
	keyAt := func() CallKey {
		k := CallKey{Name: string(rune('a' + rnd.IntN(5)))}
		if rnd.IntN(3) > 0 {
			k.Last = now.Add(-time.Duration(rnd.IntN(100)) * time.Hour)
		}
		if rnd.IntN(4) == 0 {
			k.Callback = now.Add(time.Duration(rnd.IntN(72)-24) * time.Hour) // due or not yet
		}
		k.Barred = rnd.IntN(5) == 0
		return k
	}
	order := func(items []item) {
		OrderCalls(items, func(x *item) CallKey { return x.k }, func(x *item) uint64 { return x.id }, now)
	}
	for round := range 200 {
		items := make([]item, 1+rnd.IntN(40))
		for i := range items {
			items[i] = item{uint64(i + 1), keyAt()}
		}
		order(items)
		at := rnd.IntN(len(items))
		moved := item{items[at].id, keyAt()}
		rest := slices.Delete(slices.Clone(items), at, at+1)
		pos, _ := slices.BinarySearchFunc(rest, moved, func(x, y item) int { return CompareCalls(x.k, y.k, x.id, y.id, now) })
		got := slices.Insert(rest, pos, moved)
		want := slices.Clone(items)
		want[at] = moved
		order(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: moving id %d gave %v, OrderCalls %v", round, moved.id, got, want)
		}
	}
}

// A record is barred from the call list's top by an objection, a "do not
// call" said on a call (to this rep or another member), or its number on a
// register; nothing else. Its retention end is the policy's.
func TestCallKeyOfBarred(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		r    Record
		want bool
	}{
		{"nothing recorded", Record{}, false},
		{"a call with a call-back", Record{Events: []Event{{Kind: KindCallLogged, Time: at, Outcome: OutcomeCallBack, Callback: at.Add(time.Hour)}}}, false},
		{"an objection", Record{Events: []Event{{Kind: KindObjection, Time: at}}}, true},
		{"do not call, said on a call", Record{Events: []Event{{Kind: KindCallLogged, Time: at, Outcome: OutcomeDoNotCall}}}, true},
		{"a register hit", Record{DNC: &DNCHit{}}, true},
		{"a withdrawn consent (other channels may still be open)", Record{Events: []Event{{Kind: KindConsentWithdrawn, Time: at}}}, false},
		{"an objection to another member", Record{TeamBlocks: []TeamBlock{{Kind: TeamObjection, Rep: "Anna", Time: at}}}, true},
		{"do not call, said to another member", Record{TeamBlocks: []TeamBlock{{Kind: TeamDoNotCall, Rep: "Anna", Time: at}}}, true},
		{"a register the team's manager published", Record{TeamBlocks: []TeamBlock{{Kind: TeamRegister, Register: "NIX", Time: at}}}, true},
		{"an introduction declined to another member (its own rule)", Record{TeamBlocks: []TeamBlock{{Kind: TeamDeclined, Rep: "Anna", Time: at}}}, false},
	} {
		k := CallKeyOf(c.r, 12)
		if k.Barred != c.want {
			t.Errorf("%s: barred %v, want %v", c.name, k.Barred, c.want)
		}
		if want := RetentionEnds(c.r, 12); !k.RetentionEnds.Equal(want) {
			t.Errorf("%s: retention ends %v, want %v", c.name, k.RetentionEnds, want)
		}
	}
}

// OrderCalls moves the items in place; the result is the items sorted by
// CompareCalls, every one kept once, for lists of every small length and
// random keys (cycles of every length in the permutation).
func TestOrderCallsInPlace(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	rnd := rand.New(rand.NewPCG(3, 16))
	type item struct {
		id uint64
		k  CallKey
	}
	for n := range 60 {
		items := make([]item, n)
		for i := range items {
			k := CallKey{Name: string(rune('a' + rnd.IntN(6))), Barred: rnd.IntN(5) == 0}
			if rnd.IntN(2) == 0 {
				k.Last = now.Add(-time.Duration(rnd.IntN(100)) * time.Hour)
			}
			if rnd.IntN(4) == 0 {
				k.Callback = now.Add(time.Duration(rnd.IntN(48)) * time.Hour)
			}
			if rnd.IntN(6) == 0 {
				k.RetentionEnds = now.Add(time.Duration(rnd.IntN(10)-5) * time.Hour)
			}
			items[i] = item{uint64(i + 1), k}
		}
		want := slices.Clone(items)
		slices.SortFunc(want, func(a, b item) int { return CompareCalls(a.k, b.k, a.id, b.id, now) })
		OrderCalls(items, func(x *item) CallKey { return x.k }, func(x *item) uint64 { return x.id }, now)
		if !slices.EqualFunc(items, want, func(a, b item) bool { return a.id == b.id }) {
			t.Fatalf("%d items: got %v, want %v", n, items, want)
		}
	}
}
