package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

// The tests of issue 8 that kill, lock out or starve a process run the real
// binary: the main package, built once per test process and build tags (a
// few seconds with a warm build cache) into a folder every user may read,
// because TestCLIReadOnlyAndFull runs it as an unprivileged user.
type builtBinary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

var built struct {
	mu   sync.Mutex
	tags map[string]*builtBinary // by the -tags value, "" for none
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, b := range built.tags {
		if b.dir != "" {
			os.RemoveAll(b.dir)
		}
	}
	os.Exit(code)
}

func warmleadBinary(t *testing.T) string {
	t.Helper()
	return warmleadBinaryTags(t, "")
}

// warmleadBinaryTags is the binary built with these build tags (-tags
// "tesseract" for the one that reads card photos).
func warmleadBinaryTags(t *testing.T, tags string) string {
	t.Helper()
	built.mu.Lock()
	if built.tags == nil {
		built.tags = map[string]*builtBinary{}
	}
	b := built.tags[tags]
	if b == nil {
		b = &builtBinary{}
		built.tags[tags] = b
	}
	built.mu.Unlock()
	b.once.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			b.err = fmt.Errorf("no go command to build the binary with: %w", err)
			return
		}
		if b.dir, b.err = os.MkdirTemp("", "warmlead-bin-"); b.err != nil {
			return
		}
		os.Chmod(b.dir, 0o755)
		b.path = filepath.Join(b.dir, "warmlead")
		cmd := exec.Command(gobin, "build", "-tags", tags, "-o", b.path, "warmlead")
		cmd.Dir = filepath.Join("..", "..") // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build -tags %q: %v\n%s", tags, err, out)
		}
	})
	if b.err != nil {
		t.Fatalf("building the warmlead binary: %v", b.err)
	}
	return b.path
}

// proc runs the binary against one database, with the passphrase in a file
// and the keyring off, as scripts do; nothing of the test's environment
// (a WARMLEAD_* variable, HOME, TMPDIR) leaks into it.
type proc struct {
	t        *testing.T
	bin      string
	dir      string // HOME and TMPDIR of the process
	db, pass string
	cred     *syscall.Credential // run as another user, when set
}

const procPass = "tulip windmill canal"

// newProcDB creates a database for the binary in dir, in-process and with
// the test KDF (every run of the binary unlocks with the parameters stored
// in the file, so each costs milliseconds, not a quarter second).
func newProcDB(t *testing.T, dir string) *proc {
	t.Helper()
	return newProcDBFor(t, dir, warmleadBinary(t))
}

// newProcDBFor is newProcDB for the binary bin (warmleadBinaryTags').
func newProcDBFor(t *testing.T, dir, bin string) *proc {
	t.Helper()
	p := &proc{t: t, bin: bin, dir: dir, db: filepath.Join(dir, "warmlead.db"), pass: filepath.Join(dir, "pass")}
	if err := os.WriteFile(p.pass, []byte(procPass+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := consent.DefaultSettings()
	s.Rep, s.Company, s.Lang = "Rita Rep", "Acme BV", "nl"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/prefs"
	db, err := store.Create(p.db, []byte(procPass), s, store.Options{KDF: store.FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return p
}

func (p *proc) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "WARMLEAD_"), strings.HasPrefix(name, "LC_"), name == "LANG", name == "LANGUAGE", name == "HOME", name == "TMPDIR":
		default:
			env = append(env, kv)
		}
	}
	// The locale make sets. (Under LANG=C or C.UTF-8 the binary's Fyne
	// packages log a locale warning to stderr before any command runs.)
	return append(env, "LANG=en_US.UTF-8", "WARMLEAD_DB="+p.db, "WARMLEAD_PASSWORD_FILE="+p.pass, "WARMLEAD_NO_KEYRING=1",
		"HOME="+p.dir, "TMPDIR="+p.dir, "WARMLEAD_STATE_DIR="+p.stateDir())
}

// stateDir keeps the generation last seen (store/generation.go).
func (p *proc) stateDir() string { return filepath.Join(p.dir, "state") }

// forgetSeen forgets the generation last seen, for a test that puts an
// older copy of the file in place on purpose (a crash test's pristine
// file), which would otherwise be reported as such.
func (p *proc) forgetSeen() {
	p.t.Helper()
	if err := os.RemoveAll(p.stateDir()); err != nil {
		p.t.Fatal(err)
	}
}

func (p *proc) cmd(args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	cmd := exec.Command(p.bin, args...)
	cmd.Env = p.env()
	cmd.Dir = p.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if p.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred}
	}
	return cmd, &out, &errb
}

// run runs the binary to the end and returns its exit code and output.
func (p *proc) run(args ...string) (int, string, string) {
	p.t.Helper()
	cmd, out, errb := p.cmd(args...)
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		p.t.Fatalf("warmlead %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

func (p *proc) must(args ...string) string {
	p.t.Helper()
	return mustExit0(p.t, p.run, args)
}

// mustExit0 runs args through run (in process or the binary) and returns
// the stdout of a run that has to succeed.
func mustExit0(t testing.TB, run func(...string) (int, string, string), args []string) string {
	t.Helper()
	code, out, errs := run(args...)
	if code != 0 {
		t.Fatalf("warmlead %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// start starts the binary; done closes when it has ended.
func (p *proc) start(args ...string) (cmd *exec.Cmd, out, errb *bytes.Buffer, done <-chan struct{}) {
	p.t.Helper()
	cmd, out, errb = p.cmd(args...)
	if err := cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	ended := make(chan struct{})
	go func() { cmd.Wait(); close(ended) }()
	return cmd, out, errb, ended
}

// open opens the database in-process, for checks the CLI does not print.
func (p *proc) open() *store.DB {
	p.t.Helper()
	db, err := store.Open(p.db, store.Options{})
	if err != nil {
		p.t.Fatalf("open after the run: %v", err)
	}
	if err := db.UnlockPassphrase([]byte(procPass)); err != nil {
		db.Close()
		p.t.Fatalf("unlock after the run: %v", err)
	}
	return db
}

// bigVCF writes n distinct cards, each with a name, company, email and
// phone, and returns the file's path.
func bigVCF(t *testing.T, dir string, n int, tag string) string {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s Person %d\r\nORG:Crash Test %d BV\r\nTITLE:Buyer\r\nEMAIL;TYPE=WORK:%s.%d@crash.example\r\nTEL;TYPE=WORK:+31 20 5%02d %04d\r\nNOTE:card %d of a large import\r\nEND:VCARD\r\n",
			tag, i, i%97, strings.ToLower(tag), i, i/10000, i%10000, i)
	}
	path := filepath.Join(dir, tag+".vcf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
