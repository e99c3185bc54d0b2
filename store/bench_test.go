package store

// Benchmarks at 100,000 prospects with about ten events each (issue 9).
// Each figure that has a library underneath is printed beside the raw rate
// of that library, measured in the same run:
//
//	BenchmarkUnlockLoad100k       vs  BenchmarkRawIterateOpen100k
//	BenchmarkUnlockReady100k      vs  BenchmarkRawIterateOpen100k
//	BenchmarkUnlockReadyCold100k  vs  BenchmarkRawIterateOpen100k
//
// The database is built once per process (about 15 s) in a temp
// dir with FastKDF, so unlocking measures the load, not Argon2id;
// BenchmarkArgon2Default prices the real KDF separately.
//
// The fixture cannot come from `warmlead demo` (ui/cli imports store, so a
// store test importing ui/cli is a cycle). It is generated here with the
// same kind of people and ledgers: prospects through ImportProspects,
// 2,000 per transaction, and their ledgers through benchAppendLedgers,
// 2,000 prospects per transaction, which is the store call that demo
// needs and does not have yet.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/chacha20poly1305"

	"warmlead/consent"
)

const (
	benchProspects = 100_000
	benchBatch     = 2000
	benchPass      = "benchmark passphrase"
	// benchRSSChild, when set in the environment, makes the test binary
	// open the database at that path, report its peak memory and exit.
	benchRSSChild = "WARMLEAD_BENCH_RSS_DB"
)

var bench100k struct {
	once   sync.Once
	dir    string
	path   string
	events int
	err    error
}

func TestMain(m *testing.M) {
	if path := os.Getenv(benchRSSChild); path != "" {
		os.Exit(rssChild(path))
	}
	code := m.Run()
	if bench100k.dir != "" {
		os.RemoveAll(bench100k.dir)
	}
	os.Exit(code)
}

// fixture100k is the path of the shared 100,000-prospect database (closed).
func fixture100k(b *testing.B) string {
	b.Helper()
	bench100k.once.Do(func() {
		started := time.Now()
		bench100k.dir, bench100k.err = os.MkdirTemp("", "warmlead-bench-")
		if bench100k.err != nil {
			return
		}
		bench100k.path = filepath.Join(bench100k.dir, "warmlead.db")
		bench100k.events, bench100k.err = buildBenchDB(bench100k.path, benchProspects, 1)
		fmt.Fprintf(os.Stderr, "store bench: built %d prospects with %d events in %s\n", benchProspects, bench100k.events, time.Since(started).Round(time.Millisecond))
	})
	if bench100k.err != nil {
		b.Fatalf("building the 100k database: %v", bench100k.err)
	}
	return bench100k.path
}

// openBench opens and unlocks the shared database; the caller closes it.
func openBench(b *testing.B) *DB {
	b.Helper()
	return openWith(b, fixture100k(b), Options{}, benchPass)
}

// BenchmarkUnlockLoad100k: open the file, unlock (FastKDF) and decrypt all
// 100,000 prospects into the search index. The facet snapshot is dropped
// first (untimed), so the figure stays the index load it always was.
func BenchmarkUnlockLoad100k(b *testing.B) {
	path := fixture100k(b)
	for b.Loop() {
		b.StopTimer()
		dropFacetSnapshot(b, path)
		b.StartTimer()
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
			b.Fatal(err)
		}
		if db.Index().Count() != benchProspects {
			b.Fatalf("loaded %d prospects", db.Index().Count())
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchProspects*b.N)/b.Elapsed().Seconds(), "prospects/s")
}

// BenchmarkUnlockReady100k: open, unlock and have the facets ready, as the
// first screen (Today) needs them: a last-contact List. The file was closed
// after a session, so it holds the facet snapshot (index_facets_snapshot.go).
func BenchmarkUnlockReady100k(b *testing.B) { benchUnlockReady(b, true) }

// BenchmarkUnlockReadyCold100k is UnlockReady100k without a snapshot (a
// session that was killed, or a file written since): every ledger is read.
func BenchmarkUnlockReadyCold100k(b *testing.B) { benchUnlockReady(b, false) }

func benchUnlockReady(b *testing.B, snapshot bool) {
	path := fixture100k(b)
	if snapshot { // a session that read the ledgers, closed cleanly
		db := openBench(b)
		if err := db.Index().PrepareFacets(); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	want := snapUsed
	if !snapshot {
		want = snapNone
	}
	for b.Loop() {
		if !snapshot {
			b.StopTimer()
			dropFacetSnapshot(b, path) // the last iteration's Close wrote one
			b.StartTimer()
		}
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.UnlockPassphrase([]byte(benchPass)); err != nil {
			b.Fatal(err)
		}
		ids, err := db.Index().List(ListQuery{Order: OrderLastContact}, nil)
		if err != nil || len(ids) != benchProspects {
			b.Fatalf("listed %d prospects: %v", len(ids), err)
		}
		b.StopTimer()
		if got := snapOutcome(db); got != want {
			b.Fatalf("snapshot outcome %d, want %d", got, want)
		}
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchProspects*b.N)/b.Elapsed().Seconds(), "prospects/s")
}

