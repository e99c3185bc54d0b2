package store

// Benchmarks of the prospects list's sorting and filtering (List) on the
// shared 100,000-prospect fixture of bench_fixture_test.go.

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
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

// BenchmarkFacetsReadInTeam100k is that read at a rep of a team holding
// blocks (a copy of the fixture, linked, with one objection naming a
// prospect and 10,000 register entries naming nobody here): each prospect's
// email and phone are hashed and looked up among the blocks too
// (team_facets.go). Beside BenchmarkFacetsRead100k, the cost of the team.
func BenchmarkFacetsReadInTeam100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "team.db")
	raw, err := os.ReadFile(fixture100k(b))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		b.Fatal(err)
	}
	db := openWith(b, path, Options{}, benchPass)
	defer db.Close()
	if err := db.SetTeamLink(TeamLink{Index: teamTestKeys.Index, Blob: []byte(`{"secret":1}`)}, AuditEntry{Rep: "Bench", Action: "team-joined"}); err != nil {
		b.Fatal(err)
	}
	p, ok := db.Index().Cached(1)
	if !ok || p.Email == "" {
		b.Fatalf("prospect 1: %+v", p)
	}
	bs := []TeamBlockIn{{Key: "o", Member: "Ann", Hashes: TeamHashes(teamTestKeys, p), Block: consent.TeamBlock{Kind: consent.TeamObjection, Rep: "Ann", Time: time.Now()}}}
	for i := range 10_000 {
		h := sha256.Sum256(fmt.Appendf(nil, "register %d", i))
		bs = append(bs, TeamBlockIn{Key: fmt.Sprint(i), Member: "Ann", Hashes: [][]byte{h[:]}, Block: consent.TeamBlock{Kind: consent.TeamRegister, Rep: "Ann", Time: time.Now()}})
	}
	if _, err := db.ApplyTeamBlocks(bs, 1); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		db.mu.Lock()
		db.index.facets.built = false
		db.mu.Unlock()
		b.StartTimer()
		if err := db.Index().PrepareFacets(); err != nil {
			b.Fatal(err)
		}
	}
	if f, ok := db.Index().Facts(p.ID, time.Now()); !ok || f.Consent != RowObjected {
		b.Fatalf("the prospect the objection names reads %+v", f)
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

// BenchmarkCallList100k is the call list from the read model once the
// ledgers are read, as the Calls screen opens it: everyone with a phone
// number (about 76,000 of the fixture) and their order.
func BenchmarkCallList100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	if err := db.Index().ReadFacts(); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	var rows []CallEntry
	for b.Loop() {
		var err error
		if rows, err = db.Index().CallList(rows, 12); err != nil {
			b.Fatal(err)
		}
		consent.OrderCalls(rows, func(e *CallEntry) consent.CallKey {
			return consent.CallKey{Name: e.Name, Last: e.LastCall, Callback: e.Callback, Barred: e.Barred, RetentionEnds: e.RetentionEnds}
		}, func(e *CallEntry) uint64 { return e.ID }, now)
	}
	b.ReportMetric(float64(len(rows)), "rows")
}
