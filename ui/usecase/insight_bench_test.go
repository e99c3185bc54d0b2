package usecase

import (
	"path/filepath"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// BenchmarkInsight100k computes every insight figure over 100,000 demo
// prospects (about ten events each), beside the floor: the same streaming
// pass reading every record and doing nothing with it. The figures should
// cost little more than the floor (x-floor says how much), and a filter
// changed afterwards almost nothing (issue 16: fast at 100,000).
func BenchmarkInsight100k(b *testing.B) {
	const n = 100_000
	s := consent.DefaultSettings()
	s.Rep, s.Company = "Bench Rep", "Acme BV"
	db, err := store.Create(filepath.Join(b.TempDir(), "w.db"), []byte("benchmark passphrase"), s, store.Options{KDF: store.FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := GenerateDemo(db, n, 1, "Bench Rep"); err != nil {
		b.Fatal(err)
	}
	// One pass first, so neither side pays for a cold page cache.
	if _, err := db.ForEachRecord(func(consent.Record) error { return nil }); err != nil {
		b.Fatal(err)
	}
	var floor time.Duration
	b.Run("floor-read-every-record", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ForEachRecord(func(consent.Record) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
		floor = b.Elapsed() / time.Duration(b.N)
	})
	// The screen opened: a new family each time, so each computes its pass.
	b.Run("figures", func(b *testing.B) {
		for b.Loop() {
			if _, err := InsightOver(db, Env{}).Figures(InsightRequest{}); err != nil {
				b.Fatal(err)
			}
		}
		if floor > 0 {
			b.ReportMetric(float64(b.Elapsed()/time.Duration(b.N))/float64(floor), "x-floor")
		}
	})
	// A filter changed on the open screen: summed from the pass's cube.
	in := InsightOver(db, Env{})
	if _, err := in.Figures(InsightRequest{}); err != nil {
		b.Fatal(err)
	}
	from := time.Now().AddDate(0, -2, 0)
	from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.Local)
	b.Run("filter-changed", func(b *testing.B) {
		for b.Loop() {
			if _, err := in.Figures(InsightRequest{From: from}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
