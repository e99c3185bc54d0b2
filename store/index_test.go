package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"warmlead/consent"
)

// TestSearchBlockMatchesNaiveFilter checks the block scan (two halves in
// parallel above parallelSearchMin) against a plain filter over entries.
func TestSearchBlockMatchesNaiveFilter(t *testing.T) {
	names := []string{"Jørgen Ångström", "Anna de Vries", "Łukasz Żółw", "Pieter Bakker", "Åsa Lindqvist", "Müller"}
	ix := newSearchIndex()
	for i := 1; i <= parallelSearchMin+5_003; i++ {
		ix.put(consent.Prospect{ID: uint64(i), Name: fmt.Sprintf("%s %d", names[i%len(names)], i), Company: fmt.Sprintf("Firma %d", i%97)})
	}
	ix.ensureSorted()
	for _, q := range []string{"a", "jorgen", "angstrom 1", "firma 9", "zolw 2500", "ller", "nobody", "9 bakker", "1"} {
		words := strings.Fields(consent.Fold(q))
		var got []uint64
		ix.match(words, func(i int) { got = append(got, ix.sorted[i].p.ID) })
		var want []uint64
		for _, e := range ix.sorted {
			all := true
			for _, w := range words {
				all = all && strings.Contains(e.hay, w)
			}
			if all {
				want = append(want, e.p.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: block scan found %d, filter %d", q, len(got), len(want))
		}
	}
}
