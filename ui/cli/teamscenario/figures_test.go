package teamscenario

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The local figures of a sync through the binary (process start, unlock
// and all): a rep's first push of 2,000 cards, then the incremental sync
// after one change, which sends that prospect's record and its one new
// event and nothing else; the manager's first mirror and the next.
func TestTeamSyncFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("figures: not in -short")
	}
	o := newOffice(t)
	ann, maria := o.ann, o.maria
	var vcf strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person %d\r\nORG:Fair Co %d\r\nEMAIL:card%d@fair.example\r\nEND:VCARD\r\n", i, i%50, i)
	}
	file := filepath.Join(t.TempDir(), "fair.vcf")
	os.WriteFile(file, []byte(vcf.String()), 0o600)
	ann.ok("", "import", file, "--event", "Fair")
	timed := func(l *laptop, what string) (string, time.Duration) {
		start := time.Now()
		out := l.sync()
		d := time.Since(start)
		t.Logf("%s: %v (%s)", what, d.Round(time.Millisecond), strings.TrimSpace(out))
		return out, d
	}
	if out, _ := timed(ann, "rep's first push of 2,000 cards"); !strings.Contains(out, "synced: 4000 sent") {
		t.Fatalf("first push: %q (want 2,000 records and their 2,000 collected events)", out)
	}
	ann.ok("", "consent", "7", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "yes")
	out, d := timed(ann, "rep's incremental sync after one change")
	if !strings.Contains(out, "synced: 2 sent") || d > 10*time.Second {
		t.Fatalf("incremental sync: %q in %v (want one record and one event)", out, d)
	}
	timed(maria, "manager's first mirror")
	ann.ok("", "consent", "8", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence", "yes")
	ann.sync()
	if out, _ := timed(maria, "manager's incremental mirror"); !strings.Contains(out, "1 mirror changes") {
		t.Fatalf("manager's incremental sync: %q", out)
	}
}
