package store

// Today's list at 100,000 prospects: the candidates from the deadline
// hints, then DueItems over their ledgers only, beside DueItems over every
// ledger (what Today did before the hints).

import (
	"testing"
	"time"

	"warmlead/consent"
)

func BenchmarkDueList100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	if err := db.Index().PrepareFacets(); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	count := func(b *testing.B, each func(func(consent.Record) error) ([]error, error)) int {
		n := 0
		if _, err := each(func(r consent.Record) error {
			n += len(consent.DueItems(r, now, 12))
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		return n
	}
	var want int
	b.Run("every-ledger", func(b *testing.B) {
		for b.Loop() {
			want = count(b, db.ForEachRecord)
		}
		b.ReportMetric(float64(want), "items")
	})
	b.Run("hinted", func(b *testing.B) {
		var got, candidates int
		for b.Loop() {
			ids, err := db.DueCandidates(now, 12)
			if err != nil {
				b.Fatal(err)
			}
			candidates = len(ids)
			got = count(b, func(fn func(consent.Record) error) ([]error, error) { return db.ForEachRecordOf(ids, fn) })
		}
		if want != 0 && got != want {
			b.Fatalf("hinted list has %d items, every ledger %d", got, want)
		}
		b.ReportMetric(float64(got), "items")
		b.ReportMetric(float64(candidates), "ledgers-read")
	})
}
