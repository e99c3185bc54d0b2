package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

var (
	day1 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
)

func mustImport(t *testing.T, db *DB, name string, numbers []string, now time.Time) Register {
	t.Helper()
	r, err := db.ImportDNC(name, numbers, now)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return r
}

func TestImportDNCAndLookup(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	r := mustImport(t, db, "  NL  Bel-me-niet ", []string{"+31205550199", "+31612345678", "+31205550199"}, day1)
	if r.Name != "NL Bel-me-niet" || r.Numbers != 2 || !r.Imported.Equal(day1) {
		t.Fatalf("register = %+v, want tidy name, 2 distinct numbers, import time", r)
	}
	hit := db.DNCLookup("+31205550199")
	if hit == nil || hit.Register != "NL Bel-me-niet" || !hit.Imported.Equal(day1) {
		t.Fatalf("listed number: %+v", hit)
	}
	for _, n := range []string{"+31205550100", ""} {
		if hit := db.DNCLookup(n); hit != nil {
			t.Errorf("DNCLookup(%q) = %+v, want nil", n, hit)
		}
	}
	regs, err := db.Registers()
	if err != nil || len(regs) != 1 || regs[0] != r {
		t.Fatalf("registers = %+v, %v", regs, err)
	}
	db.Lock()
	if hit := db.DNCLookup("+31205550199"); hit != nil {
		t.Fatal("lookup on a locked database answered")
	}
	if _, err := db.ImportDNC("X", nil, day1); err == nil {
		t.Fatal("import on a locked database accepted")
	}
}

func TestImportDNCRejectsBadInput(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	mustImport(t, db, "NL Bel-me-niet", []string{"+31205550199"}, day1)
	if _, err := db.ImportDNC(" ", []string{"+31205550100"}, day2); err == nil {
		t.Fatal("a register without a name was accepted")
	}
	for _, bad := range []string{"020 555 0100", "+31 20 555 0100", "", "+0123456789", "+1234"} {
		if _, err := db.ImportDNC("NL Bel-me-niet", []string{"+31205550100", bad}, day2); err == nil {
			t.Errorf("number %q accepted", bad)
		}
	}
	// A refused import leaves the previous list in force.
	if db.DNCLookup("+31205550199") == nil || db.DNCLookup("+31205550100") != nil {
		t.Fatal("a refused import changed the register")
	}
}

func TestImportDNCReplacesRegister(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	mustImport(t, db, "NL Bel-me-niet", []string{"+31205550199", "+31612345678"}, day1)
	// Same register, typed differently: replaced, not added.
	r := mustImport(t, db, "nl bel-me-niet", []string{"+31612345678", "+31201234567"}, day2)
	if db.DNCLookup("+31205550199") != nil {
		t.Fatal("a number dropped from the register is still listed")
	}
	for _, n := range []string{"+31612345678", "+31201234567"} {
		if hit := db.DNCLookup(n); hit == nil || !hit.Imported.Equal(day2) || hit.Register != "nl bel-me-niet" {
			t.Fatalf("%s after re-import: %+v", n, hit)
		}
	}
	regs, _ := db.Registers()
	if len(regs) != 1 || regs[0] != r || r.Numbers != 2 {
		t.Fatalf("registers after re-import = %+v", regs)
	}
	n := 0
	db.view(func(tx *bolt.Tx) error { n = tx.Bucket(bDNC).Stats().KeyN; return nil })
	if n != 2 {
		t.Fatalf("dnc bucket holds %d keys, want 2", n)
	}
}

func TestDNCTwoRegisters(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	mustImport(t, db, "SE NIX", []string{"+46812345678", "+4799887766"}, day1)
	mustImport(t, db, "NO Reservasjonsregisteret", []string{"+4799887766", "+4722123456"}, day2)
	if hit := db.DNCLookup("+4799887766"); hit == nil || hit.Register != "NO Reservasjonsregisteret" {
		t.Fatalf("number on two registers: %+v, want the most recent import", hit)
	}
	if hit := db.DNCLookup("+46812345678"); hit == nil || hit.Register != "SE NIX" {
		t.Fatalf("SE number: %+v", hit)
	}
	// Re-importing one register with others present deletes only its own keys.
	mustImport(t, db, "SE NIX", []string{"+46811111111"}, day2.Add(time.Hour))
	if hit := db.DNCLookup("+4799887766"); hit == nil || hit.Register != "NO Reservasjonsregisteret" {
		t.Fatalf("after SE re-import: %+v", hit)
	}
	if db.DNCLookup("+46812345678") != nil || db.DNCLookup("+46811111111") == nil || db.DNCLookup("+4722123456") == nil {
		t.Fatal("re-import of one register disturbed the other")
	}
	regs, _ := db.Registers()
	if len(regs) != 2 || regs[0].Name != "NO Reservasjonsregisteret" || regs[1].Name != "SE NIX" || regs[1].Numbers != 1 {
		t.Fatalf("registers = %+v", regs)
	}
}

func TestDNCNumbersNotInRawFile(t *testing.T) {
	db, path := newTestDB(t, Options{})
	numbers := []string{"+31205550199", "+31612345678", "+4799887766"}
	mustImport(t, db, "Bel-me-niet Nederland", numbers, day1)
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(numbers, "31205550199", "0205550199", "Bel-me-niet Nederland") {
		if bytes.Contains(raw, []byte(s)) || bytes.Contains(raw, utf16le(s)) {
			t.Errorf("raw file contains %q", s)
		}
	}
}

