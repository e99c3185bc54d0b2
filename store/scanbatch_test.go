package store

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// The scan batch is sealed, counted in the authenticated state (verify
// stays clean through a save, a rekey and a delete) and survives a rekey.
func TestScanBatchSealedAndVerified(t *testing.T) {
	db, path := newTestDB(t, Options{})
	b := ScanBatch{Started: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Photos: []ScanMark{
		{Sum: "aa11", Name: "Ingrid-Solberg.jpg", State: "saved", Prospect: 7}, {Sum: "bb22", Name: "second.png"}}}
	if err := db.SaveScanBatch(b); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("Ingrid")) {
		t.Fatal("a photo's name is in the file in clear")
	}
	check := func(when string) {
		t.Helper()
		if r, err := db.Verify(); err != nil || !r.OK() {
			t.Fatalf("%s: verify %v %v", when, err, r.Problems)
		}
	}
	check("saved")
	if err := db.Rekey([]byte(testPass), nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.ScanBatch()
	if err != nil || len(got.Photos) != 2 || got.Photos[0] != b.Photos[0] || !got.Started.Equal(b.Started) {
		t.Fatalf("after rekey: %+v %v", got, err)
	}
	check("rekeyed")
	if err := db.SaveScanBatch(ScanBatch{}); err != nil {
		t.Fatal(err)
	}
	if got, err := db.ScanBatch(); err != nil || len(got.Photos) != 0 {
		t.Fatalf("after delete: %+v %v", got, err)
	}
	check("deleted")
	if s, err := db.Settings(); err != nil || s.Rep != testSettings().Rep {
		t.Fatalf("the settings beside it: %+v %v", s, err)
	}
}
