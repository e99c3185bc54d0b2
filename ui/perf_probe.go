//go:build perfprobe

package ui

// The perf probe (issue 16): compiled into the binary only with the
// perfprobe build tag, for the GUI test at 100,000 prospects (perf_test.go,
// make perf-test and make bench). With WARMLEAD_PERF_OUT set it drives the
// real window through a session, as a rep would: the first screen after the
// automatic unlock, every section, a call logged from the call list, the
// team report of everyone; it writes how long each step took until its
// data was painted, and the process's resident memory, as JSON to that
// file, then quits. No personal data goes into it: counts and durations.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// probeStart is as close to the process start as Go code gets.
var probeStart = time.Now()

func init() { perfProbe = runPerfProbe }

// PerfStep is one measured step of the session.
type PerfStep struct {
	Name string  `json:"name"`
	Ms   float64 `json:"ms"` // until its data was painted
	// The process's CPU time (user and system, every thread) during the
	// step: on a shared machine the wall time above waits for the other
	// processes too, this does not.
	CPUMs float64 `json:"cpu_ms"`
	RSSMB float64 `json:"rss_mb"` // resident right after
	// Of which anonymous memory (the Go heap, mostly) and pages of files
	// mapped (the database: bbolt reads it through mmap).
	AnonMB float64 `json:"anon_mb"`
	FileMB float64 `json:"file_mb"`
	HeapMB float64 `json:"heap_mb"` // the Go heap in use (live and not yet collected)
	PeakMB float64 `json:"peak_mb"` // the highest resident seen during the step (sampled every 20 ms)
	// Its anonymous and file parts at that moment.
	PeakAnonMB float64 `json:"peak_anon_mb"`
	PeakFileMB float64 `json:"peak_file_mb"`
	Rows       int     `json:"rows"` // what the screen listed, as a sanity check
}

// PerfReport is what the probe writes.
type PerfReport struct {
	Steps     []PerfStep `json:"steps"`
	PeakRSSMB float64    `json:"peak_rss_mb"` // VmHWM: the highest resident set of the whole session
	// Of the resident set at the end, the software OpenGL under Xvfb (Mesa's
	// llvmpipe: libLLVM and the dri driver), which a desktop with a GPU
	// driver does not have in this form.
	SoftGLMB float64 `json:"soft_gl_mb"`
	Error    string  `json:"error,omitempty"`
}

type probe struct {
	g    *GUI
	w    fyne.Window
	rep  PerfReport
	cpu  float64 // CPU milliseconds at the last step
	mu   sync.Mutex
	peak [3]float64 // resident, anonymous, file (MB) at the highest resident since the last step
	// The step to profile alone (WARMLEAD_PERF_CPU_STEP) and the file.
	cpuStep string
	cpuFile *os.File
}

// begin marks the start of a step: its CPU profile starts when it is the
// one asked for.
func (p *probe) begin(name string) {
	if p.cpuFile != nil && strings.HasPrefix(name, p.cpuStep) {
		pprof.StartCPUProfile(p.cpuFile)
	}
}

