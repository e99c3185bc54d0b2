package cli

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/store/storetest"
)

// cutLastEvent deletes the newest event of the prospect's ledger straight
// in the file, as someone with write access but no key could.
func cutLastEvent(t *testing.T, path string, id uint64) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		var last []byte
		tx.Bucket([]byte("events")).ForEach(func(k, _ []byte) error {
			if len(k) == 16 && k[7] == byte(id) {
				last = append([]byte(nil), k...)
			}
			return nil
		})
		return tx.Bucket([]byte("events")).Delete(last)
	})
}

// Issue 20: the newest event of a ledger cut off in the file (the
// objection) no longer makes can-contact say allowed: it fails naming the
// cut, verify names it, and verify --accept takes the file as it is, with
// an audit entry.
func TestCLICutLedgerIsNoticed(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("add", "--name", "Objecting Olga", "--company", "Nee BV", "--email", "olga@nee.example", "--source", "card")
	p.must("consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "signed", "--evidence", "signed at the stand")
	p.must("object", "1", "--evidence", "phoned to say stop")
	if code, out, _ := p.run("can-contact", "1", "--channel", "email", "--purpose", "newsletter"); code != 3 {
		t.Fatalf("before: exit %d %s", code, out)
	}
	cutLastEvent(t, p.db, 1)

	code, out, errs := p.run("can-contact", "1", "--channel", "email", "--purpose", "newsletter")
	if code != 1 || strings.Contains(out, "allowed") || !strings.Contains(errs, "prospect 1: events 3 to 3 of the ledger were removed") {
		t.Fatalf("can-contact after the cut: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = p.run("verify")
	if code != 1 || !strings.Contains(out, "in events: 1 record(s) removed") {
		t.Fatalf("verify after the cut: exit %d\n%s%s", code, out, errs)
	}
	if out := p.must("verify", "--accept", "no backup; objection entered again"); !strings.HasPrefix(out, "broken: ") || !strings.Contains(out, "accepted: ") {
		t.Fatalf("verify --accept: %s", out)
	}
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("verify after accept: %s", out)
	}
	if out := p.must("audit"); !strings.Contains(out, "state-accepted") || !strings.Contains(out, "no backup; objection entered again") {
		t.Errorf("audit: %s", out)
	}
}

// rekey with a new passphrase: progress on stderr, the old passphrase no
// longer opens the file, the new one does, and it is audit-logged.
func TestCLIRekey(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("import", bigVCF(t, p.dir, 1500, "Rekey"))
	newPass := filepath.Join(p.dir, "new-pass")
	os.WriteFile(newPass, []byte("a fresh recovery passphrase\n"), 0o600)
	code, out, errs := p.run("rekey", "--new-password-file", newPass)
	if code != 0 || !strings.Contains(out, "re-encrypted under a new data key") || !strings.Contains(errs, "re-encrypting: 100%") {
		t.Fatalf("rekey: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := p.run("list"); code == 0 || !strings.Contains(errs, "wrong passphrase") {
		t.Fatalf("the old passphrase after rekey: exit %d %s", code, errs)
	}
	p.pass = newPass
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: 1500 prospects") {
		t.Fatalf("verify: %s", out)
	}
	if out := p.must("audit"); !strings.Contains(out, "rekeyed") {
		t.Errorf("audit: %s", out)
	}
}

// The real binary killed with SIGKILL anywhere in a rekey: the file opens
// with the passphrase and verifies, old or new, every prospect there.
func TestCrashDuringRekey(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	const n = 2000
	p.must("import", bigVCF(t, p.dir, n, "Crash"))
	startup, full := p.window("rekey")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 20))
	killed := 0
	for round := range 10 {
		if p.killAt(aim(rng, startup, full), "rekey") {
			killed++
		}
		p.checkAfterKill(round)
		if out := p.must("verify"); !strings.Contains(out, fmt.Sprintf("ok: %d prospects", n)) {
			t.Fatalf("round %d: %s", round, out)
		}
		left, _ := filepath.Glob(filepath.Join(p.dir, ".warmlead-compact-*"))
		if len(left) > 0 {
			t.Fatalf("round %d: copies left after an unlock: %v", round, left)
		}
	}
	if killed == 0 {
		t.Error("no run was killed: the window missed the rekey")
	}
}
