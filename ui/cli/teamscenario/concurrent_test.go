package teamscenario

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const kim = `{"name": "Kim Twice", "company": "Both BV", "email": "kim@both.example", "phone": "+31 20 555 0133", "source": "card"}`

// Two reps at once: Ann erases Kim while Bert adds Kim, both syncing at
// the same moment. However the pushes interleave, two more rounds leave
// Kim on no laptop and not in the manager's mirror, and Bert may not add
// her again.
func TestTeamEraseAndAddAtOnce(t *testing.T) {
	o := newOffice(t)
	ann, bert, maria := o.ann, o.bert, o.maria
	annKim := ann.add(kim)
	ann.sync()

	var wg sync.WaitGroup
	var bertKim string
	wg.Add(2)
	go func() {
		defer wg.Done()
		ann.ok("", "erase", annKim, "--reason", "asked to be forgotten")
		ann.sync()
	}()
	go func() {
		defer wg.Done()
		bertKim = bert.add(kim)
		bert.sync()
	}()
	wg.Wait()
	for range 2 {
		ann.sync()
		bert.sync()
	}
	maria.sync()
	if show := bert.ok("", "show", bertKim); !strings.Contains(show, "erased") {
		t.Fatalf("Bert's Kim after both syncs: %q", show)
	}
	if list := maria.ok("", "list", "--team"); strings.Contains(list, "Kim") {
		t.Fatalf("the mirror still has Kim:\n%s", list)
	}
	if r := bert.run(kim, "add", "--from-json", "-"); r.code == 0 {
		t.Fatalf("Bert re-added Kim: %q", r.out)
	}
}

// A ledger rolled back on a laptop (an older backup restored) is named at
// the next sync, not silently pushed over the team's copy; an erasure the
// team holds is applied again to the restored file.
func TestTeamRestoredLedger(t *testing.T) {
	o := newOffice(t)
	ann, bert := o.ann, o.bert
	annKim := ann.add(kim)
	lena := ann.add(`{"name": "Lena Later", "company": "Late BV", "email": "lena@late.example", "source": "card"}`)
	ann.sync()
	backup := filepath.Join(t.TempDir(), "ann.backup")
	ann.ok("", "backup", "--out", backup)
	ann.ok("", "consent", lena, "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "yes please")
	ann.sync()
	// Bert erases Kim through the team while Ann's backup still has her.
	bertKim := bert.add(kim)
	bert.ok("", "erase", bertKim, "--reason", "asked to be forgotten")
	bert.sync()
	ann.sync()
	ann.ok("", "restore", backup)
	r := ann.run("", "team", "sync")
	if r.code != 0 || !strings.Contains(r.err, "warning: the ledger of prospect "+lena+" is shorter here") {
		t.Fatalf("sync after restoring an older backup: exit %d\n%s%s", r.code, r.out, r.err)
	}
	if show := ann.ok("", "show", annKim); !strings.Contains(show, "erased") {
		t.Fatalf("Kim is back on Ann's laptop after the restore and a sync: %q", show)
	}
}
