package store

import (
	"fmt"
	"reflect"
	"testing"

	"warmlead/consent"
)

// TestImportKeepsUnreadPhonesInCardOrder: read on all cores, each card's
// number is read or kept as written exactly as one card read on its own
// (consent.Prospect.NormalizeKeepingUnreadPhone), and the notes name the
// kept ones in card order; without KeepUnreadPhones such a card fails
// alone, as before.
func TestImportKeepsUnreadPhonesInCardOrder(t *testing.T) {
	phones := []string{"+31 20 555 0100", "(0)20 555 0100", "020 555 0101", "555-0199", "", "+47 22 12 34 56", "0049 30 123456", "n/a 7"}
	for _, region := range []string{"NL", "US", "DE"} {
		t.Run(region, func(t *testing.T) {
			var items []ImportItem
			for i := range 2000 {
				items = append(items, ImportItem{File: "big.vcf", Number: i + 1, Prospect: consent.Prospect{
					Name: fmt.Sprint("Card ", i), Phone: phones[i%len(phones)], Source: consent.SourceList, ListVendor: "Lists Ltd"}})
			}
			var want []ImportProblem
			one := make([]consent.Prospect, len(items))
			for i, it := range items {
				one[i] = it.Prospect
				if kept, err := one[i].NormalizeKeepingUnreadPhone(region); err != nil {
					t.Fatal(err)
				} else if kept {
					want = append(want, NewImportProblem(it.File, it.Number, ProblemPhoneKept, consent.Msg(tPhoneKept, "Country", region)))
				}
			}
			if len(want) == 0 || len(want) == len(items) {
				t.Fatalf("%d kept of %d: the file should mix read and kept numbers", len(want), len(items))
			}

			db, _ := newTestDB(t, Options{})
			sum, err := db.ImportProspects(items, AddOptions{Rep: "Rita Rep", Region: region, AllowDuplicate: true, KeepUnreadPhones: true}, nil)
			if err != nil || sum.Imported != len(items) || sum.Failed != 0 {
				t.Fatalf("%s %v %v", sum.Line(), sum.Problems, err)
			}
			if len(sum.Notes) != len(want) {
				t.Fatalf("%d notes, one card at a time keeps %d", len(sum.Notes), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(sum.Notes[i], want[i]) {
					t.Fatalf("note %d: %+v, want %+v", i, sum.Notes[i], want[i])
				}
			}
			for i := range items {
				p, err := db.Prospect(uint64(i + 1))
				if err != nil || p.Phone != one[i].Phone || p.PhoneRaw != one[i].PhoneRaw || p.PhoneUnread() != (one[i].PhoneRaw != "") {
					t.Fatalf("card %d: phone %q raw %q (%v), on its own %q %q", i+1, p.Phone, p.PhoneRaw, err, one[i].Phone, one[i].PhoneRaw)
				}
			}

			strict, _ := newTestDB(t, Options{})
			sum, err = strict.ImportProspects(items, AddOptions{Rep: "Rita Rep", Region: region, AllowDuplicate: true}, nil)
			if err != nil || len(sum.Notes) != 0 || sum.Failed == 0 || sum.Failed > len(want) || sum.Imported+sum.Failed != len(items) {
				t.Fatalf("without KeepUnreadPhones: %s, %d notes, %v", sum.Line(), len(sum.Notes), err)
			}
			for _, p := range sum.Problems {
				if p.Code != ProblemInvalidPhone {
					t.Fatalf("without KeepUnreadPhones: %+v", p)
				}
			}
		})
	}
}
