package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 20, "suppression has no gaps": a declined referral is refused by
// add and import as by refer; an erasure suppresses the email and phone a
// person had before a rectification as well as the current ones.
func TestSuppressionHasNoGaps(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Carl Customer", "--company", "Klant BV", "--source", "customer")
	h.must("refer", "--introducer", "1", "--name", "Dagny Declined", "--company", "Nej AB")
	h.must("referral", "decline", "2", "--evidence", "Nej tack")
	if code, _, errs := h.run("add", "--name", "dagny declined", "--company", "NEJ AB", "--email", "dagny@nej.example", "--source", "card"); code != ExitError || !strings.Contains(errs, "declined an earlier introduction") {
		t.Errorf("add of a declined referral: exit %d: %q", code, errs)
	}
	vcf := filepath.Join(h.dir, "cards.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dagny Declined\r\nORG:Nej AB\r\nTEL:+46 8 555 0101\r\nEND:VCARD\r\n"), 0o600)
	if out := h.must("import", vcf); !strings.Contains(out, "imported 0, merged 0, suppressed 1") {
		t.Errorf("import of a declined referral: %q", out)
	}

	h.must("add", "--name", "Rex Rectified", "--email", "rex@old.example", "--phone", "+31 20 555 0101", "--source", "card") // 3
	h.must("edit", "3", "--field", "email", "--value", "rex@new.example")
	h.must("edit", "3", "--field", "phone", "--value", "+31 20 555 0202")
	h.must("erase", "3", "--reason", "asked by email")
	for _, args := range [][]string{
		{"add", "--name", "Rex Again", "--email", "rex@old.example", "--source", "card"},
		{"add", "--name", "Rex Again", "--phone", "+31205550101", "--source", "card"},
		{"add", "--name", "Rex Again", "--email", "rex@new.example", "--source", "card"},
	} {
		if code, _, errs := h.run(args...); code != ExitError || !strings.Contains(errs, "asked to be erased") {
			t.Errorf("%s: exit %d: %q", strings.Join(args[3:], " "), code, errs)
		}
	}
}
