//go:build smoke

// The smoke test starts the real binary in a real window (run it under
// Xvfb: make smoke-test), waits for the window, and keeps screenshots in
// artifacts/ to look at. It fails when a window never appears or is blank.
package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSmokeRealWindow(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run this test under xvfb-run (make smoke-test)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "warmlead")
	// The tags the release is built with (make passes its GOTAGS, so the
	// binary smoke-tested reads card photos as the shipped one does).
	if out, err := exec.Command("go", "build", "-tags", os.Getenv("WARMLEAD_BUILD_TAGS"), "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	artifacts, _ := filepath.Abs("artifacts")
	os.MkdirAll(artifacts, 0o755)
	db := filepath.Join(dir, "warmlead.db")
	pass := filepath.Join(dir, "pass")
	os.WriteFile(pass, []byte("smoke test passphrase\n"), 0o600)
	// A home of its own: Fyne keeps the app's preferences (the language of
	// the screens before unlock, among them) under it. No session bus: the
	// keyring is off, and a desktop bus would start the document portal,
	// which mounts a FUSE folder in that home that outlives the test (where
	// xdg-desktop-portal is installed, as flatpak-builder brings it).
	home := filepath.Join(dir, "home")
	os.MkdirAll(home, 0o700)
	env := append(os.Environ(), "WARMLEAD_DB="+db, "WARMLEAD_PASSWORD_FILE="+pass, "WARMLEAD_NO_KEYRING=1", "LANG=en_US.UTF-8",
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "DBUS_SESSION_BUS_ADDRESS=disabled:")

	// 1. A fresh database: the setup screen.
	gui := startGUI(t, bin, env)
	waitWindow(t, "Warmlead — Setup")
	shot(t, filepath.Join(artifacts, "setup.png"))
	stop(gui)

	// 2. Created and filled headless, then opened: the main window.
	for _, args := range [][]string{
		{"init", "--rep", "Rita Jansen", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy", "--lang", "nl"},
		{"add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "jorgen@nordlys.example", "--source", "card", "--event", "Nor-Shipping"},
		{"add", "--name", "Łukasz Żółw", "--company", "Polmar", "--source", "referral"},
		{"add", "--name", "Carla Cold", "--company", "Koud BV", "--phone", "+31 20 555 0101", "--source", "cold-call"},
		// A call-back tomorrow at 10:30: Today shows it as a task with its time.
		{"call", "3", "--outcome", "call-back", "--callback", time.Now().AddDate(0, 0, 1).Format("2006-01-02") + " 10:30"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	gui = startGUI(t, bin, env)
	defer stop(gui)
	waitWindow(t, "Warmlead")
	time.Sleep(2 * time.Second) // let it unlock and draw
	shot(t, filepath.Join(artifacts, "main.png"))
	if err := exec.Command("cp", filepath.Join(artifacts, "main.png"), filepath.Join(artifacts, "today-task.png")).Run(); err != nil {
		t.Fatal(err)
	}

	// 3. A second instance is told the database is in use, fast.
	start := time.Now()
	cmd := exec.Command(bin, "list")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != 4 || !strings.Contains(string(out), "in use by another Warmlead") || time.Since(start) > 2*time.Second {
		t.Fatalf("second instance: exit %d after %v: %s", code, time.Since(start), out)
	}
	stop(gui)

	// 4. A generated database of 100,000 prospects opens in the real
	// window; the screenshot is taken once Today has listed what is due.
	big := append(os.Environ(), "WARMLEAD_DB="+filepath.Join(dir, "demo.db"), "WARMLEAD_PASSWORD_FILE="+pass,
		"WARMLEAD_NO_KEYRING=1", "LANG=en_US.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "DBUS_SESSION_BUS_ADDRESS=disabled:")
	for _, args := range [][]string{
		{"init", "--rep", "Demo Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy"},
		{"demo", "--prospects", "100000"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = big
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	start = time.Now()
	gui = startGUI(t, bin, big)
	defer stop(gui)
	waitWindow(t, "Warmlead")
	time.Sleep(10 * time.Second) // unlock, load, and Today's first read
	shot(t, filepath.Join(artifacts, "main-100k.png"))
	t.Logf("100,000 prospects: window and Today after %v", time.Since(start).Round(time.Second))
}

func startGUI(t *testing.T, bin string, env []string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = env
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if strings.Contains(logs.String(), "panic") {
			t.Errorf("the app panicked:\n%s", logs.String())
		}
	})
	return cmd
}

func stop(cmd *exec.Cmd) {
	cmd.Process.Kill()
	cmd.Wait()
}

// waitWindow waits up to 30 s for a top-level window with exactly this title.
func waitWindow(t *testing.T, title string) {
	t.Helper()
	want := strconv.Quote(title)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		out, _ := exec.Command("xwininfo", "-root", "-tree").Output()
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "("+want+" "+want+")") || strings.Contains(line, ": "+want) || strings.Contains(line, want+":") {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	out, _ := exec.Command("xwininfo", "-root", "-tree").Output()
	t.Fatalf("no window titled %s appeared:\n%s", want, out)
}

// shot saves a screenshot once the window has drawn, and fails if it stays
// one flat colour for 15 s.
func shot(t *testing.T, path string) {
	t.Helper()
	var sd float64
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(500 * time.Millisecond) {
		if out, err := exec.Command("import", "-window", "root", path).CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v %s", err, out)
		}
		out, err := exec.Command("convert", path, "-format", "%[fx:standard_deviation]", "info:").Output()
		if err != nil {
			t.Fatal(err)
		}
		sd, _ = strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if sd >= 0.02 {
			t.Logf("screenshot %s (standard deviation %.3f)", path, sd)
			return
		}
	}
	t.Fatalf("%s looks blank (standard deviation %.4f)", path, sd)
}
