//go:build perf

// The GUI at 100,000 prospects (issue 16), in a real window: the real
// binary, built with the perfprobe tag (ui/perf_probe.go), opens a
// 100,000-prospect demo database under Xvfb and goes through a session (the
// first screen, every section with Insight's charts, a call logged, the
// team report of everyone),
// reporting how long each step took until its data was painted and the
// process's peak resident memory. TestGUIAt100k fails above 400 MB;
// BenchmarkGUI100k reports the figures for make bench's table.
//
//	make perf-test    # the test, about three minutes on two cores
//	make bench        # the store benchmarks and this one, one table
//
// The demo database is made once (warmlead demo, about a minute) and kept
// in the user's cache folder; WARMLEAD_PERF_DB names another (with
// WARMLEAD_PERF_PASSWORD_FILE). Each run works on a copy.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// perfLimitMB is the target: resident memory at any moment.
const perfLimitMB = 400

const perfPass = "perf test passphrase\n"

// perfStep and perfReport mirror ui.PerfStep and ui.PerfReport (built only
// with the perfprobe tag).
type perfStep struct {
	Name  string  `json:"name"`
	Ms    float64 `json:"ms"`
	CPUMs float64 `json:"cpu_ms"`
	RSSMB float64 `json:"rss_mb"`
	Rows  int     `json:"rows"`
	// The parts, to see where a peak comes from (ui.PerfStep says what each is).
	AnonMB     float64 `json:"anon_mb"`
	FileMB     float64 `json:"file_mb"`
	HeapMB     float64 `json:"heap_mb"`
	PeakMB     float64 `json:"peak_mb"`
	PeakAnonMB float64 `json:"peak_anon_mb"`
	PeakFileMB float64 `json:"peak_file_mb"`
}

type perfReport struct {
	Steps     []perfStep `json:"steps"`
	PeakRSSMB float64    `json:"peak_rss_mb"`
	SoftGLMB  float64    `json:"soft_gl_mb"`
	Error     string     `json:"error"`
}

func TestGUIAt100k(t *testing.T) {
	rep := guiSession(t)
	for _, s := range rep.Steps {
		t.Logf("%-45s %8.0f ms (CPU %6.0f ms) %6.0f MB resident (%d rows)", s.Name, s.Ms, s.CPUMs, s.RSSMB, s.Rows)
		t.Logf("%45s after: %4.0f anon, %4.0f file, %4.0f Go heap; peak in the step %4.0f MB (%4.0f anon, %4.0f file)",
			"", s.AnonMB, s.FileMB, s.HeapMB, s.PeakMB, s.PeakAnonMB, s.PeakFileMB)
	}
	t.Logf("peak resident: %.0f MB (at the end, %.0f MB of it the software OpenGL under Xvfb)", rep.PeakRSSMB, rep.SoftGLMB)
	if rep.Error != "" {
		t.Fatal(rep.Error)
	}
	if len(rep.Steps) < 10 {
		t.Fatalf("the session stopped after %d steps", len(rep.Steps))
	}
	if rep.PeakRSSMB > perfLimitMB {
		t.Errorf("the window held %.0f MB resident at its peak: the target is under %d MB", rep.PeakRSSMB, perfLimitMB)
	}
}

func BenchmarkGUI100k(b *testing.B) {
	var rep perfReport
	for b.Loop() {
		rep = guiSession(b)
	}
	if rep.Error != "" {
		b.Fatal(rep.Error)
	}
	// The first step is the start to the first paint; "open X" the
	// section's first paint with data; the last two a write and a report.
	for i, s := range rep.Steps {
		unit := strings.NewReplacer("open ", "", " ", "-", ":", "", "(", "", ")", "", ",", "").Replace(s.Name)
		switch {
		case i == 0:
			unit = "start-to-paint"
		case strings.HasPrefix(s.Name, "log a call"):
			unit = "call-logged-reorder"
		case strings.HasPrefix(s.Name, "team report"):
			unit = "team-report"
		case seenBefore(rep.Steps[:i], s.Name):
			unit += "-again"
		}
		b.ReportMetric(s.Ms*1e6, unit+"-ns")
	}
	b.ReportMetric(rep.PeakRSSMB, "peak-RSS-MB")
	b.ReportMetric(rep.SoftGLMB, "soft-GL-RSS-MB")
}

