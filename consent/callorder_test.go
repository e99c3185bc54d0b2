package consent

import (
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