// dropFacetSnapshot removes the facet snapshot from the closed file.
func dropFacetSnapshot(b testing.TB, path string) {
	b.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.updateUncounted(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Delete(mFacets) }); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRawIterateOpen100k is the floor under the load: bbolt opens the
// file and iterates the prospects bucket, and XChaCha20-Poly1305 opens each
// value; no JSON, no index.
func BenchmarkRawIterateOpen100k(b *testing.B) {
	path := fixture100k(b)
	db := openBench(b)
	key := slices.Clone(db.dataKey)
	db.Close()
	for b.Loop() {
		bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		aead, err := chacha20poly1305.NewX(key)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		ad := make([]byte, 0, 64)
		var pt []byte
		err = bdb.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bProspects).ForEach(func(k, v []byte) error {
				ad = append(append(append(ad[:0], bProspects...), 0), k...)
				ns := aead.NonceSize()
				var err error
				if pt, err = aead.Open(pt[:0], v[1:1+ns], v[1+ns:], ad); err != nil {
					return err
				}
				n++
				return nil
			})
		})
		if err != nil || n != benchProspects {
			b.Fatalf("opened %d values: %v", n, err)
		}
		b.StopTimer()
		bdb.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchProspects*b.N)/b.Elapsed().Seconds(), "prospects/s")
}

// BenchmarkArgon2Default is the KDF an unlock with the passphrase adds to
// UnlockLoad100k (the keyring unlock skips it).
func BenchmarkArgon2Default(b *testing.B) {
	p := DefaultKDF()
	p.Salt = randomBytes(16)
	for b.Loop() {
		zero(p.derive([]byte(benchPass)))
	}
}

// benchQueries are words a rep types, unaccented as on an English keyboard.
var benchQueries = []string{"jorgen", "angstrom", "odegard", "muller", "schroder", "kowalski", "wisniewski", "lukasz",
	"malgorzata", "tobias", "ulrika", "soderberg", "fjellstrom", "sigrid", "jurgen", "kjersti", "gunter", "dabrowski",
	"pieter", "daniel", "hoekstra", "meijer", "oliver", "charlotte", "siobhan", "macdonald", "bronte", "nordlys",
	"polderlicht", "rheintal", "thames", "bodensee", "havorn", "norrsken", "baltyk", "logistics", "energi", "ingrid",
	"stefanie", "agnieszka", "wojciech", "torbjorn", "lindqvist", "bergstrom", "hughes", "clarke", "jansen", "bakker"}

// BenchmarkSearch100k types each query letter by letter and times the
// search at 1, 3 and 6 letters: median and p99 per keystroke. It uses
// SearchIDs, as the prospects list does (it reads only the visible rows).
func BenchmarkSearch100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	// Accent- and case-insensitive, both ways.
	for q, want := range map[string]string{"jorgen": "Jørgen", "angstrom": "Ångström", "JØRGEN": "Jørgen", "lukasz": "Łukasz", "muller": "Müller", "odegard": "Ødegård"} {
		hits := db.Index().Search(q)
		if len(hits) == 0 || !strings.Contains(hits[0].Name, want) {
			b.Fatalf("search %q finds %d, first %v; want %q", q, len(hits), hits, want)
		}
	}
	lengths := []int{1, 3, 6}
	samples := make([][]time.Duration, len(lengths))
	hits := make([]int, len(lengths))
	var res []uint64
	// Ten rounds of the 48 words an iteration: a p99 of 48 samples would
	// be their maximum, one scheduling hiccup.
	for b.Loop() {
		for _, q := range slices.Repeat(benchQueries, 10) {
			for i, n := range lengths {
				start := time.Now()
				res = db.Index().SearchIDs(q[:n], res)
				samples[i] = append(samples[i], time.Since(start))
				hits[i] += len(res)
			}
		}
	}
	for i, n := range lengths {
		s := samples[i]
		slices.Sort(s)
		b.ReportMetric(float64(s[len(s)/2].Nanoseconds()), fmt.Sprintf("p50-%dch-ns", n))
		b.ReportMetric(float64(s[min(len(s)-1, len(s)*99/100)].Nanoseconds()), fmt.Sprintf("p99-%dch-ns", n))
		b.ReportMetric(float64(hits[i])/float64(len(s)), fmt.Sprintf("hits-%dch", n))
	}
}

