//go:build tesseract

package cardscan

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"warmlead/cardscan/cardgen"
)

// benchFields are the fields the accuracy is measured on, in table order.
var benchFields = []string{"name", "title", "company", "email", "phone", "mobile", "fax", "web"}

func fieldOf(c Card, f string) string {
	return map[string]Field{"name": c.Name, "title": c.Title, "company": c.Company, "email": c.Email,
		"phone": c.Phone, "mobile": c.Mobile, "fax": c.Fax, "web": c.Web}[f].Value
}

func truthOf(t cardgen.Truth, f string) string {
	return map[string]string{"name": t.Name, "title": t.Title, "company": t.Company, "email": t.Email,
		"phone": t.Phone, "mobile": t.Mobile, "fax": t.Fax, "web": t.Web}[f]
}

// evaluation is the field-level accuracy of a run over generated photos.
type evaluation struct {
	cards            int
	right, total     map[string]int
	qrCards, qrRight int // cards with a QR code, and those whose QR fields were all right
	wall             time.Duration
	misses           []string // "file field: want → got"
}

func (e evaluation) rate(f string) float64 {
	if e.total[f] == 0 {
		return 1
	}
	return float64(e.right[f]) / float64(e.total[f])
}

// generate makes n photos of series seed, on every core.
func generate(tb testing.TB, n int, seed uint64) []cardgen.Sample {
	tb.Helper()
	out := make([]cardgen.Sample, n)
	errs := make([]error, n)
	parallel(n, func(_, i int) { out[i], errs[i] = cardgen.Generate(seed, i) })
	for _, err := range errs {
		if err == cardgen.ErrNoFonts {
			tb.Skip(err)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// parallel runs do(worker, i) for i < n on one goroutine per core.
func parallel(n int, do func(worker, i int)) {
	workers := benchWorkers()
	next := make(chan int)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(w, i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// benchWorkers is how many Readers a batch runs: one per core.
func benchWorkers() int { return max(1, runtime.NumCPU()) }

// evaluate reads every sample with one Reader per core, as a batch does.
func evaluate(tb testing.TB, samples []cardgen.Sample, country string) evaluation {
	tb.Helper()
	readers := make([]Reader, benchWorkers())
	for i := range readers {
		r, err := NewReader(Options{Country: country})
		if err != nil {
			tb.Fatal(err)
		}
		readers[i] = r
		defer r.Close()
	}
	cards := make([]Card, len(samples))
	errs := make([]error, len(samples))
	start := time.Now()
	parallel(len(samples), func(w, i int) {
		cards[i], errs[i] = readers[w].Read(context.Background(), samples[i].Truth.File, samples[i].Photo)
	})
	e := evaluation{cards: len(samples), wall: time.Since(start), right: map[string]int{}, total: map[string]int{}}
	for i, s := range samples {
		if errs[i] != nil {
			tb.Fatalf("%s: %v", s.Truth.File, errs[i])
		}
		qrOK := true
		for _, f := range benchFields {
			want := truthOf(s.Truth, f)
			if want == "" {
				continue
			}
			e.total[f]++
			got := fieldOf(cards[i], f)
			if cardgen.Same(f, want, got) {
				e.right[f]++
				continue
			}
			if f != "mobile" && f != "fax" && f != "web" {
				qrOK = false
			}
			e.misses = append(e.misses, fmt.Sprintf("%s %s: %q → %q", s.Truth.File, f, want, got))
		}
		if s.Truth.QR != "" {
			e.qrCards++
			if qrOK {
				e.qrRight++
			}
		}
	}
	return e
}

// table is the evaluation as the README's Markdown table.
func (e evaluation) table(floor, cpu, floorCPU time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| field | right | accuracy |\n|---|---|---|\n")
	for _, f := range benchFields {
		fmt.Fprintf(&b, "| %s | %d / %d | %.1f%% |\n", f, e.right[f], e.total[f], 100*e.rate(f))
	}
	fmt.Fprintf(&b, "| cards with a QR code (all their fields) | %d / %d | %.1f%% |\n", e.qrRight, e.qrCards,
		100*float64(e.qrRight)/float64(max(1, e.qrCards)))
	fmt.Fprintf(&b, "\n%d photos, %d readers: %.2f s per card (wall time / cards)", e.cards, benchWorkers(),
		e.wall.Seconds()/float64(e.cards))
	per := func(d time.Duration) float64 { return d.Seconds() / float64(e.cards) }
	if cpu > 0 {
		fmt.Fprintf(&b, ", %.2f s of CPU per card", per(cpu))
	}
	if floor > 0 {
		fmt.Fprintf(&b, "; Tesseract alone on the same photos: %.2f s per card, %.2f s of CPU", per(floor), per(floorCPU))
	}
	return b.String()
}
