package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
goarch: amd64
pkg: warmlead/ui/cli
cpu: Test CPU @ 2.0GHz
BenchmarkImport10k-2       	       1	 412345678 ns/op	  10.50 MB/s	     24251 cards/s
BenchmarkRawDecode10k-2    	       1	  41234567 ns/op	 105.0 MB/s	    242510 cards/s
--- BENCH: BenchmarkSomething
    x_test.go:1: a log line
PASS
ok  	warmlead/ui/cli	3.2s
pkg: warmlead/store
BenchmarkSearch100k-2      	       1	 507474494 ns/op	 8480 hits-1ch	 6127904 p50-1ch-ns	 41934226 p99-1ch-ns
BenchmarkSearch100k-2      	       1	 407474494 ns/op	 8480 hits-1ch	 5127904 p50-1ch-ns	 31934226 p99-1ch-ns
BenchmarkSearch100k-2      	       1	 607474494 ns/op	 8480 hits-1ch	 7127904 p50-1ch-ns	 51934226 p99-1ch-ns
BenchmarkUnlockLoad100k    	       1	 812000000 ns/op	 123153 prospects/s	 1048576 B/op	 12 allocs/op
BenchmarkUnlockReady100k-2    	       1	 600000000 ns/op
BenchmarkUnlockReadyCold100k-2    	       1	 2400000000 ns/op
BenchmarkRawIterateOpen100k-2    	       1	 150000000 ns/op
`

func TestTable(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	write(&out, r, true)
	got := out.String()
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if !strings.HasPrefix(lines[0], "Machine: Test CPU @ 2.0GHz, linux/amd64") {
		t.Fatalf("machine line: %q", lines[0])
	}
	// One header, one separator, one row per benchmark (repeats merged).
	if rows := lines[2:]; len(rows) != 2+7 {
		t.Fatalf("want 9 table lines:\n%s", got)
	}
	for _, want := range []string{
		"| Import10k | 412 ms | 10.5 MB/s, 24.3k cards/s | 10.0x RawDecode10k |",
		"| RawDecode10k | 41.2 ms | 105 MB/s, 243k cards/s |  |",
		// The median of three runs, durations in human units.
		"| Search100k | 507 ms | 8480 hits-1ch, p50-1ch 6.13 ms, p99-1ch 41.9 ms |  |",
		"| UnlockLoad100k | 812 ms | 123k prospects/s, 1.00 MiB/op, 12 allocs/op | 5.41x RawIterateOpen100k |",
		"| UnlockReady100k | 600 ms |  | 4.00x RawIterateOpen100k |",
		"| UnlockReadyCold100k | 2.40 s |  | 16.0x RawIterateOpen100k |",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("missing row %q in:\n%s", want, got)
		}
	}
}

func TestHumanUnits(t *testing.T) {
	for _, c := range []struct {
		ns   float64
		want string
	}{{999, "999 ns"}, {1500, "1.50 µs"}, {25_000_000, "25.0 ms"}, {1_234_000_000, "1.23 s"}, {0.5, "0.5 ns"}} {
		if got := duration(c.ns); got != c.want {
			t.Errorf("duration(%v) = %q, want %q", c.ns, got, c.want)
		}
	}
}

func TestNoInput(t *testing.T) {
	r, err := parse(strings.NewReader("PASS\nok  \twarmlead/store\t0.1s\n"))
	if err != nil || len(r.results) != 0 {
		t.Fatalf("%v %v", r.results, err)
	}
}
