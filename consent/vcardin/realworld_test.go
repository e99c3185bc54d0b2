package vcardin

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// realworldDir holds vCards exported by real phones, mail clients and
// address books, collected from other projects' test fixtures (see its
// SOURCES.md). It lives outside the project and is never copied in.
const realworldDir = "../../../shared/testdata/vcards-realworld"

type realworldRow struct {
	file, fn, email string
	count           int
	uncertain       bool
	note            string
}

func readExpected(t testing.TB) []realworldRow {
	f, err := os.Open(filepath.Join(realworldDir, "expected.tsv"))
	if os.IsNotExist(err) {
		t.Skip("real-world vCards not present at " + realworldDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []realworldRow
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 4 {
			continue
		}
		for len(cols) < 6 {
			cols = append(cols, "")
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			t.Fatalf("expected.tsv: bad count in %q", sc.Text())
		}
		rows = append(rows, realworldRow{file: cols[0], count: n, fn: cols[2], email: cols[3], uncertain: cols[4] == "?", note: cols[5]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// alternatives are the other readings that expected.tsv's note allows for
// rows marked uncertain ("?"). Only those rows may use them.
var alternatives = map[string]struct {
	counts        []int
	fns, emails   []string
	anyFN, noCard bool
}{
	// 2.1 keeps backslashes; a 3.0-style unescape would drop them.
	"CyanogenMod__android_frameworks_opt_vcard__v21_backslash.vcf": {fns: []string{`A;B\C;D:E\`}},
	// The address part of `"Omega" <omega@example.com>`.
	"CyanogenMod__android_frameworks_opt_vcard__v21_invalid_multiple_line.vcf": {emails: []string{"omega@example.com"}},
	// Two cards nested in a parent: we read parent, nest1 and nest2.
	"CyanogenMod__android_frameworks_opt_vcard__v21_nest.vcf": {counts: []int{3}},
	// No valid BEGIN, but the lines end in END:VCARD: read as John Doe.
	"l0b0__vcard__dot_at_line_start.vcf": {fns: []string{"John Doe"}},
	"l0b0__vcard__invalid_begin.vcf":     {fns: []string{"John Doe"}},
}

// deliberate lists where this importer knowingly differs from
// expected.tsv, and why. The card count still matches: the card is a
// Failure instead of a Card.
var deliberate = map[string]string{
	"nextcloud__contacts__FakeName.vcf": "card 1 is an Apple contact group (KIND:group) named macOS; a group is not a prospect, so it is a Failure",
}

func TestRealWorld(t *testing.T) {
	rows := readExpected(t)
	if len(rows) < 79 {
		t.Errorf("expected.tsv has %d rows, want 79", len(rows))
	}
	for _, row := range rows {
		t.Run(row.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(realworldDir, row.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := Parse(f, DefaultLimits())
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			alt := alternatives[row.file]
			if !row.uncertain && alternatives[row.file].counts != nil {
				t.Fatal("alternatives given for a row not marked uncertain")
			}
			got := len(res.Cards) + len(res.Failures)
			if got != row.count && !(row.uncertain && slices.Contains(alt.counts, got)) {
				t.Errorf("cards+failures = %d+%d, want %d (%s)", len(res.Cards), len(res.Failures), row.count, row.note)
			}
			checkNumbers(t, res)
			if row.count == 0 {
				return
			}
			var first *Card
			if len(res.Cards) > 0 && res.Cards[0].Number == 1 {
				first = &res.Cards[0]
			}
			if first == nil {
				if why, ok := deliberate[row.file]; ok {
					t.Logf("deliberate: %s", why)
					return
				}
				if row.fn != "-" || row.email != "-" {
					t.Fatalf("card 1 failed (%v), want FN %q email %q", res.Failures, row.fn, row.email)
				}
				return
			}
			if row.fn != "-" && first.Name != row.fn && !(row.uncertain && slices.Contains(alt.fns, first.Name)) {
				t.Errorf("card 1 name = %q, want FN %q (%s)", first.Name, row.fn, row.note)
			}
			var email string
			if len(first.Emails) > 0 {
				email = first.Emails[0]
			}
			want := row.email
			if want == "-" {
				want = ""
			}
			if email != want && !(row.uncertain && slices.Contains(alt.emails, email)) {
				t.Errorf("card 1 first email = %q, want %q (%s)", email, want, row.note)
			}
		})
	}
}

// checkNumbers checks that every card number appears once, counting up
// from 1 over Cards and Failures together.
func checkNumbers(t *testing.T, res Result) {
	t.Helper()
	var nums []int
	for _, c := range res.Cards {
		nums = append(nums, c.Number)
	}
	for _, f := range res.Failures {
		nums = append(nums, f.Number)
	}
	slices.Sort(nums)
	for i, n := range nums {
		if n != i+1 {
			t.Fatalf("card numbers %v are not 1..%d", nums, len(nums))
		}
	}
}
