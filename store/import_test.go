package store

import (
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

func TestImportProspectsCountsEachOutcome(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	existing := addTest(t, db, "Existing Erna", "", "erna@firm.example", "")
	gone := addTest(t, db, "Gone Gustav", "", "gustav@gone.example", "+31 20 555 0177")
	if err := db.Erase(gone.ID, "asked to be forgotten", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	card := func(n int, name, company, email, phone string) ImportItem {
		return ImportItem{File: "expo.vcf", Number: n, Prospect: consent.Prospect{Name: name, Company: company, Email: email, Phone: phone, Source: consent.SourceCard, Event: "Expo"}}
	}
	items := []ImportItem{
		card(1, "Nina Nieuw", "Nieuw BV", "nina@nieuw.example", "020 555 0101"),
		card(2, "Erna E.", "Firm BV", "ERNA@firm.example", ""),        // merges into Existing Erna, adds company
		card(3, "Gustav Again", "", "", "+31205550177"),               // erased earlier
		card(4, "Bad Mail", "", "not-an-address", ""),                 // fails alone
		card(5, "Nina Twice", "", "", "+31 20 555 0101"),              // matches card 1 of this import
		card(6, "Åse Ødegård", "Fjord AS", "ase@fjord.example", ""),   // non-ASCII imports
		card(7, "Åse Ø.", "", "ASE@fjord.example", "+47 22 12 34 56"), // matches card 6 by email, adds the phone
	}
	sum, err := db.ImportProspects(items, AddOptions{Rep: "Rita Rep", Region: "NL"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 2 || sum.Merged != 3 || sum.Suppressed != 1 || sum.Failed != 1 {
		t.Fatalf("summary = %s (%+v)", sum.Line(), sum.Problems)
	}
	if len(sum.Problems) != 2 || sum.Problems[0].Number != 3 || sum.Problems[1].Number != 4 || !strings.Contains(sum.Problems[1].String(), "expo.vcf, card 4") {
		t.Fatalf("problems = %+v", sum.Problems)
	}
	p, _ := db.Prospect(existing.ID)
	if p.Company != "Firm BV" || p.Name != "Existing Erna" {
		t.Fatalf("merge should fill the company and keep the name: %+v", p)
	}
	evs, _ := db.Events(existing.ID)
	if last := evs[len(evs)-1]; last.Kind != consent.KindRectified || last.Field != "company" {
		t.Fatalf("merge not recorded: %+v", last)
	}
	if got := db.Index().Search("ase odegard"); len(got) != 1 || got[0].Event != "Expo" {
		t.Fatalf("imported card not searchable: %+v", got)
	}
	if r, _ := db.Verify(); !r.OK() {
		t.Fatalf("verify after import: %v", r.Problems)
	}
	// The index entries written at the end of the import find the cards.
	for _, c := range [][2]string{{"nina@nieuw.example", ""}, {"", "+31205550101"}, {"ase@fjord.example", ""}, {"", "+4722123456"}} {
		if id, _ := db.FindByContact(c[0], c[1]); id == 0 {
			t.Errorf("no index entry for %v after import", c)
		}
	}
}

func TestSimilarNamesAtSameCompany(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	addTest(t, db, "Jørgen Ångström", "Nordlys AS", "", "")
	addTest(t, db, "Jørgen Ångström", "Other AS", "", "")
	cases := []struct {
		name, company string
		want          int
	}{
		{"Jorgen Angstrom", "nordlys as", 1},
		{"Jorgen Angstron", "Nordlys AS", 1},
		{"Jörg Angst", "Nordlys AS", 0},
		{"Jorgen Angstrom", "", 0},
		{"Jorgen Angstrom", "Unknown AS", 0},
	}
	for _, c := range cases {
		if got := db.Index().Similar(c.name, c.company); len(got) != c.want {
			t.Errorf("Similar(%q, %q) = %d, want %d", c.name, c.company, len(got), c.want)
		}
	}
}
