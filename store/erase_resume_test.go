package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// An erasure whose compaction never ran (the process was killed right
// after the erasure committed) is finished at the next unlock: the old
// pages with the person's data leave the file, and a compaction copy left
// behind by the killed process is removed. A wrong passphrase changes
// nothing, not even that.
func TestErasureCompactionFinishedAtNextUnlock(t *testing.T) {
	db, path, gone, _ := eraseFixture(t)
	killed := errors.New("killed before compacting")
	compactFile = func(*DB) error { return killed }
	err := db.Erase(gone.ID, eraseReason, "Rita Rep", day2)
	compactFile = (*DB).Compact
	if !errors.Is(err, killed) {
		t.Fatalf("erase without compaction: %v", err)
	}
	db.Close()
	leftover := filepath.Join(filepath.Dir(path), compactPrefix(path)+"123")
	if err := os.WriteFile(leftover, []byte("old pages"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(path), compactPrefix(filepath.Join("x", "other.db"))+"456")
	if err := os.WriteFile(other, []byte("another database's copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(erasePendingPath(path)); err != nil {
		t.Fatal("no pending-erasure marker after an erasure that was not compacted")
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte(gone.Email)) {
		t.Fatal("without compaction the old pages should still hold the email: this test would prove nothing")
	}

	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db2.UnlockPassphrase([]byte("not the passphrase")); err == nil {
		t.Fatal("a wrong passphrase unlocked")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, raw) {
		t.Fatal("a wrong passphrase changed the file")
	}
	if err := db2.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	db2.Close()
	if _, err := os.Stat(erasePendingPath(path)); !os.IsNotExist(err) {
		t.Error("the pending-erasure marker stayed")
	}
	raw, _ = os.ReadFile(path)
	if bytes.Contains(raw, []byte(gone.Email)) || bytes.Contains(raw, []byte(gone.Name)) {
		t.Error("the erased person is still in the file after the next unlock")
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Error("the killed compaction's copy was not removed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another database's compaction copy was removed")
	}
}

// A completed erasure leaves no marker behind.
func TestCompletedErasureLeavesNoMarker(t *testing.T) {
	db, path, gone, _ := eraseFixture(t)
	if err := db.Erase(gone.ID, eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(erasePendingPath(path)); !os.IsNotExist(err) {
		t.Errorf("marker after a completed erasure: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".warmlead-*"))
	if len(leftovers) > 0 {
		t.Errorf("files left beside the database: %v", leftovers)
	}
}
