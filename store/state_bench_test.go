package store

import (
	"path/filepath"
	"testing"

	"warmlead/consent"
)

// The cost of the authenticated state per write (issue 20), run on the
// code before it and after in the same session: one event per
// transaction (the fsync is most of it, as in the app), and 1,000 events
// per transaction (AppendLedgers), where the CPU work per event shows.
func benchLedgerDB(b *testing.B) (*DB, uint64) {
	db, err := Create(filepath.Join(b.TempDir(), "w.db"), []byte(testPass), testSettings(), Options{KDF: FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	p, err := db.AddProspect(consent.Prospect{Name: "Bench Bo", Company: "Bench AB", Email: "bo@bench.example", Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", Region: "NL"})
	if err != nil {
		b.Fatal(err)
	}
	return db, p.ID
}

func benchEvent() consent.Event {
	return consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodSigned, Evidence: "signed at the stand"}
}

func BenchmarkAppendEvent(b *testing.B) {
	db, id := benchLedgerDB(b)
	for b.Loop() {
		if _, err := db.AppendEvent(id, benchEvent()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendLedgers1000(b *testing.B) {
	db, id := benchLedgerDB(b)
	ev := make([]consent.Event, 1000)
	for i := range ev {
		ev[i] = benchEvent()
	}
	for b.Loop() {
		if err := db.AppendLedgers([]uint64{id}, [][]consent.Event{ev}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "events/s")
}
