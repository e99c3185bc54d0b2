package cli

import (
	"path/filepath"
	"testing"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// BenchmarkReport1000 is `warmlead report --summaries` over 1,000 demo
// prospects (about ten events each): Records, then the team report with
// every consent summary, as Documents.TeamPDF makes it. Compare it with
// pdfreport's BenchmarkTeam1000WithSummaries (the same document from
// records in memory; target < 2 s) in the same run.
func BenchmarkReport1000(b *testing.B) {
	const n = 1000
	db, err := store.Create(filepath.Join(b.TempDir(), "w.db"), []byte("benchmark passphrase"), scaleSettings(), store.Options{KDF: store.FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := usecase.GenerateDemo(db, n, 1, "Bench Rep"); err != nil {
		b.Fatal(err)
	}
	docs := usecase.New(db, usecase.Env{Rep: func() string { return "Bench Rep" }}).Documents
	var size, pages int
	for b.Loop() {
		pdf, problems, err := docs.TeamPDF(pdfreport.Filter{}, true, "", nil)
		if err != nil || len(problems) > 0 {
			b.Fatalf("%v %v", problems, err)
		}
		size, pages = len(pdf), pdfreport.CountPages(pdf)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "prospects/s")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/(1<<20), "PDF-MB")
}

func scaleSettings() consent.Settings {
	s := consent.DefaultSettings()
	s.Rep, s.Company, s.Lang = "Bench Rep", "Acme BV", "nl"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/prefs"
	return s
}

// BenchmarkDemo2k is `warmlead demo --prospects 2000`: prospects through
// ImportProspects (2,000 per transaction), then each ledger through
// AppendEvents, one transaction (and fsync) per prospect, then Compact.
// est-100k-s extrapolates to the 100,000 of issue 9 (target: well under a
// minute).
func BenchmarkDemo2k(b *testing.B) {
	const n = 2000
	events := 0
	for b.Loop() {
		b.StopTimer()
		db, err := store.Create(filepath.Join(b.TempDir(), "w.db"), []byte("benchmark passphrase"), scaleSettings(), store.Options{KDF: store.FastKDF()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if events, err = usecase.GenerateDemo(db, n, 1, "Bench Rep"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	rate := float64(n*b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "prospects/s")
	b.ReportMetric(float64(events)/n, "events/prospect")
	b.ReportMetric(100_000/rate, "est-100k-s")
}
