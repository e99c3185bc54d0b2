package csvin

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Real-world exports, when the shared test data has some (read there,
// never copied into the repository): each reads, maps at least one column
// and accounts for every row.
func TestRealWorldCSV(t *testing.T) {
	var files []string
	for _, pattern := range []string{"/work/shared/testdata/*.csv", "/work/shared/testdata/*/*.csv"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no CSV files in /work/shared/testdata")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			tb, err := Read(f, Limits{})
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			m := AutoMap(tb.Header)
			mapped := 0
			for _, fl := range m {
				if fl != Ignore {
					mapped++
				}
			}
			res := Apply(tb, m, Options{Source: "list", Region: "NL", Now: time.Now(), DayFirst: true})
			if len(res.Rows)+len(res.Failures) < len(tb.Rows) {
				t.Errorf("%d rows, %d imported, %d failed", len(tb.Rows), len(res.Rows), len(res.Failures))
			}
			t.Logf("%s: %d columns (%d mapped), %d rows, %d failed, encoding %s, separator %q",
				filepath.Base(path), len(tb.Header), mapped, len(res.Rows), len(res.Failures), tb.Encoding, tb.Sep)
		})
	}
}