func TestRecordsFillDNCAndSuppressed(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	listed := addTest(t, db, "Listed Lars", "L", "lars@l.example", "020 555 0199")
	free := addTest(t, db, "Free Frida", "F", "frida@f.example", "+31 20 555 0100")
	mustImport(t, db, "NL Bel-me-niet", []string{"+31205550199"}, day1)
	// A referral who declined: still in the file, now suppressed.
	if err := db.Suppress("FRIDA@f.example", "", day1); err != nil {
		t.Fatal(err)
	}
	recs, problems, err := db.Records()
	if err != nil || len(problems) != 0 || len(recs) != 2 {
		t.Fatalf("records: %d, %v, %v", len(recs), problems, err)
	}
	byID := map[uint64]consent.Record{}
	for _, r := range recs {
		byID[r.Prospect.ID] = r
	}
	if r := byID[listed.ID]; r.DNC == nil || r.DNC.Register != "NL Bel-me-niet" || r.Suppressed || len(r.Events) != 1 {
		t.Fatalf("listed record: %+v", r)
	}
	if r := byID[free.ID]; r.DNC != nil || !r.Suppressed {
		t.Fatalf("free record: %+v", r)
	}
	one, err := db.Record(listed.ID)
	if err != nil || one.DNC == nil || one.Prospect.Name != "Listed Lars" {
		t.Fatalf("Record: %+v %v", one, err)
	}
	if d := consent.Decide(one, consent.ChannelPhone, consent.PurposeFollowUp, time.Now(), 12); d.Allowed || d.Rule != consent.RuleDoNotCall {
		t.Fatalf("policy on a listed number: %+v", d)
	}
	if _, err := db.Record(99); err == nil || err.Error() != "no prospect with id 99" {
		t.Fatalf("Record(99): %v", err)
	}
}

// BenchmarkImportDNC1M imports a register of a million numbers into an
// encrypted database and reports numbers per second and the peak heap, next
// to bbolt alone inserting the same million sorted keys in one transaction.
func BenchmarkImportDNC1M(b *testing.B) {
	const n = 1_000_000
	numbers := make([]string, n)
	for i := range numbers {
		numbers[i] = fmt.Sprintf("+316%08d", i*37%100_000_000)
	}
	path := filepath.Join(b.TempDir(), "warmlead.db")
	db, err := Create(path, []byte(testPass), testSettings(), Options{KDF: FastKDF()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()

	peak := watchHeap()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := db.ImportDNC("NL Bel-me-niet", numbers, day1)
		if err != nil || r.Numbers != n {
			b.Fatalf("import: %+v %v", r, err)
		}
	}
	b.StopTimer()
	heap := peak()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "numbers/s")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	if db.DNCLookup(numbers[n/2]) == nil {
		b.Fatal("an imported number is not listed")
	}
	st, _ := os.Stat(path)
	// What every Erase costs once such a register is imported.
	start := time.Now()
	if err := db.Compact(); err != nil {
		b.Fatal(err)
	}
	compact := time.Since(start)
	cst, _ := os.Stat(path)
	raw := rawBoltInsert(b, n)
	b.ReportMetric(raw.Seconds()*1e9, "raw-bolt-ns")
	b.ReportMetric(compact.Seconds()*1e9, "compact-ns")
	b.Logf("1M numbers: %v per import, peak heap %.0f MB (the input strings alone are ~%d MB), file %d MB; bbolt alone: %v; compacting then: %v (file %d MB)",
		b.Elapsed()/time.Duration(b.N), float64(heap)/(1<<20), n*32>>20, st.Size()>>20, raw, compact, cst.Size()>>20)
}

// watchHeap samples the heap until the returned function is called, which
// stops sampling and returns the highest HeapAlloc seen.
func watchHeap() func() uint64 {
	runtime.GC()
	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapAlloc)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// rawBoltInsert times bbolt putting n sorted 24-byte keys with empty values
// into a fresh bucket in one transaction: the floor under ImportDNC.
func rawBoltInsert(b *testing.B, n int) time.Duration {
	keys := make([][24]byte, n)
	for i := range keys {
		copy(keys[i][:], blind([]byte("k"), "dnc", fmt.Sprint(i)))
	}
	slices.SortFunc(keys, func(a, b [24]byte) int { return bytes.Compare(a[:], b[:]) })
	bdb, err := bolt.Open(filepath.Join(b.TempDir(), "raw.db"), 0o600, &bolt.Options{FreelistType: bolt.FreelistMapType})
	if err != nil {
		b.Fatal(err)
	}
	defer bdb.Close()
	start := time.Now()
	err = bdb.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucket([]byte("dnc"))
		if err != nil {
			return err
		}
		bk.FillPercent = 1.0
		for i := range keys {
			if err := bk.Put(keys[i][:], nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

func TestBlinderMatchesBlind(t *testing.T) {
	key := randomBytes(keyLen)
	b := newBlinder(key)
	for _, v := range [][2]string{{"dnc", "+31205550199"}, {"email", "a@b.example"}, {"dnc", ""}, {"register", "nl bel-me-niet"}} {
		if got, want := b.blind(v[0], v[1]), blind(key, v[0], v[1]); !bytes.Equal(got, want) {
			t.Errorf("blinder(%q, %q) = %x, want %x", v[0], v[1], got, want)
		}
	}
}
