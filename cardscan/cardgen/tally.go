package cardgen

import (
	"fmt"
	"slices"
	"strings"
)

// MainFields are the five fields a saved card prospect holds, the ones the
// issue sets accuracy targets for.
var MainFields = []string{"name", "company", "title", "email", "phone"}

// Floors are the end-to-end tests' pass marks on a few dozen photos: a
// little under the targets (email 97%, phone 95%, name 90%, company 85%,
// title 80%), since one miss in 20 is already 5 points. Cards with a QR
// code must all be right.
var Floors = map[string]float64{"email": 0.9, "phone": 0.9, "name": 0.85, "company": 0.8, "title": 0.7}

// Field is the truth's value of one of MainFields (or mobile, fax, web).
func (t Truth) Field(f string) string {
	return map[string]string{"name": t.Name, "company": t.Company, "title": t.Title, "email": t.Email,
		"phone": t.Phone, "mobile": t.Mobile, "fax": t.Fax, "web": t.Web}[f]
}

// Tally scores what a reader (or a whole path: the scan command, the
// review screen) produced against the truth, field by field.
type Tally struct {
	Cards            int
	Right, Total     map[string]int
	QRCards, QRRight int      // cards with a QR code, and those with all MainFields right
	Misses           []string // "card-007.jpg title: want → got" (synthetic data: no one's)
}

// Add scores one card: got holds the MainFields as read or saved.
func (y *Tally) Add(t Truth, got map[string]string) {
	if y.Right == nil {
		y.Right, y.Total = map[string]int{}, map[string]int{}
	}
	y.Cards++
	all := true
	for _, f := range MainFields {
		want := t.Field(f)
		if want == "" {
			continue
		}
		y.Total[f]++
		if Same(f, want, got[f]) {
			y.Right[f]++
			continue
		}
		all = false
		y.Misses = append(y.Misses, fmt.Sprintf("%s %s: %q → %q", t.File, f, want, got[f]))
	}
	if t.QR != "" {
		y.QRCards++
		if all {
			y.QRRight++
		}
	}
}

// Rate is the share of the cards with field f whose f was right (1 when
// none had it).
func (y *Tally) Rate(f string) float64 {
	if y.Total[f] == 0 {
		return 1
	}
	return float64(y.Right[f]) / float64(y.Total[f])
}

// Short lists, one a sentence, the fields under their floor and a QR card
// with a field wrong; none when the tally passes.
func (y *Tally) Short(floors map[string]float64) []string {
	var out []string
	for _, f := range MainFields {
		if least, ok := floors[f]; ok && y.Rate(f) < least {
			out = append(out, fmt.Sprintf("%s: %d of %d right (%.0f%%), want at least %.0f%%", f, y.Right[f], y.Total[f], 100*y.Rate(f), 100*least))
		}
	}
	if y.QRRight != y.QRCards {
		out = append(out, fmt.Sprintf("cards with a QR code: %d of %d right, want all", y.QRRight, y.QRCards))
	}
	return out
}

// String is the tally on one line: "email 20/20 (100%), …; QR 6/6".
func (y *Tally) String() string {
	parts := make([]string, 0, len(MainFields))
	for _, f := range slices.Sorted(slices.Values(MainFields)) {
		parts = append(parts, fmt.Sprintf("%s %d/%d (%.0f%%)", f, y.Right[f], y.Total[f], 100*y.Rate(f)))
	}
	return fmt.Sprintf("%d cards: %s; QR cards %d/%d", y.Cards, strings.Join(parts, ", "), y.QRRight, y.QRCards)
}