// sample keeps the highest resident size since the last step.
func (p *probe) sample() {
	for {
		now := [3]float64{procStatusMB("VmRSS"), procStatusMB("RssAnon"), procStatusMB("RssFile")}
		p.mu.Lock()
		if now[0] > p.peak[0] {
			p.peak = now
		}
		p.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
}

func runPerfProbe(g *GUI, w fyne.Window) {
	out := os.Getenv("WARMLEAD_PERF_OUT")
	if out == "" {
		return
	}
	p := &probe{g: g, w: w}
	// With WARMLEAD_PERF_CPU=FILE, a CPU profile of the whole session, or
	// with WARMLEAD_PERF_CPU_STEP=NAME too, of the steps whose name starts
	// with NAME only.
	if f, err := os.Create(os.Getenv("WARMLEAD_PERF_CPU")); err == nil {
		if p.cpuStep = os.Getenv("WARMLEAD_PERF_CPU_STEP"); p.cpuStep == "" {
			pprof.StartCPUProfile(f)
		} else {
			p.cpuFile = f
			p.begin("start to first paint") // the window's first step begins now
		}
	}
	go p.sample()
	go func() {
		if err := p.session(); err != "" {
			p.rep.Error = err
		}
		p.rep.PeakRSSMB = procStatusMB("VmHWM")
		p.rep.SoftGLMB = mappedMB(func(path string) bool { return strings.Contains(path, "libLLVM") || strings.Contains(path, "/dri/") })
		pprof.StopCPUProfile()
		b, _ := json.MarshalIndent(p.rep, "", "  ")
		os.WriteFile(out, b, 0o600)
		fyne.Do(func() { g.app.Quit() })
	}()
}

// session returns what went wrong, if anything.
func (p *probe) session() string {
	g := p.g
	deadline := time.Now().Add(3 * time.Minute)
	for !p.onUI(func() bool { return g.shell != nil }) {
		if time.Now().After(deadline) {
			return "the main window never appeared (is the passphrase file right?)"
		}
		time.Sleep(5 * time.Millisecond)
	}
	p.settle()
	how := "keyring" // as a rep's desktop unlocks it; a passphrase file adds Argon2id
	if g.cfg.PasswordFile != "" {
		how = "passphrase file"
	}
	p.step("start to first paint (Today, "+how+")", time.Since(probeStart), len(g.shell.today.items))

	rows := map[string]func() int{
		"prospects": func() int { return len(g.shell.prospects.results) },
		"referrals": func() int { return len(g.shell.referrals.rows) },
		"calls":     func() int { return len(g.shell.calls.rows) },
		"today":     func() int { return len(g.shell.today.items) },
		"insight":   func() int { return len(g.shell.insight.charts) },
	}
	seen := map[string]bool{"today": true} // the first paint was Today's
	for _, id := range []string{"prospects", "referrals", "calls", "insight", "team", "reports", "settings", "today", "calls"} {
		name := "open " + id
		if seen[id] {
			name += " again"
		}
		seen[id] = true
		p.begin(name)
		start := time.Now()
		fyne.DoAndWait(func() { g.shell.show(id) })
		if id == "insight" {
			// Insight reads every ledger for its figures (seconds at
			// 100,000): its first paint is the filters and the
			// "computing" line, timed apart from the charts coming in.
			fyne.DoAndWait(func() {}) // the frame that paints it
			p.step(name+": first paint", time.Since(start), 0)
			p.begin(name)
			name = "insight: the charts computed"
		}
		p.settle()
		n := 0
		if f := rows[id]; f != nil {
			n = f()
		}
		p.step(name, time.Since(start), n)
		p.shot(id)
	}
	if msg := p.logCall(); msg != "" {
		return msg
	}
	return p.teamReport()
}

// logCall logs "no answer" for the first person on the call list through
// the call dialog, and times how long until the list shows them moved.
func (p *probe) logCall() string {
	g := p.g
	c := g.shell.calls
	var first uint64
	var dlg *callDialog
	fyne.DoAndWait(func() {
		if len(c.rows) == 0 {
			return
		}
		first = c.rows[0].ID
		c.openLog(first) // as the row's Log call button does
	})
	if first == 0 {
		return "the call list is empty"
	}
	p.settle()
	fyne.DoAndWait(func() { dlg = c.dialog })
	p.begin("log a call")
	start := time.Now()
	fyne.DoAndWait(func() {
		dlg.outcome.SetSelected(i18n.Outcome(consent.OutcomeNoAnswer))
		dlg.onSave()
	})
	// Timed to the moment the list shows them moved, and the frame after:
	// the answers read again after it (settle) come on top.
	moved := func() bool { return len(c.rows) > 0 && c.rows[0].ID != first }
	for deadline := time.Now().Add(time.Minute); !p.onUI(moved); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			return "after a call was logged the call list did not reorder"
		}
	}
	fyne.DoAndWait(func() {}) // the frame that paints it
	took := time.Since(start)
	p.settle()
	p.step("log a call: the call list reordered", took, len(c.rows))
	return ""
}

