package store

import (
	"testing"

	"warmlead/consent"
)

// BenchmarkCommitEvent is one event appended and committed (an fsync),
// the write the generation is bumped in.
func BenchmarkCommitEvent(b *testing.B) {
	db, err := Create(b.TempDir()+"/w.db", []byte(testPass), testSettings(), Options{KDF: FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p, err := db.AddProspect(consent.Prospect{Name: "Anna", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.Commit(Change{Prospect: p.ID, Events: []consent.Event{{Kind: consent.KindCallLogged, Rep: "r"}}}); err != nil {
			b.Fatal(err)
		}
	}
}
