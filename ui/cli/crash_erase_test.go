package cli

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// SIGKILL during `erase`, which commits the erasure and then compacts the
// file: afterwards the file verifies, the person is either still there or
// erased with a tombstone (never half), and the next unlock finishes a cut
// short compaction: no copy or marker stays beside the database.
func TestCrashDuringEraseIsFinishedAtNextUnlock(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("import", bigVCF(t, p.dir, 1500, "Bulk"))
	id := strings.TrimSpace(p.must("add", "--name", "Erika Erase", "--company", "Gone AB", "--email", "erika@gone.example", "--source", "card"))
	pristine := filepath.Join(p.dir, "pristine.db")
	copyFile(t, p.db, pristine)
	// How long a run takes: the process start (help), and a whole erasure.
	startup, full := time.Hour, time.Hour
	for range 3 {
		start := time.Now()
		p.must("help")
		startup = min(startup, time.Since(start))
		copyFile(t, pristine, p.db)
		p.forgetSeen()
		start = time.Now()
		p.must("erase", id, "--reason", "asked by phone")
		full = min(full, time.Since(start))
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	const rounds = 15
	var erased, kept int
	for round := range rounds {
		os.Remove(filepath.Join(p.dir, ".warmlead-erase-pending-warmlead.db"))
		p.killFromPristine(round, pristine, aim(rng, startup, full), "erase", id, "--reason", "asked by phone")
		leftovers, _ := filepath.Glob(filepath.Join(p.dir, ".warmlead-*"))
		if len(leftovers) > 0 {
			t.Fatalf("round %d: left beside the database after the next unlock: %v", round, leftovers)
		}
		// An erased id answers with its tombstone (issue 20).
		code, out, _ := p.run("show", id)
		gone := strings.Contains(out, "was erased")
		db := p.open()
		stones, err := db.Tombstones()
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case code == 0 && !gone && len(stones) == 0:
			kept++
		case code == 0 && gone && len(stones) == 1:
			erased++
		default:
			t.Fatalf("round %d: show exit %d with %d tombstones: a half erasure", round, code, len(stones))
		}
	}
	t.Logf("%d rounds (an erasure takes %v): %d erased, %d not yet", rounds, full.Round(time.Millisecond), erased, kept)
}
