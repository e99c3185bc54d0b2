// Package teamscenario drives real warmlead processes (the built binary)
// against a real PostgreSQL (team/teamtest): a manager and two reps, each
// with a database file of their own, as issue 15's scenarios describe.
package teamscenario

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// binary is the warmlead binary, built once for the package (TestMain).
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "warmlead-team-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "warmlead")
	build := exec.Command("go", "build", "-o", binary, "warmlead")
	build.Dir = filepath.Join("..", "..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// laptop is one member's machine: a database file, its passphrase file
// and a home of its own (no ~/.pgpass, no keyring).
type laptop struct {
	t    *testing.T
	name string
	dir  string
	db   string
}

func newLaptop(t *testing.T, name string) *laptop {
	t.Helper()
	dir := t.TempDir()
	l := &laptop{t: t, name: name, dir: dir, db: filepath.Join(dir, "warmlead.db")}
	if err := os.WriteFile(filepath.Join(dir, "pass"), []byte("a long recovery passphrase of "+name), 0o600); err != nil {
		t.Fatal(err)
	}
	l.ok("", "init", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy", "--country", "NL")
	return l
}

// result is one process's outcome.
type result struct {
	out, err string
	code     int
	took     time.Duration
}

// run runs warmlead as this member with stdin.
func (l *laptop) run(stdin string, args ...string) result {
	l.t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + l.dir, "LANG=C.UTF-8",
		"WARMLEAD_DB=" + l.db, "WARMLEAD_PASSWORD_FILE=" + filepath.Join(l.dir, "pass"),
		"WARMLEAD_NO_KEYRING=1", "WARMLEAD_STATE_DIR=" + filepath.Join(l.dir, "state"), "WARMLEAD_REP=" + l.name,
	}
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{out: out.String(), err: errb.String(), took: time.Since(start)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		l.t.Fatalf("%s: warmlead %v: %v", l.name, args, err)
	}
	return r
}

// ok runs and fails the test unless the exit code is 0.
func (l *laptop) ok(stdin string, args ...string) string {
	l.t.Helper()
	r := l.run(stdin, args...)
	if r.code != 0 {
		l.t.Fatalf("%s: warmlead %s: exit %d\n%s%s", l.name, strings.Join(args, " "), r.code, r.out, r.err)
	}
	return r.out
}

// add adds a prospect from JSON on stdin (no personal data in argv) and
// returns its id.
func (l *laptop) add(json string) string {
	l.t.Helper()
	return strings.TrimSpace(lastLine(l.ok(json, "add", "--from-json", "-")))
}

// sync runs `team sync` and fails unless it succeeds.
func (l *laptop) sync() string { l.t.Helper(); return l.ok("", "team", "sync") }

// canContact runs can-contact and returns its exit code and reason.
func (l *laptop) canContact(id, channel string) (int, string) {
	l.t.Helper()
	r := l.run("", "can-contact", id, "--channel", channel, "--purpose", "follow-up")
	return r.code, r.out + r.err
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// lastWord is the last word of the last line: where `team invite` puts
// the one-time code.
func lastWord(s string) string {
	f := strings.Fields(lastLine(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// files are every file of this laptop's folder (database, mirror,
// compaction leftovers), for the raw greps.
func (l *laptop) files() []string {
	var out []string
	filepath.Walk(l.dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out
}
