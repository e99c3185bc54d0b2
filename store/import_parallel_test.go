package store

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

var parallelNow = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

// parallelFixture is a database with prospects to merge into and an erased
// person, made the same way every time (fixed clock), so two databases
// built from it can be compared after an import.
func parallelFixture(t *testing.T) *DB {
	t.Helper()
	db, _ := newTestDB(t, Options{})
	o := AddOptions{Rep: "Rita Rep", Region: "NL", Now: parallelNow.Add(-time.Hour)}
	for _, p := range []consent.Prospect{
		{Name: "Existing Erna", Email: "erna@firm.example", Source: consent.SourceCard},
		{Name: "Hans Haus", Company: "Haus GmbH", Source: consent.SourceCard}, // name and company only
		{Name: "Gone Gustav", Email: "gustav@gone.example", Phone: "+31 20 555 0177", Source: consent.SourceCard},
	} {
		if _, err := db.AddProspect(p, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Erase(3, "asked to be forgotten", "Rita Rep", parallelNow.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	return db
}

// mixedImport is n cards cycling through every outcome an import has:
// new, invalid (email, phone, name), a duplicate of an earlier card of the
// file by email or phone (merged into a prospect created by this import),
// a merge into an existing prospect, name-only cards merging by name (into
// the database's and this file's), the erased person, and web-form grants
// on new and on merged cards.
func mixedImport(n int) []ImportItem {
	grants := func(p consent.Purpose) []consent.Event {
		return []consent.Event{{Time: parallelNow.Add(-48 * time.Hour), Rep: "Rita Rep", Kind: consent.KindConsentGranted,
			Purpose: p, Channel: consent.ChannelEmail, Method: consent.MethodWebForm, Evidence: "form.csv"}}
	}
	var items []ImportItem
	for i := range n {
		p := consent.Prospect{Source: consent.SourceCard, Event: " Expo "}
		var g []consent.Event
		switch i % 12 {
		case 0:
			p.Name, p.Email, p.Phone = fmt.Sprintf("Åse Ødegård %d", i), fmt.Sprintf("ase%d@fjord.example", i), fmt.Sprintf("+47 22 %06d", i)
		case 1:
			p.Name, p.Email = "Bad Mail", "not-an-address"
		case 2: // card i-2 again, by email in other case: adds a title
			p.Name, p.Title, p.Email = "Åse Ø.", "Inkoper", fmt.Sprintf("ASE%d@fjord.example", i-2)
		case 3: // the existing Erna: adds a phone, which card 11 then matches
			p.Name, p.Email, p.Phone = "Erna E.", "ERNA@firm.example", fmt.Sprintf("020 555 %04d", i%10000)
		case 4:
			p.Name, p.Phone = "Gustav Again", "+31205550177"
		case 5: // name only: the first of each name is new, the rest merge
			p.Name, p.Company = fmt.Sprintf("Nomen %d", i%5), "Nescio BV"
		case 6:
			p.Name, p.Email, g = fmt.Sprintf("Web %d", i), fmt.Sprintf("web%d@form.example", i), grants(consent.PurposeNewsletter)
		case 7: // card i-1 again, with the same grant (not news) and another
			p.Name, p.Email = "Web again", fmt.Sprintf("web%d@form.example", i-1)
			g = append(grants(consent.PurposeNewsletter), grants(consent.PurposeEvents)...)
		case 8: // by phone into card i-8 (created by this import): adds a company
			p.Name, p.Company, p.Phone = "Phone twin", "Fjord AS", fmt.Sprintf("+47 22 %06d", i-8)
		case 9:
			p.Name, p.Phone = "Bad Phone", "12"
		case 10:
			p.Email = fmt.Sprintf("nameless%d@x.example", i)
		case 11:
			p.Name, p.Phone = "Hans again", fmt.Sprintf("+31 20 555 %04d", (i-8)%10000)
			if i%24 == 23 {
				p.Name, p.Company, p.Phone = "HANS  HAUS", "haus gmbh", ""
			}
		}
		items = append(items, ImportItem{File: "expo.vcf", Number: i + 1, Prospect: p, Grants: g})
	}
	return items
}

// importOutcome is everything an import leaves behind, in plain text: the
// summary with its problems and notes, every prospect and ledger, which
// prospect each contact finds, the index buckets' sizes and the in-memory
// name index.
func importOutcome(t *testing.T, db *DB, n int, sum ImportSummary) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s, grants %d\n", sum.Line(), sum.Grants)
	for _, list := range [][]ImportProblem{sum.Problems, sum.Notes} {
		for _, p := range list {
			fmt.Fprintf(&b, "%s [%s] %#v\n", p, p.Code, p.Msg)
		}
	}
	for id := uint64(1); id <= uint64(3+n); id++ { // the fixture's 3, then at most one per card
		p, err := db.Prospect(id)
		if _, gone := err.(noProspect); gone {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		pj, _ := json.Marshal(p)
		ej, _ := json.Marshal(evs)
		byEmail, _ := db.FindByContact(p.Email, "")
		byPhone, _ := db.FindByContact("", p.Phone)
		fmt.Fprintf(&b, "%s\n%s\nfound %d %d\n", pj, ej, byEmail, byPhone)
	}
	db.view(func(tx *bolt.Tx) error {
		fmt.Fprintf(&b, "index %d %d\n", tx.Bucket(bIdxEmail).Stats().KeyN, tx.Bucket(bIdxPhone).Stats().KeyN)
		return nil
	})
	db.mu.RLock()
	keys := make([]string, 0, len(db.index.byNameCo))
	for k, id := range db.index.byNameCo {
		keys = append(keys, fmt.Sprintf("%q=%d", k, id))
	}
	db.mu.RUnlock()
	slices.Sort(keys)
	b.WriteString(strings.Join(keys, " "))
	return b.String()
}

// TestImportParallelIsSequential: an import on several cores leaves
// exactly what it leaves on one (where every step runs in card order), for
// files smaller than a worker's share and spread over many, with and
// without keeping duplicates. WARMLEAD_IMPORT_OUTCOME=dir writes the
// outcomes, to compare with another version of the store.
func TestImportParallelIsSequential(t *testing.T) {
	cases := []struct {
		name string
		n    int
		o    AddOptions
	}{
		{"a few cards", 30, AddOptions{}},
		{"many chunks", 5*parallelChunk + 17, AddOptions{}},
		{"many chunks, keep both", 3*parallelChunk + 5, AddOptions{AllowDuplicate: true}},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			o.Rep, o.Region, o.Now = "Rita Rep", "NL", parallelNow
			items := mixedImport(tc.n)
			var want string
			for _, procs := range []int{1, 2, 5} {
				runtime.GOMAXPROCS(procs)
				db := parallelFixture(t)
				var calls, last int
				sum, err := db.ImportProspects(items, o, func(done, total int) {
					if done < last || total != len(items) {
						t.Errorf("progress %d/%d after %d", done, total, last)
					}
					calls, last = calls+1, done
				})
				if err != nil {
					t.Fatal(err)
				}
				if calls < 2 || last != len(items) {
					t.Errorf("%d procs: %d progress calls, last %d", procs, calls, last)
				}
				if sum.Imported == 0 || sum.Failed == 0 || sum.Suppressed == 0 || sum.Grants == 0 || (!o.AllowDuplicate && (sum.Merged == 0 || len(sum.Notes) == 0)) {
					t.Fatalf("the file misses an outcome: %s, grants %d, notes %d", sum.Line(), sum.Grants, len(sum.Notes))
				}
				if r, err := db.Verify(); err != nil || !r.OK() {
					t.Fatalf("verify: %v %v", err, r.Problems)
				}
				got := importOutcome(t, db, len(items), sum)
				if dir := os.Getenv("WARMLEAD_IMPORT_OUTCOME"); dir != "" && procs == 1 {
					os.WriteFile(fmt.Sprintf("%s/%s.txt", dir, strings.ReplaceAll(tc.name, " ", "_")), []byte(got), 0o600)
				}
				if procs == 1 {
					want = got
				} else if got != want {
					t.Fatalf("%d procs differ from one:\n%s", procs, firstDiff(got, want))
				}
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestImportRedoesKeysChangedMeanwhile: when the database's blind index
// key changes between an import's work on all cores and its transaction (a
// backup with other keys restored meanwhile), the keys are computed again,
// so every new prospect is found by its contacts under the key in force.
func TestImportRedoesKeysChangedMeanwhile(t *testing.T) {
	db := parallelFixture(t)
	defer func(f func()) { importPrepared = f }(importPrepared)
	importPrepared = func() {
		db.mu.Lock()
		db.idxKey = subkey(db.dataKey, "another blind index")
		db.mu.Unlock()
	}
	items := mixedImport(2 * parallelChunk)
	// Keeping duplicates, no card merges (a merge rewrites its prospect's
	// index entries anyway): each entry is one the import computed.
	sum, err := db.ImportProspects(items, AddOptions{Rep: "Rita Rep", Region: "NL", Now: parallelNow, AllowDuplicate: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for id := uint64(4); id <= uint64(3+len(items)); id++ {
		p, err := db.Prospect(id)
		if err != nil {
			continue
		}
		if byEmail, _ := db.FindByContact(p.Email, ""); p.Email != "" && byEmail == 0 {
			t.Fatalf("prospect %d not found by email under the key in force", id)
		}
		if byPhone, _ := db.FindByContact("", p.Phone); p.Phone != "" && byPhone == 0 {
			t.Fatalf("prospect %d not found by phone under the key in force", id)
		}
		found++
	}
	if found != sum.Imported || found < parallelChunk/2 {
		t.Fatalf("%d prospects read, %s", found, sum.Line())
	}
	if (prepared{idx: []byte("old"), sup: db.supKey}).current(db) {
		t.Error("other keys taken for the database's")
	}
}