// teamReport writes the team report of everyone (no per-person summaries)
// as the Reports screen's Create button does, to a temporary file.
func (p *probe) teamReport() string {
	g := p.g
	dir, err := os.MkdirTemp("", "warmlead-perf")
	if err != nil {
		return err.Error()
	}
	defer os.RemoveAll(dir)
	var w usecase.Written
	var failed atomic.Value
	p.begin("team report")
	start := time.Now()
	fyne.DoAndWait(func() {
		g.background(func() error {
			var err error
			w, err = roomForDocument(func() (usecase.Written, error) { // as the Create button does
				return g.uc.Documents.Team(usecase.TeamRequest{Filter: pdfreport.Filter{}, Lang: documentLang(),
					Reason: "perf probe", Path: filepath.Join(dir, "team.pdf")})
			})
			return err
		}, func(err error) {
			if err != nil {
				failed.Store(err.Error())
			}
		})
	})
	p.settle()
	if msg, ok := failed.Load().(string); ok {
		return "team report: " + msg
	}
	p.step("team report of everyone ("+strconv.Itoa(w.Pages)+" pages)", time.Since(start), w.Pages)
	return ""
}

// shot keeps the screen's picture as DIR/perf-ID.png with
// WARMLEAD_PERF_SHOTS=DIR (ImageMagick's import, as under Xvfb; the GL
// canvas's own Capture reads back an empty buffer there).
func (p *probe) shot(id string) {
	if dir := os.Getenv("WARMLEAD_PERF_SHOTS"); dir != "" {
		exec.Command("import", "-window", "root", filepath.Join(dir, "perf-"+id+".png")).Run()
	}
}

// settle waits until no background job is left and their results are on
// the screen, then for the frame that paints them.
func (p *probe) settle() {
	for p.onUI(func() bool { return p.g.inflight.Load() != 0 }) {
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // a frame at 60 Hz is 17 ms
	fyne.DoAndWait(func() {})
}

func (p *probe) onUI(f func() bool) bool {
	var v bool
	fyne.DoAndWait(func() { v = f() })
	return v
}

func (p *probe) step(name string, d time.Duration, rows int) {
	if p.cpuFile != nil && strings.HasPrefix(name, p.cpuStep) {
		pprof.StopCPUProfile()
	}
	p.mu.Lock()
	peak := p.peak
	p.peak = [3]float64{}
	p.mu.Unlock()
	cpu := cpuMs()
	p.rep.Steps = append(p.rep.Steps, PerfStep{Name: name, Ms: float64(d.Microseconds()) / 1000, CPUMs: cpu - p.cpu, RSSMB: procStatusMB("VmRSS"),
		AnonMB: procStatusMB("RssAnon"), FileMB: procStatusMB("RssFile"), HeapMB: heapMB(),
		PeakMB: peak[0], PeakAnonMB: peak[1], PeakFileMB: peak[2], Rows: rows})
	p.cpu = cpu
	// With WARMLEAD_PERF_PROFILE=DIR, a heap profile after each step
	// (go tool pprof -sample_index=inuse_space DIR/step-N.heap).
	// With it, also the mappings' resident sizes (step-N.smaps: what of
	// the resident set is Go's, the GL driver's, the database file's).
	if dir := os.Getenv("WARMLEAD_PERF_PROFILE"); dir != "" {
		base := filepath.Join(dir, "step-"+strconv.Itoa(len(p.rep.Steps)))
		if f, err := os.Create(base + ".heap"); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
		if b, err := os.ReadFile("/proc/self/smaps"); err == nil {
			os.WriteFile(base+".smaps", b, 0o600)
		}
	}
}

// cpuMs is the process's user and system CPU time so far.
func cpuMs() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}

func heapMB() float64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapInuse) / 1e6
}

// procStatusMB reads a "kB" line of /proc/self/status in megabytes (10^6).
func procStatusMB(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb * 1024 / 1e6
			}
		}
	}
	return 0
}

// mappedMB sums the resident size of the mappings of files that match.
func mappedMB(match func(path string) bool) float64 {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return 0
	}
	var kb float64
	in := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			in = len(f) >= 6 && match(f[5])
		case in && len(f) >= 2 && f[0] == "Rss:":
			v, _ := strconv.ParseFloat(f[1], 64)
			kb += v
		}
	}
	return kb * 1024 / 1e6
}
