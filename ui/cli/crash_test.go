package cli

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"warmlead/consent"
)

// Issue 8, crash mid-write: the real binary is killed with SIGKILL at
// random moments while it writes. Afterwards the file opens, `warmlead
// verify` passes, an import is there whole or not at all, and every event
// warmlead reported as saved (exit 0) is there.

// killAt runs the binary and kills it with SIGKILL after d, unless it ends
// first. It tells whether it was killed; a run that ended by itself must
// have succeeded.
func (p *proc) killAt(d time.Duration, args ...string) (killed bool) {
	p.t.Helper()
	cmd, _, errb, done := p.start(args...)
	select {
	case <-done:
	case <-time.After(d):
		cmd.Process.Kill() // SIGKILL: no deferred Close, no cleanup
		<-done
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return true
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		p.t.Fatalf("warmlead %s: exit %d: %s", strings.Join(args, " "), code, errb)
	}
	return false
}

// killFromPristine is one round from a pristine copy: the database is put
// back to pristine, the binary runs args and is killed after at, and the
// file must open and verify afterwards (which unlocks it, finishing an
// erasure). It tells whether the kill landed.
func (p *proc) killFromPristine(round int, pristine string, at time.Duration, args ...string) (killed bool) {
	p.t.Helper()
	copyFile(p.t, pristine, p.db)
	p.forgetSeen()
	killed = p.killAt(at, args...)
	p.checkAfterKill(round)
	return killed
}

// checkAfterKill: the file opens, verify passes.
func (p *proc) checkAfterKill(round int) {
	p.t.Helper()
	code, out, errs := p.run("verify")
	if code != 0 || !strings.HasPrefix(out, "ok: ") {
		p.t.Fatalf("round %d: verify after SIGKILL: exit %d\n%s%s", round, code, out, errs)
	}
}

// window measures how long a run of the binary takes: until startup, the
// time `help` takes (the process and its libraries, before any database
// work), and until full, the time args take. Kills are aimed between the
// two, where the database is opened, written and closed.
func (p *proc) window(args ...string) (startup, full time.Duration) {
	p.t.Helper()
	startup, full = time.Hour, time.Hour
	for range 3 {
		start := time.Now()
		p.must("help")
		startup = min(startup, time.Since(start))
		start = time.Now()
		p.must(args...)
		full = min(full, time.Since(start))
	}
	return startup, full
}

