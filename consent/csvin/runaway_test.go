package csvin

import (
	"strings"
	"testing"
	"time"
)

// Reading starts again after each broken row, and a quote opened on one
// row closes at the next quote, so a file full of broken rows is read in
// linear time, each failing alone.
func TestReadManyBrokenRowsStaysFast(t *testing.T) {
	data := "name,email\nAnna,a@b.example\n" + strings.Repeat("\"x,y\n", 20_000) + "Bo,b@b.example\n"
	start := time.Now()
	tb, err := Read(strings.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v", took)
	}
	if len(tb.Rows) != 2 || len(tb.Failures) != 20_000 || tb.Rows[1].Fields[0] != "Bo" {
		t.Fatalf("rows %d failures %d", len(tb.Rows), len(tb.Failures))
	}
}
