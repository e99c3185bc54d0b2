package store

import (
	"slices"
	"testing"
	"time"

	"warmlead/consent"
)

// Every kind of write shows up in the journal: the prospects it touched, or
// all when it can touch anyone; and nothing else shows up.
func TestChanges(t *testing.T) {
	now := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		write func(t *testing.T, db *DB, jane, john consent.Prospect) []uint64 // the ids it must name; nil: all
	}{
		{"nothing", func(*testing.T, *DB, consent.Prospect, consent.Prospect) []uint64 { return []uint64{} }},
		{"an added prospect", func(t *testing.T, db *DB, _, _ consent.Prospect) []uint64 {
			return []uint64{addTest(t, db, "Anna Berg", "Beta", "anna@beta.example", "").ID}
		}},
		{"an edit", func(t *testing.T, db *DB, jane, _ consent.Prospect) []uint64 {
			if _, err := db.EditProspect(jane.ID, "title", "CTO", AddOptions{Rep: "Rita Rep"}); err != nil {
				t.Fatal(err)
			}
			return []uint64{jane.ID}
		}},
		{"a logged call", func(t *testing.T, db *DB, _, john consent.Prospect) []uint64 {
			ev := consent.Event{Kind: consent.KindCallLogged, Time: now, Outcome: consent.OutcomeCallBack, Callback: now.AddDate(0, 0, 2)}
			if _, err := db.AppendEvent(john.ID, ev); err != nil {
				t.Fatal(err)
			}
			return []uint64{john.ID}
		}},
		{"an import adding and merging", func(t *testing.T, db *DB, jane, _ consent.Prospect) []uint64 {
			items := []ImportItem{
				{File: "x.vcf", Number: 1, Prospect: consent.Prospect{Name: "Jane Doe", Company: "Acme", Email: jane.Email, Title: "CEO", Source: consent.SourceCard}},
				{File: "x.vcf", Number: 2, Prospect: consent.Prospect{Name: "Piet Smit", Company: "Gamma", Email: "piet@gamma.example", Source: consent.SourceCard}},
			}
			if _, err := db.ImportProspects(items, AddOptions{Rep: "Rita Rep", Region: "NL"}, nil); err != nil {
				t.Fatal(err)
			}
			piet := db.Index().Search("Piet")
			if len(piet) != 1 {
				t.Fatalf("import: %v", piet)
			}
			return []uint64{jane.ID, piet[0].ID}
		}},
		{"an erasure", func(t *testing.T, db *DB, jane, _ consent.Prospect) []uint64 {
			if err := db.Erase(jane.ID, "asked", "Rita Rep", now); err != nil {
				t.Fatal(err)
			}
			return []uint64{jane.ID}
		}},
		{"a merge", func(t *testing.T, db *DB, jane, john consent.Prospect) []uint64 {
			merged := jane
			merged.Title = "CEO"
			if _, err := db.MergeProspects(jane.ID, john.ID, merged, "Rita Rep", now); err != nil {
				t.Fatal(err)
			}
			return []uint64{jane.ID, john.ID}
		}},
		{"a suppression names whoever has the address", func(t *testing.T, db *DB, _, john consent.Prospect) []uint64 {
			if err := db.Suppress(john.Email, "", now); err != nil {
				t.Fatal(err)
			}
			return []uint64{john.ID}
		}},
		{"settings", func(t *testing.T, db *DB, _, _ consent.Prospect) []uint64 {
			s := testSettings()
			s.RetentionMonths = 6
			if err := db.SaveSettings(s); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
		{"a do-not-call register", func(t *testing.T, db *DB, _, _ consent.Prospect) []uint64 {
			if _, err := db.ImportDNC("NL Bel-me-niet", []string{"+31205550100"}, now); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
		{"team blocks", func(t *testing.T, db *DB, jane, _ consent.Prospect) []uint64 {
			linkTest(t, db)
			_, v, _ := db.Index().Changes(0)
			obj := TeamBlockIn{Key: "k1", Member: "Anna Berg", Hashes: TeamHashes(teamTestKeys, consent.Prospect{Phone: jane.Phone}),
				Block: consent.TeamBlock{Kind: consent.TeamObjection, Rep: "Anna Berg", Time: now}}
			if _, err := db.ApplyTeamBlocks([]TeamBlockIn{obj}, 5); err != nil {
				t.Fatal(err)
			}
			if _, _, all := db.Index().Changes(v); !all {
				t.Error("team blocks applied, but the journal can tell")
			}
			return nil
		}},
		{"a rekey", func(t *testing.T, db *DB, _, _ consent.Prospect) []uint64 {
			if err := db.Rekey([]byte("another good passphrase"), nil); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
		{"lock and unlock", func(t *testing.T, db *DB, _, _ consent.Prospect) []uint64 {
			db.Lock()
			if _, _, all := db.Index().Changes(1); !all {
				t.Error("locked, but the journal can tell")
			}
			if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := newTestDB(t, Options{})
			jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "+31205550100")
			john := addTest(t, db, "John Roe", "Acme", "john@acme.example", "+31205550101")
			if _, _, all := db.Index().Changes(0); !all {
				t.Fatal("since 0 must be all")
			}
			_, v, _ := db.Index().Changes(0)
			want := c.write(t, db, jane, john)
			ids, v2, all := db.Index().Changes(v)
			if v2 < v {
				t.Errorf("version went back: %d after %d", v2, v)
			}
			if want == nil {
				if !all {
					t.Errorf("want all, got %v", ids)
				}
				return
			}
			slices.Sort(want)
			if all || !slices.Equal(ids, want) {
				t.Errorf("Changes = %v (all %v), want %v", ids, all, want)
			}
			// Seen once, gone: the next reader with v2 sees nothing.
			if ids, _, all := db.Index().Changes(v2); all || len(ids) != 0 {
				t.Errorf("Changes(v2) = %v (all %v), want nothing", ids, all)
			}
		})
	}
}

// A duplicate kept beside an erased person reads as suppressed from then
// on: the journal names it too, although nobody wrote it.
func TestChangesErasureSuppressesDuplicate(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "")
	dup, err := db.AddProspect(consent.Prospect{Name: "J. Doe", Company: "Acme BV", Email: jane.Email, Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", AllowDuplicate: true})
	if err != nil {
		t.Fatal(err)
	}
	_, v, _ := db.Index().Changes(0)
	if err := db.Erase(jane.ID, "asked", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	r, err := db.Record(dup.ID)
	if err != nil || !r.Suppressed {
		t.Fatalf("the duplicate should read as suppressed: %v %v", r.Suppressed, err)
	}
	ids, _, all := db.Index().Changes(v)
	if all || !slices.Equal(ids, []uint64{jane.ID, dup.ID}) {
		t.Errorf("Changes = %v, want the duplicate %d too", ids, dup.ID)
	}
}

// Past changeJournalMax writes the journal cannot tell; a version from a
// previous unlock is never taken for a current one.
func TestChangesBounds(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "")
	_, v, _ := db.Index().Changes(0)
	db.mu.Lock()
	for range changeJournalMax + 1 {
		db.changes.note(jane.ID)
	}
	db.mu.Unlock()
	if _, _, all := db.Index().Changes(v); !all {
		t.Error("an overflowed journal must say all")
	}
	_, v, _ = db.Index().Changes(0)
	db.Lock()
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	if _, _, all := db.Index().Changes(v); !all {
		t.Error("a version from before the unlock must say all")
	}
	_, v2, _ := db.Index().Changes(0)
	if v2 <= v {
		t.Errorf("versions repeat across unlock: %d then %d", v, v2)
	}
}

// The candidates hold until the instant DueCandidatesUntil names: just
// before it the list is the same, at it the prospect left out comes in.
func TestDueCandidatesUntil(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	created := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	card, err := db.AddProspect(consent.Prospect{Name: "Carl Card", Email: "carl@card.example", Source: consent.SourceCard}, AddOptions{Rep: "Rita Rep", Now: created})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.AddProspect(consent.Prospect{Name: "Lars List", Email: "lars@list.example", Source: consent.SourceList}, AddOptions{Rep: "Rita Rep", Now: created})
	if err != nil {
		t.Fatal(err)
	}
	now := created.AddDate(0, 0, 1)
	ids, until, err := db.DueCandidatesUntil(now, 12)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []uint64{list.ID}) || until.IsZero() || !until.After(now) {
		t.Fatalf("at %s: %v until %s, want the list's notice only, until the card's retention nears", now, ids, until)
	}
	for _, at := range []time.Time{until.Add(-time.Second), now.AddDate(0, 6, 0)} {
		if got, _ := db.DueCandidates(at, 12); !slices.Equal(got, ids) {
			t.Errorf("at %s (before %s): %v, want %v", at, until, got, ids)
		}
	}
	if got, _ := db.DueCandidates(until, 12); !slices.Equal(got, []uint64{card.ID, list.ID}) {
		t.Errorf("at %s: %v, want the card too", until, got)
	}
	if _, until, _ := db.DueCandidatesUntil(until, 12); !until.IsZero() {
		t.Errorf("everyone is a candidate, yet the list may change at %s", until)
	}
}
