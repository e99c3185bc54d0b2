// Command benchtable reads `go test -bench` output on stdin and prints one
// Markdown table: each benchmark's time per operation in human units, its
// custom metrics, and for the known pairs the ratio of Warmlead's figure to
// the raw rate of the library underneath, measured in the same run.
//
//	go test -run '^$' -bench . -benchtime 1x ./store ./ui/cli ./consent/pdfreport | go run ./tools/benchtable
//
// With -machine it first prints one line naming the CPU, OS and
// architecture the run reported. A benchmark run several times (-count)
// shows the median of each figure. Lines that are not benchmark results
// are ignored, so the output of several packages can be piped in whole.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// pairs maps a benchmark to the raw benchmark it is compared with.
var pairs = map[string]string{
	"Import10k":      "RawDecode10k",
	"Import100k":     "RawDecode100k",
	"UnlockLoad100k": "RawIterateOpen100k",
	// Unlock until the first screen can show: the index and the ledgers'
	// facets, from the snapshot kept at the last close, and without it.
	"UnlockReady100k":     "RawIterateOpen100k",
	"UnlockReadyCold100k": "RawIterateOpen100k",
}

// result is one benchmark: its figures in the order first seen.
type result struct {
	name    string
	pkg     string
	units   []string
	samples map[string][]float64
}

func (r *result) median(unit string) (float64, bool) {
	s := slices.Clone(r.samples[unit])
	if len(s) == 0 {
		return 0, false
	}
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2], true
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2, true
}

// benchLine: name, iterations, then value-unit pairs.
var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.+)$`)

type run struct {
	results []*result
	byName  map[string]*result
	cpu     string
	goos    string
	goarch  string
}

func parse(in io.Reader) (*run, error) {
	r := &run{byName: map[string]*result{}}
	pkg := ""
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = v
			continue
		}
		if v, ok := strings.CutPrefix(line, "cpu: "); ok {
			r.cpu = strings.TrimSpace(v)
			continue
		}
		if v, ok := strings.CutPrefix(line, "goos: "); ok {
			r.goos = v
			continue
		}
		if v, ok := strings.CutPrefix(line, "goarch: "); ok {
			r.goarch = v
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		if len(fields)%2 != 0 {
			continue
		}
		res := r.byName[m[1]]
		if res == nil {
			res = &result{name: m[1], pkg: pkg, samples: map[string][]float64{}}
			r.byName[m[1]] = res
			r.results = append(r.results, res)
		}
		for i := 0; i < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			unit := fields[i+1]
			if _, seen := res.samples[unit]; !seen {
				res.units = append(res.units, unit)
			}
			res.samples[unit] = append(res.samples[unit], v)
		}
	}
	return r, sc.Err()
}

// A unit step: values of at least min are divided by div and get suffix.
type step struct {
	min, div float64
	suffix   string
}

var (
	durationSteps = []step{{1e9, 1e9, " s"}, {1e6, 1e6, " ms"}, {1e3, 1e3, " µs"}, {0, 1, " ns"}}
	countSteps    = []step{{1e9, 1e9, "G"}, {1e6, 1e6, "M"}, {1e4, 1e3, "k"}, {0, 1, ""}}
)

// scaled is v in the first of steps it reaches, with three significant
// digits; the last step (min 0) takes the rest, NaN included.
func scaled(v float64, steps []step) string {
	a := math.Abs(v)
	for _, s := range steps[:len(steps)-1] {
		if a >= s.min {
			return sig(v/s.div) + s.suffix
		}
	}
	last := steps[len(steps)-1]
	return sig(v/last.div) + last.suffix
}

// duration formats nanoseconds with three significant digits.
func duration(ns float64) string { return scaled(ns, durationSteps) }

// sig is v with three significant digits, no exponent.
func sig(v float64) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	default:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
}

// count formats a large number with k, M or G, and a small whole number
// as it is.
func count(v float64) string {
	if math.Abs(v) < 1e4 && v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return scaled(v, countSteps)
}

// metric formats one custom figure: units ending in -ns are durations, B/op
// is bytes, the rest are numbers.
func metric(v float64, unit string) string {
	switch {
	case strings.HasSuffix(unit, "-ns"):
		return strings.TrimSuffix(unit, "-ns") + " " + duration(v)
	case unit == "B/op":
		return bytesHuman(v) + "/op"
	case unit == "MB/s":
		return sig(v) + " MB/s"
	default:
		return count(v) + " " + unit
	}
}

func bytesHuman(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1<<30:
		return sig(v/(1<<30)) + " GiB"
	case a >= 1<<20:
		return sig(v/(1<<20)) + " MiB"
	case a >= 1<<10:
		return sig(v/(1<<10)) + " KiB"
	default:
		return sig(v) + " B"
	}
}

// cell escapes what would break a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func write(w io.Writer, r *run, machine bool) {
	if machine && (r.cpu != "" || r.goos != "") {
		fmt.Fprintf(w, "Machine: %s, %s/%s\n\n", r.cpu, r.goos, r.goarch)
	}
	fmt.Fprintln(w, "| Benchmark | time/op | metrics | ours/raw |")
	fmt.Fprintln(w, "|---|---:|---|---:|")
	for _, res := range r.results {
		t := ""
		if ns, ok := res.median("ns/op"); ok {
			t = duration(ns)
		}
		var ms []string
		for _, u := range res.units {
			if u == "ns/op" {
				continue
			}
			v, _ := res.median(u)
			ms = append(ms, metric(v, u))
		}
		ratio := ""
		if raw, ok := pairs[res.name]; ok {
			if other := r.byName[raw]; other != nil {
				a, okA := res.median("ns/op")
				b, okB := other.median("ns/op")
				if okA && okB && b > 0 {
					ratio = fmt.Sprintf("%sx %s", sig(a/b), raw)
				}
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", cell(res.name), t, cell(strings.Join(ms, ", ")), cell(ratio))
	}
}

func main() {
	machine := flag.Bool("machine", false, "print the CPU, OS and architecture above the table")
	flag.Parse()
	r, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(r.results) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	write(os.Stdout, r, *machine)
}