// BenchmarkRecords100k reads every prospect with its ledger, do-not-call
// hit and suppression flag: what can-contact for everyone, due and the
// reports start from.
func BenchmarkRecords100k(b *testing.B) {
	db := openBench(b)
	defer db.Close()
	var events int
	for b.Loop() {
		recs, problems, err := db.Records()
		if err != nil || len(problems) > 0 || len(recs) != benchProspects {
			b.Fatalf("%d records, %v, %v", len(recs), problems, err)
		}
		events = 0
		for i := range recs {
			events += len(recs[i].Events)
		}
	}
	b.ReportMetric(float64(benchProspects*b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(events)/benchProspects, "events/prospect")
}

// BenchmarkDecideAll100k is can-contact for everyone: consent.Decide for
// follow-up by email on all 100,000 records (read once, not timed).
func BenchmarkDecideAll100k(b *testing.B) {
	db := openBench(b)
	recs, _, err := db.Records()
	if err != nil {
		b.Fatal(err)
	}
	s, err := db.Settings()
	if err != nil {
		b.Fatal(err)
	}
	db.Close()
	now := time.Now()
	allowed := 0
	for b.Loop() {
		allowed = 0
		for i := range recs {
			if consent.Decide(recs[i], consent.ChannelEmail, consent.PurposeFollowUp, now, s.RetentionMonths).Allowed {
				allowed++
			}
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "decisions/s")
	b.ReportMetric(100*float64(allowed)/float64(len(recs)), "allowed-%")
}

// BenchmarkFileAndMemory100k reports the file size per prospect against
// the plaintext JSON it seals (target < 2x), the same after compaction,
// and the peak memory (VmHWM)
// of a fresh process that opens and unlocks the database (target
// < 300 MB), and of the same process after Records.
func BenchmarkFileAndMemory100k(b *testing.B) {
	path := fixture100k(b)
	db := openBench(b)
	key := slices.Clone(db.dataKey)
	db.Close()
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	var plain, used int64
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	err = bdb.View(func(tx *bolt.Tx) error {
		used = tx.Size()
		for _, name := range [][]byte{bSettings, bProspects, bEvents, bSuppress, bTombstones, bAudit, bRegisters} {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				if len(v) == 0 {
					return nil
				}
				pt, err := open(key, v, adFor(name, k))
				plain += int64(len(pt))
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	bdb.Close()
	if err != nil {
		b.Fatal(err)
	}
	// What compaction (bbolt's Compact: pages filled to 100%) would make
	// of the same data.
	started := time.Now()
	compacted, err := compactedSize(path)
	if err != nil {
		b.Fatal(err)
	}
	compactTime := time.Since(started)
	var load, records int64
	for b.Loop() {
		load, records = measureRSS(b, path)
	}
	b.ReportMetric(float64(st.Size())/benchProspects, "file-B/prospect")
	b.ReportMetric(float64(used)/benchProspects, "used-B/prospect")
	b.ReportMetric(float64(plain)/benchProspects, "plain-B/prospect")
	b.ReportMetric(float64(st.Size())/float64(plain), "file/plain")
	b.ReportMetric(float64(compacted)/benchProspects, "compacted-B/prospect")
	b.ReportMetric(float64(compacted)/float64(plain), "compacted/plain")
	b.ReportMetric(float64(compactTime.Nanoseconds()), "compact-ns")
	b.ReportMetric(float64(load)/1024, "peak-RSS-load-MB")
	b.ReportMetric(float64(records)/1024, "peak-RSS-records-MB")
}

// compactedSize copies the live data of the file at path into a fresh file
// as DB.Compact does, and returns that file's size.
func compactedSize(path string) (int64, error) {
	src, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer src.Close()
	name := path + ".compacted"
	defer os.Remove(name)
	dst, err := bolt.Open(name, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return 0, err
	}
	err = bolt.Compact(dst, src, compactTxSize)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	st, err := os.Stat(name)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// measureRSS runs this test binary again as a child that only opens the
// database, so the peak is not this process's (which built the file).
func measureRSS(b *testing.B, path string) (loadKB, recordsKB int64) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), benchRSSChild+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var what string
		var kb int64
		if n, _ := fmt.Sscanf(sc.Text(), "rss %s %d", &what, &kb); n == 2 {
			switch what {
			case "load":
				loadKB = kb
			case "records":
				recordsKB = kb
			}
		}
	}
	if loadKB == 0 || recordsKB == 0 {
		b.Fatalf("child printed no peak memory:\n%s", out)
	}
	return loadKB, recordsKB
}

// rssChild is the child's whole life: open, unlock, print VmHWM; read all
// records, print VmHWM again.
func rssChild(path string) int {
	db, err := Open(path, Options{})
	if err == nil {
		err = db.UnlockPassphrase([]byte(benchPass))
	}
	if err != nil {
		fmt.Println("child:", err)
		return 1
	}
	fmt.Printf("rss load %d\n", vmHWM())
	recs, _, err := db.Records()
	if err != nil {
		fmt.Println("child:", err)
		return 1
	}
	fmt.Printf("rss records %d\n", vmHWM())
	runtime.KeepAlive(recs)
	db.Close()
	return 0
}

// vmHWM is the peak resident set size in kB (Linux), or -1.
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb
		}
	}
	return -1
}
