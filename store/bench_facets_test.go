package store

// Benchmarks of the prospects list's sorting and filtering (List) on the
// shared 100,000-prospect fixture of bench_fixture_test.go.

import (
	"testing"
	"time"

	"warmlead/consent"
)

// BenchmarkFacetsRead100k is the one-off read of every ledger (a million
// events) into the facets, as the first List needing them after an unlock
// does, or PrepareFacets ahead of it, when the file holds no fresh facet
// snapshot (each unlock here forgets the one it loaded).
func BenchmarkFacetsRead100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	for b.Loop() {
		b.StopTimer()
		db.Lock()
		if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
			b.Fatal(err)
		}
		db.mu.Lock()
		db.index.facets.built = false
		db.mu.Unlock()
		b.StartTimer()
		if err := db.Index().PrepareFacets(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchProspects*b.N)/b.Elapsed().Seconds(), "ledgers/s")
}

// BenchmarkList100k times List once the ledgers are read: the cost of
// changing a filter, or of a keystroke with the order and filters set.
// The after-write cases add one event first, as after a logged call: that
// ledger is re-read and the order rebuilt, which the next query pays.
func BenchmarkList100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	if err := db.Index().PrepareFacets(); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    ListQuery
	}{
		{"name", ListQuery{}},
		{"name-card", ListQuery{Source: consent.SourceCard}},
		{"company", ListQuery{Order: OrderCompany}},
		{"company-withconsent", ListQuery{Order: OrderCompany, Consent: WithConsent}},
		{"lastcontact", ListQuery{Order: OrderLastContact}},
		{"lastcontact-list-objected", ListQuery{Order: OrderLastContact, Source: consent.SourceList, Consent: ObjectedOrWithdrawn}},
		{"lastcontact-dnc", ListQuery{Order: OrderLastContact, Consent: OnDoNotCall}},
		{"company-text-an", ListQuery{Order: OrderCompany, Text: "an"}},
		{"lastcontact-text-berg-withoutconsent", ListQuery{Order: OrderLastContact, Text: "berg", Consent: WithoutConsent}},
	} {
		b.Run(c.name, func(b *testing.B) {
			// Once untimed: the first query after a change builds the
			// order (the after-write cases below time that).
			dst, err := db.Index().List(c.q, nil)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if dst, err = db.Index().List(c.q, dst); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(dst)), "rows")
		})
	}
	for _, q := range []ListQuery{{Order: OrderLastContact, Consent: WithConsent}, {Order: OrderCompany}} {
		name := map[ListOrder]string{OrderLastContact: "lastcontact-withconsent-after-write", OrderCompany: "company-after-write"}[q.Order]
		b.Run(name, func(b *testing.B) { benchAfterWrite(b, db, q) })
	}
}

func benchAfterWrite(b *testing.B, db *DB, q ListQuery) {
	var dst []uint64
	var err error
	for b.Loop() {
		b.StopTimer()
		if _, err := db.AppendEvent(1, consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeVoicemail, Rep: "Rita Rep", Time: time.Now()}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if dst, err = db.Index().List(q, dst); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(dst)), "rows")
}
