package usecase

// The team report of everyone at 100,000 prospects, measured as the window
// makes it (issue 16: under 400 MB resident at any moment of a session).
// The figure that matters is the report's own peak resident size above
// what the process held before it (the window's index, fonts, driver), so
// it is taken in a child process of this test binary: it opens and
// unlocks the database, lets the collector and the kernel settle, resets
// the kernel's high-water mark, writes the report through Documents.Team
// and prints the peak. A benchmark, so `go test` alone never builds the
// 100,000 (about a minute):
//
//	go test -run '^$' -bench TeamReport100k -benchtime 1x ./ui/usecase/
//
// WARMLEAD_TEAMRSS_FIXTURE=/tmp/w100k.db keeps the generated database
// there for the next run (demo dates are relative to today: regenerate it
// on another day).

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/store"
)

const (
	teamRSSChild = "WARMLEAD_TEAMRSS_DB" // set: this binary is the child
	teamRSSPass  = "benchmark passphrase"
	// teamRSSRoom is ui.documentRoom and teamRSSWindow ui.windowMemoryLimit:
	// while a document is made the window's soft memory limit is that room
	// above the Go memory it holds live, and not below its own limit for it
	// (ui/memlimit.go; ui imports this package, so the policy is repeated
	// here). After FreeOSMemory what is mapped is what is live.
	teamRSSRoom = 64 << 20
)

func teamRSSWindow(live int64) int64 { return min(224<<20, max(96<<20, live+32<<20)) }

func TestMain(m *testing.M) {
	if path := os.Getenv(teamRSSChild); path != "" {
		os.Exit(teamRSSMain(path, os.Getenv("WARMLEAD_TEAMRSS_WHAT")))
	}
	os.Exit(m.Run())
}

// BenchmarkTeamReport100k: the floor is one read of every record in the
// same kind of child (open, unlock, settle, read); the report is the team
// report of everyone, no summaries, as the Reports screen's Create button
// writes it. Both print their own peak above the settled process.
func BenchmarkTeamReport100k(b *testing.B) {
	path := teamRSSFixture(b, 100_000)
	var floor teamRSSResult
	for _, what := range []string{"floor-read-every-record", "team-report"} {
		b.Run(what, func(b *testing.B) {
			var res teamRSSResult
			for b.Loop() {
				res = teamRSSRun(b, path, what)
			}
			b.ReportMetric(float64(res.baseKB)/1024, "base-MB")
			b.ReportMetric(float64(res.peakKB-res.baseKB)/1024, "peak-above-MB")
			b.ReportMetric(float64(res.heapMax)/(1<<20), "heap-max-MB")
			b.ReportMetric(float64(res.live)/(1<<20), "live-before-MB")
			b.ReportMetric(res.took.Seconds(), "s/report")
			b.ReportMetric(res.cpu.Seconds(), "cpu-s/report")
			if what == "team-report" {
				b.ReportMetric(float64(res.pages), "pages")
				b.ReportMetric(float64(res.size)/(1<<20), "file-MB")
				if floor.took > 0 && floor.cpu > 0 {
					b.ReportMetric(float64(res.took)/float64(floor.took), "x-floor")
					b.ReportMetric(float64(res.cpu)/float64(floor.cpu), "cpu-x-floor")
				}
			} else {
				floor = res
			}
		})
	}
}

