package pdfreport

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/*.golden.txt from this build")

// The text of small team reports, as pdftotext reads it (plain and with
// -layout), is what testdata holds: how the pages are kept in memory and
// compressed (pagestream.go, deflate.go) must not change a word or a
// position of what a reader sees. `go test -run TestTeamTextGolden
// -update` rewrites the files after a change of the content itself.
func TestTeamTextGolden(t *testing.T) {
	cases := []struct {
		name      string
		n         int
		summaries bool
	}{
		{"team-300", 300, false},        // a table of 300 rows, 7 pages
		{"team-12-summaries", 12, true}, // a table and 12 ledgers' pages
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeDoc(t, c.name+".pdf", func(b *bytes.Buffer) error {
				return Team(b, team(c.n), Filter{}, testMeta(), c.summaries, nil)
			})
			for _, mode := range []struct {
				suffix string
				args   []string
			}{{"", nil}, {"-layout", []string{"-layout"}}} {
				got := pdfText(t, path, mode.args...)
				file := filepath.Join("testdata", c.name+mode.suffix+".golden.txt")
				if *updateGolden {
					if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("pdftotext %v of %s differs from %s", mode.args, c.name, file)
				}
			}
		})
	}
}