func seenBefore(steps []perfStep, name string) bool {
	for _, s := range steps {
		if s.Name == name {
			return true
		}
	}
	return false
}

// guiSession builds the probe binary, copies the demo database and runs
// one session in the window, returning what the probe wrote.
func guiSession(t testing.TB) perfReport {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run this under Xvfb at 1366x800 (make perf-test)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "warmlead")
	tags := strings.TrimSpace("perfprobe " + os.Getenv("WARMLEAD_BUILD_TAGS"))
	if out, err := exec.Command("go", "build", "-tags", tags, "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	src, pass := demoDatabase(t, bin)
	db := filepath.Join(dir, "warmlead.db")
	copyFile(t, src, db)
	home := filepath.Join(dir, "home")
	os.MkdirAll(home, 0o700)
	out := filepath.Join(dir, "perf.json")
	env := append(os.Environ(), "WARMLEAD_DB="+db, "WARMLEAD_STATE_DIR="+filepath.Join(dir, "state"),
		"WARMLEAD_PERF_OUT="+out, "LANG=en_US.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	cmd := keyringSession(bin, pass)
	if cmd != nil {
		cmd.Env = append(env, "PERF_PASS="+pass, "PERF_BIN="+bin)
	} else { // no Secret Service here: the passphrase file (and Argon2id at each start)
		cmd = exec.Command(bin)
		cmd.Env = append(env, "WARMLEAD_PASSWORD_FILE="+pass, "WARMLEAD_NO_KEYRING=1", "DBUS_SESSION_BUS_ADDRESS=disabled:")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the window exited: %v\n%s", err, stderr.String())
		}
	case <-time.After(20 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("the session did not end in 20 minutes\n%s", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the probe wrote no figures: %v\n%s", err, stderr.String())
	}
	var rep perfReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// keyringSession starts the window as a rep's desktop does: unlocked from
// the OS keyring (a private D-Bus session with gnome-keyring-daemon, as
// make keyring-test), the key put there by one unlock with the passphrase
// first (warmlead list). nil when dbus-run-session or gnome-keyring-daemon
// is missing.
func keyringSession(bin, pass string) *exec.Cmd {
	for _, tool := range []string{"dbus-run-session", "gnome-keyring-daemon"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil
		}
	}
	script := `set -e
echo -n warmlead-perf | gnome-keyring-daemon --unlock --components=secrets >/dev/null
WARMLEAD_PASSWORD_FILE="$PERF_PASS" "$PERF_BIN" due --json >/dev/null
exec "$PERF_BIN"`
	return exec.Command("dbus-run-session", "--", "bash", "-c", script)
}

// demoDatabase is the 100,000-prospect database and its passphrase file:
// WARMLEAD_PERF_DB, or one made once in the cache folder.
func demoDatabase(t testing.TB, bin string) (db, pass string) {
	if db = os.Getenv("WARMLEAD_PERF_DB"); db != "" {
		return db, os.Getenv("WARMLEAD_PERF_PASSWORD_FILE")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "warmlead-perf")
	os.MkdirAll(dir, 0o700)
	// v4: left as a session leaves it, with Today's lists kept; every referral names its introducer (issue 16).
	db, pass = filepath.Join(dir, "demo-100k-v4.db"), filepath.Join(dir, "pass")
	if _, err := os.Stat(db); err == nil {
		return db, pass
	}
	if err := os.WriteFile(pass, []byte(perfPass), 0o600); err != nil {
		t.Fatal(err)
	}
	tmp := db + ".tmp"
	os.Remove(tmp)
	env := append(os.Environ(), "WARMLEAD_DB="+tmp, "WARMLEAD_PASSWORD_FILE="+pass, "WARMLEAD_NO_KEYRING=1",
		"WARMLEAD_STATE_DIR="+filepath.Join(dir, "state"))
	start := time.Now()
	for _, args := range [][]string{
		{"init", "--rep", "Perf Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy"},
		{"demo", "--prospects", "100000"},
		{"due"}, // a session that looked at what is due, as a rep's day starts: its close keeps the lists
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	if err := os.Rename(tmp, db); err != nil {
		t.Fatal(err)
	}
	t.Logf("made the 100,000-prospect demo database in %v (kept in %s)", time.Since(start).Round(time.Second), dir)
	return db, pass
}

func copyFile(t testing.TB, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(fmt.Errorf("copy %s: %w", from, err))
	}
}
