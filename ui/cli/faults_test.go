package cli

import (
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	bolt "go.etcd.io/bbolt"

	"warmlead/store"
	"warmlead/store/storetest"
)

// Issue 8: a second instance, the wrong key, a read-only file or folder and
// a full disk each give one clear line on stderr and the contract's exit
// code, and leave the saved data as it was.

// oneErrorLine checks stderr is one line, naming what is wrong.
func oneErrorLine(t *testing.T, what, errs string, want ...string) {
	t.Helper()
	if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "warmlead: ") {
		t.Errorf("%s: stderr is not one error line: %q", what, errs)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("%s: stderr %q does not say %q", what, errs, w)
		}
	}
}

func TestCLISecondInstanceIsToldLockedQuickly(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("add", "--name", "Locked Lars", "--source", "card")
	held, err := store.Open(p.db, store.Options{}) // the first instance
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	before, _ := os.ReadFile(p.db)
	for _, args := range [][]string{{"list"}, {"add", "--name", "Second Sven", "--source", "card"}, {"verify"}} {
		start := time.Now()
		code, _, errs := p.run(args...)
		took := time.Since(start)
		if code != ExitLocked {
			t.Fatalf("%s while another instance holds the file: exit %d, want %d", args[0], code, ExitLocked)
		}
		oneErrorLine(t, args[0], errs, "in use by another Warmlead", "close the other window")
		if took >= 2*time.Second {
			t.Errorf("%s: told after %v, want under 2 s", args[0], took)
		}
		t.Logf("%s: exit 4 after %v", args[0], took.Round(time.Millisecond))
	}
	if after, _ := os.ReadFile(p.db); !bytes.Equal(before, after) {
		t.Fatal("a locked-out instance changed the file")
	}
}

// dbAccount is the keyring account of the database at path (its id, read
// from the file as the store does).
func dbAccount(t *testing.T, path string) string {
	t.Helper()
	var id []byte
	storetest.View(t, path, func(tx *bolt.Tx) error {
		id = append(id, tx.Bucket([]byte("meta")).Get([]byte("dbid"))...)
		return nil
	})
	return "db-" + hex.EncodeToString(id)
}

// The wrong passphrase, a deleted keyring entry and the keyring entry of
// another database: exit 5, a message saying what to do, and not one byte
// of the file changed. The keyring is go-keyring's in-memory mock, behind
// the same adapter the app uses.
func TestCLIWrongKeyLeavesFileUnchanged(t *testing.T) {
	keyring.MockInit()
	h := newHarness(t)
	t.Setenv("WARMLEAD_NO_KEYRING", "")
	h.init()
	other := filepath.Join(h.dir, "other.db")
	h.must("--db", other, "init", "--rep", "Olaf Other")
	h.must("add", "--name", "Keyed Karin", "--source", "card")
	t.Setenv("WARMLEAD_PASSWORD_FILE", "") // from now on the keyring unlocks
	if out := h.must("list"); !strings.Contains(out, "Keyed Karin") {
		t.Fatal("the keyring does not unlock")
	}
	account := dbAccount(t, h.db)
	own, err := keyring.Get("Warmlead", account)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := keyring.Get("Warmlead", dbAccount(t, other))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(h.db)
	try := func(name string, want string, args ...string) {
		t.Helper()
		code, _, errs := h.run(args...)
		if code != ExitKey {
			t.Errorf("%s: exit %d, want %d (%s)", name, code, ExitKey, errs)
		}
		oneErrorLine(t, name, errs, want)
		if after, _ := os.ReadFile(h.db); !bytes.Equal(before, after) {
			t.Fatalf("%s changed the file", name)
		}
	}

	wrong := filepath.Join(h.dir, "wrong-pass")
	os.WriteFile(wrong, []byte("not the passphrase at all\n"), 0o600)
	try("wrong passphrase", "wrong passphrase: nothing was changed", "--password-file", wrong, "list")
	try("wrong passphrase, writing", "wrong passphrase", "--password-file", wrong, "add", "--name", "Never Nina", "--source", "card")

	keyring.Set("Warmlead", account, foreign)
	try("keyring entry of another database", "does not open this database: unlock with the recovery passphrase", "list")
	keyring.Delete("Warmlead", account)
	try("deleted keyring entry", "has no key for this database: unlock with the recovery passphrase", "list")
	try("deleted keyring entry, verify", "has no key for this database", "verify")

	// The recovery passphrase still opens it, and stores a new keyring entry.
	if out := h.must("--password-file", h.passFile, "list"); !strings.Contains(out, "Keyed Karin") {
		t.Fatal("the passphrase does not open the database")
	}
	if out := h.must("list"); !strings.Contains(out, "Keyed Karin") {
		t.Fatal("no new keyring entry after unlocking with the passphrase")
	}
	if now, _ := keyring.Get("Warmlead", account); now == own {
		t.Fatal("the deleted key came back instead of a new one")
	}
}