// aim picks a kill time from a little before the database work starts to a
// little after the run normally ends.
func aim(rng *rand.Rand, startup, full time.Duration) time.Duration {
	from, to := startup*9/10, full*11/10
	return from + time.Duration(rng.Int64N(int64(to-from)+1))
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCrashDuringImportIsAllOrNothing(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("add", "--name", "Existing Erik", "--company", "Before BV", "--email", "erik@before.example", "--source", "card")
	pristine := filepath.Join(p.dir, "pristine.db")
	copyFile(t, p.db, pristine)
	const n = 2000
	vcf := bigVCF(t, p.dir, n, "Crash")

	// One import to the end: what it gives, and how long it takes here.
	if out := p.must("import", vcf); !strings.Contains(out, fmt.Sprintf("imported %d, merged 0, suppressed 0, failed 0", n)) {
		t.Fatalf("a whole import: %q", out)
	}
	copyFile(t, pristine, p.db)
	p.forgetSeen()
	startup, full := p.window("import", vcf, "--keep-both")

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	const rounds = 20
	var whole, none int
	for round := range rounds {
		at := aim(rng, startup, full)
		killed := p.killFromPristine(round, pristine, at, "import", vcf)
		db := p.open()
		count := db.Index().Count()
		recs, problems, err := db.Records()
		if err != nil || len(problems) != 0 {
			t.Fatalf("round %d: records after SIGKILL: %v %v", round, problems, err)
		}
		imported := 0
		for _, r := range recs {
			if strings.HasPrefix(r.Prospect.Name, "Crash Person ") {
				imported++
				if len(r.Events) != 1 || r.Events[0].Kind != consent.KindCollected {
					t.Fatalf("round %d: an imported card without its collected event: %+v", round, r.Events)
				}
			}
		}
		db.Close()
		switch {
		case count == 1 && imported == 0:
			none++
			if !killed {
				t.Fatalf("round %d: the import reported success but is not there", round)
			}
		case count == n+1 && imported == n:
			whole++
		default:
			t.Fatalf("round %d (killed after %v): %d prospects, %d of the %d cards: a partial import", round, at, count, imported, n)
		}
	}
	t.Logf("%d rounds (an import takes %v, %v of it starting the process): %d whole, %d none", rounds,
		full.Round(time.Millisecond), startup.Round(time.Millisecond), whole, none)
}

func TestCrashDuringEventsLosesNothingReported(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("add", "--name", "Ledger Lotte", "--company", "Events BV", "--email", "lotte@events.example", "--phone", "+31 20 555 0101", "--source", "card")

	consentArgs := func(mark string) []string {
		return []string{"consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "signed", "--evidence", mark}
	}
	// A call with two consents: three events in one transaction.
	callArgs := func(mark string) []string {
		return []string{"call", "1", "--outcome", "reached", "--agreed", mark, "--consent", "product-info:email", "--consent", "events:phone"}
	}
	startup, full := p.window(callArgs("timing")...) // three calls, to the end
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	saved := map[string]bool{} // evidence or agreed texts of events reported saved
	maybe := map[string]bool{} // the one running when killed: there whole or not at all
	const rounds = 22
	started := time.Now()
	for round := range rounds {
		// A few writes run to the end, then one is killed somewhere in
		// its database work (or just after it).
		last := rng.IntN(4)
		for k := 0; ; k++ {
			mark := fmt.Sprintf("round %d write %d", round, k)
			args := consentArgs(mark)
			if k%2 == 1 {
				args = callArgs(mark)
			}
			at := time.Hour
			if k == last {
				at = aim(rng, startup, full)
			}
			if !p.killAt(at, args...) {
				saved[mark] = true
				if k >= last {
					break
				}
				continue
			}
			maybe[mark] = true
			break
		}
		p.checkAfterKill(round)
	}

	db := p.open()
	defer db.Close()
	evs, err := db.Events(1)
	if err != nil {
		t.Fatal(err)
	}
	if err := consent.VerifyChain(evs); err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for i, ev := range evs {
		switch ev.Kind {
		case consent.KindConsentGranted:
			if !ev.Pending {
				found[ev.Evidence]++
			}
		case consent.KindCallLogged:
			found[ev.Agreed]++
			// The call's consents came in the same transaction.
			if i+2 >= len(evs) || !evs[i+1].Pending || !evs[i+2].Pending || evs[i+1].Purpose != consent.PurposeProductInfo || evs[i+2].Purpose != consent.PurposeEvents {
				t.Fatalf("call %q without both of its consents", ev.Agreed)
			}
		}
	}
	if found["timing"] != 3 {
		t.Errorf("the three timing calls are there %d times", found["timing"])
	}
	delete(found, "timing")
	for mark := range saved {
		if found[mark] != 1 {
			t.Errorf("%q was reported saved (exit 0) but is there %d times", mark, found[mark])
		}
	}
	kept := 0
	for mark, n := range found {
		switch {
		case n != 1:
			t.Errorf("%q is there %d times", mark, n)
		case maybe[mark]:
			kept++
		case !saved[mark]:
			t.Errorf("%q is there %d times but was never written", mark, n)
		}
	}
	t.Logf("%d rounds in %v (a write takes %v, %v of it starting the process): %d writes reported saved, all there; %d of %d killed writes had committed",
		rounds, time.Since(started).Round(time.Millisecond), full.Round(time.Millisecond), startup.Round(time.Millisecond), len(saved), kept, len(maybe))
}
