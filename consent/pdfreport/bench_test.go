package pdfreport

import (
	"io"
	"testing"
)

// BenchmarkSummary is one consent summary of a prospect with 20 events,
// fonts included (they are loaded per document). Target: < 50 ms.
func BenchmarkSummary(b *testing.B) {
	r := richRecord(7, "Jørgen Ångström", "Nordlys AS")
	chain := VerifyRecord(r)
	m := testMeta()
	for b.Loop() {
		if err := Summary(io.Discard, r, chain, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTeam1000WithSummaries is the team report of 1,000 prospects
// (2 to 18 consent events each) with every summary. Target: < 2 s.
func BenchmarkTeam1000WithSummaries(b *testing.B) {
	recs := team(1000)
	m := testMeta()
	for b.Loop() {
		if err := Team(io.Discard, recs, Filter{}, m, true, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontsOnly is the floor under every document: an empty page with
// the four fonts, as gofpdf loads and embeds them.
func BenchmarkFontsOnly(b *testing.B) {
	for b.Loop() {
		d := newDoc(testMeta())
		d.pdf.AddPage()
		if err := d.finish(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
