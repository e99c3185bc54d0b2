package usecase

import (
	"fmt"
	"reflect"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

// TestKeepUnreadPhonesInCardOrder: read on several cores, a large file's
// phones are kept or read card by card as one loop would, and the warnings
// come in card order, for each country.
func TestKeepUnreadPhonesInCardOrder(t *testing.T) {
	phones := []string{"+31 20 555 0100", "(0)20 555 0100", "020 555 0101", "555-0199", "", "+47 22 12 34 56", "0049 30 123456", "n/a 7"}
	for _, region := range []string{"NL", "US", "DE"} {
		t.Run(region, func(t *testing.T) {
			var r ReadResult
			for i := range 2000 {
				r.Items = append(r.Items, store.ImportItem{File: "big.vcf", Number: i + 1,
					Prospect: consent.Prospect{Name: fmt.Sprint("Card ", i), Phone: phones[i%len(phones)]}})
			}
			want := ReadResult{Items: append([]store.ImportItem(nil), r.Items...)}
			for i := range want.Items {
				it := &want.Items[i]
				it.Prospect.ListVendor = "Lists Ltd"
				if consent.KeepUnreadPhone(&it.Prospect, region) {
					want.Warnings = append(want.Warnings, store.NewImportProblem(it.File, it.Number, ProblemPhoneKept,
						consent.Msg(tplPhoneKept.Text, "Country", region)))
				}
			}
			if len(want.Warnings) == 0 || len(want.Warnings) == len(want.Items) {
				t.Fatalf("%d warnings of %d: the file should mix read and kept numbers", len(want.Warnings), len(want.Items))
			}
			r.keepUnreadPhones(region, "Lists Ltd")
			if !reflect.DeepEqual(r, want) {
				t.Fatalf("%d warnings, one loop gives %d (or the items differ)", len(r.Warnings), len(want.Warnings))
			}
		})
	}
}
