package usecase

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"warmlead/consent"
)

// WriteOutFile refuses the database, its passphrase file and any bbolt
// file by inode and content, and writes everything else whole and 0600.
func TestWriteOutFileRefusesWhatItMustKeep(t *testing.T) {
	_, st := newTestApp(t)
	db := st.Path()
	dir := filepath.Dir(db)
	pass := filepath.Join(dir, "pass")
	os.WriteFile(pass, []byte("secret words here\n"), 0o600)
	marker := filepath.Join(dir, ".warmlead-erase-pending-warmlead.db")
	os.WriteFile(marker, nil, 0o600)
	linkToMarker := filepath.Join(dir, "m.json")
	os.Symlink(marker, linkToMarker)
	for _, target := range []string{db, pass, linkToMarker, dir} {
		before, _ := os.ReadFile(target)
		err := WriteOutFile(target, []byte("{}"), db, pass)
		if !errors.Is(err, ErrProtectedOut) || CodeOf(err) != CodeFailed {
			t.Errorf("%s: %v", filepath.Base(target), err)
		}
		if after, _ := os.ReadFile(target); string(after) != string(before) {
			t.Errorf("%s changed", filepath.Base(target))
		}
	}
	// An earlier export named after the database is an ordinary file.
	named := db + ".json"
	os.WriteFile(named, []byte("old export"), 0o600)
	if err := WriteOutFile(named, []byte("{}"), db, pass); err != nil {
		t.Errorf("overwriting an old export beside the database: %v", err)
	}
	// A copy of the database elsewhere is a backup by its content.
	other := t.TempDir()
	cp := filepath.Join(other, "notes.txt")
	b, _ := os.ReadFile(db)
	os.WriteFile(cp, b, 0o600)
	if err := WriteOutFile(cp, []byte("x"), db); !errors.Is(err, ErrProtectedOut) || !strings.Contains(err.Error(), "backup") {
		t.Errorf("a database copy: %v", err)
	}
	ok := filepath.Join(other, "out.json")
	if err := WriteOutFile(ok, []byte("whole"), db); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(ok); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(other); len(ents) != 2 {
		t.Errorf("files left: %v", ents)
	}
}

func TestOpenInputRefusesWhatNeverEnds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	syscall.Mkfifo(fifo, 0o600)
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 5000), 0o600)
	for _, c := range []struct {
		path string
		mode InputMode
		max  int64
		says string
	}{
		{"/dev/zero", PipesToo, 1 << 20, "device, pipe or socket"},
		{fifo, RegularOnly, 1 << 20, "device, pipe or socket"},
		{dir, RegularOnly, 1 << 20, "folder"},
		{big, RegularOnly, 4 << 10, "larger than 4 KB"},
	} {
		_, err := OpenInput(c.path, c.max, c.mode)
		if !errors.Is(err, ErrInputRefused) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v", filepath.Base(c.path), err)
		}
	}
	if _, err := ReadAllCapped(strings.NewReader(strings.Repeat("x", 10)), 9); !errors.Is(err, ErrInputRefused) {
		t.Errorf("a stream past the cap: %v", err)
	}
	if _, err := ReadPassphrase("/dev/zero"); err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("passphrase from /dev/zero: %v", err)
	}
}

// Evidence read from a reader is whole up to the cap, says when it is cut,
// and is refused when it is not text.
func TestReadEvidence(t *testing.T) {
	long := strings.Repeat("a line of a reply\n", 100<<10/18)
	ev, err := ReadEvidence(strings.NewReader(long), false)
	if err != nil || ev.Cut || ev.Text != strings.TrimSpace(long) {
		t.Errorf("100 KB: cut %v, %d bytes, %v", ev.Cut, len(ev.Text), err)
	}
	ev, err = ReadEvidence(strings.NewReader(strings.Repeat(long, 4)), false)
	if err != nil || !ev.Cut || len(ev.Text) > consent.MaxEvidence {
		t.Errorf("400 KB: cut %v, %d bytes, %v", ev.Cut, len(ev.Text), err)
	}
	for in, want := range map[string]error{
		"yes\x00please":                       consent.ErrEvidenceNUL,
		strings.Repeat("\xff\xfe\x80", 100):   consent.ErrEvidenceNotUTF8,
		strings.Repeat("ok\x01\x02\x03", 100): consent.ErrEvidenceControl,
	} {
		if _, err := ReadEvidence(strings.NewReader(in), false); !errors.Is(err, want) || CodeOf(err) != CodeInvalid {
			t.Errorf("%.12q: %v, want %v", in, err, want)
		}
	}
	// A reply with a stray Windows-1252 byte is still a reply.
	if _, err := ReadEvidence(strings.NewReader("Ja, graag. Met vriendelijke groet, Ren\xe9 "+strings.Repeat("tekst ", 20)), false); err != nil {
		t.Errorf("one stray byte: %v", err)
	}
}

// A device or FIFO at the target is written to as it is (renaming over
// /dev/null as root would replace the device node), never opened just to
// look at it, and refused for a backup, which the store renames in place.
func TestWriteOutFileToDevicesAndFIFOs(t *testing.T) {
	if err := WriteOutFile("/dev/null", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is %v after the write", st.Mode())
	}
	if err := CheckFileOutPath("/dev/null"); !errors.Is(err, ErrProtectedOut) {
		t.Errorf("a backup to /dev/null: %v", err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	syscall.Mkfifo(fifo, 0o600)
	if err := CheckOutPath(fifo); err != nil { // returns at once: no open
		t.Errorf("a FIFO: %v", err)
	}
}

// WriteOutStream makes no file before the first byte and leaves the old
// one, and no temporary file, when the fill fails after writing some.
func TestWriteOutStreamLeavesNothingHalfDone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.pdf")
	if err := os.WriteFile(path, []byte("the old report"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries := func() int {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	failed := errors.New("a ledger could not be read")
	err := WriteOutStream(path, func(w io.Writer) error {
		if n := entries(); n != 1 {
			t.Errorf("before the first byte the folder holds %d files, want only the old report", n)
		}
		if _, err := w.Write([]byte("%PDF-1.3 half")); err != nil {
			return err
		}
		if n := entries(); n != 2 {
			t.Errorf("while writing the folder holds %d files, want the old report and the new one's temporary file", n)
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err = %v, want the fill's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old report" || entries() != 1 {
		t.Errorf("after a failed fill: %q, %d files", b, entries())
	}
	if err := WriteOutStream(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.3 whole")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.3 whole" || entries() != 1 {
		t.Errorf("after a fill: %q, %d files", b, entries())
	}
	if err := WriteOutStream(filepath.Join(dir, "empty.txt"), func(io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, "empty.txt")); err != nil || st.Size() != 0 {
		t.Errorf("a fill that wrote nothing: %v %v", st, err)
	}
}