// unprivileged returns how to run the binary as a user to whom permissions
// apply: nobody, when the tests run as root (CI runs as root in a
// container), else the current user.
func unprivileged(t *testing.T) (*syscall.Credential, int) {
	t.Helper()
	if os.Geteuid() != 0 {
		return nil, os.Geteuid()
	}
	cred := &syscall.Credential{Uid: 65534, Gid: 65534, NoSetGroups: true}
	probe := exec.Command(warmleadBinary(t), "help")
	probe.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if err := probe.Run(); err != nil {
		t.Skipf("root, and cannot run a process as nobody (no CAP_SETUID?): %v; permissions cannot be tested", err)
	}
	return cred, 65534
}

// openDir makes a folder every user may enter (t.TempDir's parent is 0700).
func openDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "warmlead-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { os.Chmod(p, 0o700); return nil })
		os.RemoveAll(dir)
	})
	os.Chmod(dir, 0o755)
	return dir
}

func TestCLIReadOnlyAndFull(t *testing.T) {
	cred, uid := unprivileged(t)
	dir := openDir(t)
	p := newProcDB(t, dir)
	p.cred = cred
	os.Chown(p.db, uid, -1)
	p.must("add", "--name", "Readonly Rosa", "--company", "Kept BV", "--email", "rosa@kept.example", "--source", "card")
	p.must("add", "--name", "Erase Emil", "--company", "Gone BV", "--email", "emil@gone.example", "--source", "card")
	vcf := bigVCF(t, dir, 2000, "Full")

	t.Run("read-only file", func(t *testing.T) {
		os.Chmod(p.db, 0o444)
		defer os.Chmod(p.db, 0o644)
		before, _ := os.ReadFile(p.db)
		for _, args := range [][]string{{"list"}, {"add", "--name", "Never Nils", "--source", "card"}} {
			code, _, errs := p.run(args...)
			if code != ExitError {
				t.Errorf("%s on a read-only file: exit %d", args[0], code)
			}
			oneErrorLine(t, args[0], errs, "cannot open the database file", p.db, "permission denied")
		}
		if after, _ := os.ReadFile(p.db); !bytes.Equal(before, after) {
			t.Fatal("the read-only file changed")
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		// The file may be written, no new file made beside it.
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		p.must("add", "--name", "Still Stefan", "--source", "card")
		code, _, errs := p.run("backup", "--out", filepath.Join(dir, "w.bak"))
		if code != ExitError {
			t.Errorf("backup into a read-only folder: exit %d", code)
		}
		oneErrorLine(t, "backup", errs, "cannot write the backup", "permission denied")
		code, _, errs = p.run("erase", "2", "--reason", "asked by email")
		if code != ExitError {
			t.Errorf("erase in a read-only folder: exit %d", code)
		}
		oneErrorLine(t, "erase", errs, "prospect 2 was erased, but old copies", "compact", "permission denied")
		if out := p.must("verify"); !strings.Contains(out, "ok: 2 prospects") {
			t.Fatalf("verify after a failed compaction: %q", out)
		}
	})

	t.Run("file size limit", func(t *testing.T) {
		// RLIMIT_FSIZE, inherited by the child: the file cannot grow, as on
		// a full disk. It needs no privileges, so this always runs. bbolt
		// grows a file 16 MB at a time; compacting it (an erasure does)
		// leaves no room to spare.
		p := newProcDB(t, openDir(t))
		p.must("add", "--name", "Saved Sanne", "--email", "sanne@kept.example", "--source", "card")
		p.must("add", "--name", "Erased Ernst", "--source", "card")
		p.must("erase", "2", "--reason", "asked by phone")
		st, _ := os.Stat(p.db)
		if st.Size() > 1<<20 {
			t.Fatalf("the compacted file is %d bytes: room to spare, the limit would not bite", st.Size())
		}
		restore := storetest.LimitFileSize(t, st.Size())
		cmd, _, errb := p.cmd("import", vcf)
		err := cmd.Start()
		restore()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != ExitError {
			t.Errorf("import past the file size limit: exit %d", code)
		}
		oneErrorLine(t, "import", errb.String(), "cannot save to the database file", "file too large", "nothing of this change was saved")
		if out := p.must("verify"); !strings.Contains(out, "ok: 1 prospects") {
			t.Fatalf("verify after a failed import: %q", out)
		}
	})

	t.Run("full disk", func(t *testing.T) {
		full := openDir(t)
		if err := syscall.Mount("tmpfs", full, "tmpfs", 0, "size=4m,mode=0755"); err != nil {
			t.Skipf("cannot mount a small tmpfs to fill up (needs root with CAP_SYS_ADMIN): %v; the file size limit case covers a full disk", err)
		}
		defer syscall.Unmount(full, syscall.MNT_DETACH)
		q := newProcDB(t, full)
		q.must("add", "--name", "Saved Saskia", "--email", "saskia@kept.example", "--source", "card")
		storetest.FillDisk(t, full)
		code, _, errs := q.run("import", vcf)
		if code != ExitError {
			t.Errorf("import on a full disk: exit %d", code)
		}
		oneErrorLine(t, "import", errs, "no space left on device", "nothing of this change was saved")
		code, _, errs = q.run("backup", "--out", filepath.Join(full, "w.bak"))
		if code != ExitError {
			t.Errorf("backup to a full disk: exit %d", code)
		}
		oneErrorLine(t, "backup", errs, "cannot write the backup", "no space left on device")
		os.Remove(filepath.Join(full, "filler"))
		if out := q.must("verify"); !strings.Contains(out, "ok: 1 prospects") {
			t.Fatalf("verify after the disk was full: %q", out)
		}
		if out := q.must("list"); !strings.Contains(out, "Saved Saskia") {
			t.Fatal("the prospect saved before the disk filled is gone")
		}
	})
}

// A working file damaged below the values (a disk error, a bad copy):
// `verify` and the other commands say so in one line and exit 1; none
// crashes with a Go trace.
func TestCLIDamagedFileIsReportedNotACrash(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("import", bigVCF(t, p.dir, 60, "Damaged"))
	p.must("add", "--name", "Gone", "--source", "card")
	p.must("erase", "61", "--reason", "compacts the file") // no spare room left in it
	good, _ := os.ReadFile(p.db)

	// The page holding prospect 30, found by its sealed bytes.
	var sealed []byte
	var used int64 // the file may be longer than the pages in use
	storetest.View(t, p.db, func(tx *bolt.Tx) error {
		sealed = append(sealed, tx.Bucket([]byte("prospects")).Get([]byte{0, 0, 0, 0, 0, 0, 0, 30})...)
		used = tx.Size()
		return nil
	})
	at := bytes.Index(good, sealed)
	if len(sealed) == 0 || at < 0 {
		t.Fatal("prospect 30 not found in the file")
	}
	page := at / os.Getpagesize() * os.Getpagesize()

	for _, c := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:used/2] }},
		{"a page's type overwritten", func(b []byte) []byte { b[page+8] = 0x99; return b }},
		{"a page's element count overwritten", func(b []byte) []byte { b[page+10], b[page+11] = 0xff, 0x7f; return b }},
	} {
		os.WriteFile(p.db, c.damage(append([]byte(nil), good...)), 0o600)
		for _, args := range [][]string{{"verify"}, {"list"}, {"show", "30"}} {
			code, _, errs := p.run(args...)
			if code != ExitError {
				t.Errorf("%s, %s: exit %d: %s", c.name, args[0], code, errs)
			}
			oneErrorLine(t, c.name+", "+args[0], errs, "damaged")
			t.Logf("%s, %s: %s", c.name, args[0], strings.TrimSpace(errs))
		}
	}
	os.WriteFile(p.db, good, 0o600)
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: 60 prospects") {
		t.Fatalf("the undamaged file: %q", out)
	}
}
