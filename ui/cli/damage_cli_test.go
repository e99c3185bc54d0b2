package cli

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/store/storetest"
)

// ledgerPage is the file offset of the page holding prospect id's first
// event (storetest.PageOfEvent).
func ledgerPage(t *testing.T, path string, id uint64) int {
	return storetest.PageOfEvent(t, path, id, 1)
}

// Issue 20, "damage after unlock": a damaged ledger page is found by the
// commands that read that ledger. Each says so on one line and exits 1 (not
// a Go panic, exit 2); the commands over the whole database (due, the team
// report) still come out and name the prospects they skipped.
func TestCLIDamagedLedgerPageAfterUnlock(t *testing.T) {
	p := newProcDB(t, t.TempDir())
	p.must("import", bigVCF(t, p.dir, 80, "Ledger"), "--source", "list")
	for _, id := range []string{"1", "80"} {
		p.must("consent", id, "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "Yes, sign me up")
	}
	p.must("add", "--name", "Gone", "--source", "card")
	p.must("erase", "81", "--reason", "compacts the file") // no spare room left in it
	good, _ := os.ReadFile(p.db)
	page := ledgerPage(t, p.db, 40)
	if page == ledgerPage(t, p.db, 1) || page == ledgerPage(t, p.db, 80) {
		t.Fatal("the fixture's ledgers share one page: damage would hit every prospect")
	}
	out := filepath.Join(p.dir, "out")
	os.Mkdir(out, 0o700)

	for _, c := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"a page's type overwritten", func(b []byte) []byte { b[page+8] = 0x99; return b }},
		// Every element header of the page: which element holds prospect
		// 40 depends on the encoding's sizes. (A damaged element count
		// alone may still let bbolt's search find the ledger, read true:
		// store's TestDamagedLedgerPageAfterUnlock covers that case.)
		{"a page's elements overwritten", func(b []byte) []byte {
			n := int(binary.LittleEndian.Uint16(b[page+10:]))
			for i := 16; i < 16+16*n; i++ {
				b[page+i] = 0xee
			}
			return b
		}},
	} {
		os.WriteFile(p.db, c.damage(append([]byte(nil), good...)), 0o600)
		p.forgetSeen() // the damaged copy is older than what the last round wrote, on purpose
		for _, args := range [][]string{
			{"show", "40"},
			{"show", "40", "--json"},
			{"export", "40", "--reason", "access request", "--out", filepath.Join(out, "x.json")},
			{"report", "--prospect", "40", "--reason", "audit", "--out", filepath.Join(out, "x.pdf")},
			{"can-contact", "40", "--channel", "email", "--purpose", "newsletter"},
		} {
			code, _, errs := p.run(args...)
			if code != ExitError {
				t.Errorf("%s, %s: exit %d: %s", c.name, strings.Join(args, " "), code, errs)
			}
			oneErrorLine(t, c.name+", "+strings.Join(args, " "), errs, "prospect 40", "damaged")
		}
		// The whole-database commands skip what they cannot read and say so.
		for _, args := range [][]string{
			{"due"},
			{"report", "--reason", "audit", "--out", filepath.Join(out, "team.pdf")},
			{"report", "--summaries", "--reason", "audit", "--out", filepath.Join(out, "team.pdf")},
		} {
			code, stdout, errs := p.run(args...)
			if code != ExitOK {
				t.Errorf("%s, %s: exit %d: %s", c.name, strings.Join(args, " "), code, errs)
			}
			if !strings.Contains(errs, "skipped prospect 40: its ledger is damaged (run 'warmlead verify')") {
				t.Errorf("%s, %s: the skipped prospect is not named: %q", c.name, strings.Join(args, " "), errs)
			}
			if strings.Contains(errs, "skipped prospect 1:") || strings.Contains(errs, "skipped prospect 80:") {
				t.Errorf("%s, %s: undamaged ledgers skipped: %q", c.name, strings.Join(args, " "), errs)
			}
			if args[0] == "due" && !strings.Contains(stdout, "Ledger Person 0") {
				t.Errorf("%s, due: the undamaged prospects are not listed: %q", c.name, stdout)
			}
		}
		// The undamaged prospects still answer.
		if code, _, errs := p.run("can-contact", "1", "--channel", "email", "--purpose", "newsletter"); code != ExitOK {
			t.Errorf("%s, can-contact 1: exit %d: %s", c.name, code, errs)
		}
		p.must("show", "80")
		if code, _, errs := p.run("verify"); code != ExitError || !strings.Contains(errs, "damaged") {
			t.Errorf("%s, verify: exit %d: %s", c.name, code, errs)
		}
	}
	os.WriteFile(p.db, good, 0o600)
	p.forgetSeen()
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: 80 prospects") {
		t.Fatalf("the undamaged file: %q", out)
	}
}