// teamRSSFixture is a closed database of n demo prospects.
func teamRSSFixture(b *testing.B, n int) string {
	b.Helper()
	path := os.Getenv("WARMLEAD_TEAMRSS_FIXTURE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "w.db")
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	started := time.Now()
	s := consent.DefaultSettings()
	s.Rep, s.Company = "Bench Rep", "Acme BV"
	db, err := store.Create(path, []byte(teamRSSPass), s, store.Options{KDF: store.FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := GenerateDemo(db, n, 1, "Bench Rep"); err != nil {
		db.Close()
		os.Remove(path)
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "team report bench: %d demo prospects in %s\n", n, time.Since(started).Round(time.Second))
	return path
}

type teamRSSResult struct {
	baseKB, peakKB int64
	heapMax, live  uint64        // the largest heap during the run; the live heap before it
	took, cpu      time.Duration // wall; the process's CPU time (user and system), which waits for no other process
	pages          int
	size           int64
}

// teamRSSRun runs the child and reads what it printed.
func teamRSSRun(b *testing.B, path, what string) teamRSSResult {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), teamRSSChild+"="+path, "WARMLEAD_TEAMRSS_WHAT="+what)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	var r teamRSSResult
	var tookMS, cpuMS int64
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fmt.Sscanf(sc.Text(), "teamrss base=%d peak=%d heapmax=%d ms=%d pages=%d size=%d live=%d cpums=%d",
			&r.baseKB, &r.peakKB, &r.heapMax, &tookMS, &r.pages, &r.size, &r.live, &cpuMS)
	}
	if r.peakKB <= 0 {
		b.Fatalf("child printed no peak:\n%s", out)
	}
	r.took, r.cpu = time.Duration(tookMS)*time.Millisecond, time.Duration(cpuMS)*time.Millisecond
	return r
}

// teamRSSMain is the child's whole life.
func teamRSSMain(path, what string) int {
	db, err := store.Open(path, store.Options{})
	if err == nil {
		err = db.UnlockPassphrase([]byte(teamRSSPass))
	}
	if err != nil {
		fmt.Println("child:", err)
		return 1
	}
	defer db.Close()
	app := New(db, Env{Rep: func() string { return "Bench Rep" }})
	dir, err := os.MkdirTemp("", "warmlead-teamrss-")
	if err != nil {
		fmt.Println("child:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "team.pdf")

	// The window before the report: what the unlock left, collected and
	// given back, so the peak below is the report's own.
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM to VmRSS (Linux)
	base := procStatusKB("VmRSS:")
	live := heapLive()
	stop := sampleHeap()
	held := int64(goMemoryHeld())
	limit := max(teamRSSWindow(held), held+teamRSSRoom) // as roomForDocument does
	if mb, err := strconv.Atoi(os.Getenv("WARMLEAD_TEAMRSS_LIMIT_MB")); err == nil {
		limit = int64(mb) << 20 // to try another
	}
	debug.SetMemoryLimit(limit)

	start, cpu0 := time.Now(), cpuTime()
	var w Written
	switch what {
	case "team-report":
		w, err = app.Documents.Team(TeamRequest{Filter: pdfreport.Filter{}, Lang: "en", Reason: "bench", Path: out})
	default:
		_, err = db.ForEachRecord(func(consent.Record) error { return nil })
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	heapMax := stop()
	if prof := os.Getenv("WARMLEAD_TEAMRSS_MEMPROFILE"); prof != "" { // go tool pprof -sample_index=alloc_space
		if f, err := os.Create(prof); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	if err != nil {
		fmt.Println("child:", err)
		return 1
	}
	var size int64
	if fi, err := os.Stat(out); err == nil {
		size = fi.Size()
	}
	fmt.Printf("teamrss base=%d peak=%d heapmax=%d ms=%d pages=%d size=%d live=%d cpums=%d\n",
		base, procStatusKB("VmHWM:"), heapMax, took.Milliseconds(), w.Pages, size, live, cpu.Milliseconds())
	return 0
}

// sampleHeap polls the live heap (objects, not yet collected garbage
// included) every 20 ms until the returned stop, which gives the largest.
func sampleHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		read()
		return peak.Load()
	}
}

// goMemoryHeld is the Go memory the soft limit counts (ui.goMemory).
func goMemoryHeld() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapLive is the heap that the last collection found live.
func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// procStatusKB is a field of /proc/self/status in kB (Linux), or -1.
func procStatusKB(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb
		}
	}
	return -1
}
