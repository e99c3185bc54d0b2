//go:build tesseract && unix

package cardscan

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"warmlead/cardscan/cardgen"
)

// cpuTime is the process's user and system time so far: on a shared
// machine the wall time depends on the neighbours, this does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// needTesseract skips when the language packs are missing.
func needTesseract(tb testing.TB) {
	tb.Helper()
	r, err := NewReader(Options{})
	if err != nil {
		tb.Skipf("Tesseract cannot start (install tesseract-ocr-eng, -nld, -nor, -swe and -deu): %v", err)
	}
	r.Close()
}

// The pipeline on 16 generated photos of another series than the
// benchmark's, with thresholds a little under the targets (the benchmark
// measures the targets on 100).
func TestReadGeneratedCards(t *testing.T) {
	needTesseract(t)
	samples := generate(t, 16, 2)
	e := evaluate(t, samples, cardgen.HomeCountry)
	t.Log("\n" + e.table(0, 0, 0))
	for f, least := range map[string]float64{"email": 0.9, "phone": 0.9, "name": 0.8, "company": 0.75, "title": 0.7} {
		if e.rate(f) < least {
			t.Errorf("%s: %.0f%% right, want at least %.0f%%", f, 100*e.rate(f), 100*least)
		}
	}
	if e.qrRight != e.qrCards {
		t.Errorf("cards with a QR code: %d of %d right, want all", e.qrRight, e.qrCards)
	}
	if t.Failed() {
		// generated cards: no one's data
		for _, m := range e.misses {
			t.Log(m)
		}
	}
}

// BenchmarkReadCards measures field accuracy and time per card on
// OCR_CARDS (default 100) generated photos, one Reader per core, and
// Tesseract alone on the same photos (the floor: no card finding, no
// cleaning, no second look, no QR). make bench-ocr runs it.
func BenchmarkReadCards(b *testing.B) {
	needTesseract(b)
	n, _ := strconv.Atoi(os.Getenv("OCR_CARDS"))
	if n <= 0 {
		n = 100
	}
	samples := generate(b, n, 1)
	var e evaluation
	var cpu, floor, floorCPU time.Duration
	for b.Loop() {
		c0 := cpuTime()
		e = evaluate(b, samples, cardgen.HomeCountry)
		cpu = cpuTime() - c0
		c0 = cpuTime()
		floor = tesseractAlone(b, samples)
		floorCPU = cpuTime() - c0
	}
	per := func(d time.Duration) float64 { return d.Seconds() / float64(n) }
	for _, f := range benchFields {
		b.ReportMetric(100*e.rate(f), f+"-%")
	}
	b.ReportMetric(100*float64(e.qrRight)/float64(max(1, e.qrCards)), "qr-cards-%")
	b.ReportMetric(per(e.wall), "s/card")
	b.ReportMetric(per(cpu), "cpu-s/card")
	b.ReportMetric(per(floor), "tesseract-s/card")
	b.ReportMetric(per(floorCPU), "tesseract-cpu-s/card")
	b.Log("\n" + e.table(floor, cpu, floorCPU))
}

// tesseractAlone is the wall time of Tesseract reading the photos as they
// are, in the same mode and languages, one engine per core.
func tesseractAlone(tb testing.TB, samples []cardgen.Sample) time.Duration {
	engines := make([]*tesseract, benchWorkers())
	for i := range engines {
		e, err := newTextEngine(defaultLanguages)
		if err != nil {
			tb.Fatal(err)
		}
		engines[i] = e.(*tesseract)
		defer e.Close()
	}
	start := time.Now()
	parallel(len(samples), func(w, i int) {
		if _, err := engines[w].words(engines[w].c, samples[i].Photo); err != nil {
			tb.Error(err)
		}
	})
	return time.Since(start)
}
