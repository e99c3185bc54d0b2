package cli

import (
	"strings"
	"testing"
)

func TestReferHeadless(t *testing.T) {
	h := newHarness(t)
	h.init() // settings language nl
	h.must("add", "--name", "Carl Customer", "--company", "Klant BV", "--email", "carl@klant.example", "--source", "customer")
	out := h.must("refer", "--introducer", "1", "--name", "Rosa Referred", "--company", "Intro BV", "--topic", "magazijnsoftware")
	lines := strings.SplitN(out, "\n", 2)
	if strings.TrimSpace(lines[0]) != "2" || !strings.Contains(out, "Rosa") || !strings.Contains(out, "Rita Rep") || !strings.Contains(out, "?") {
		t.Fatalf("refer output:\n%s", out)
	}
	if c, line := h.canContact("2", "email", "follow-up"); c != ExitBlocked || !strings.Contains(line, "referral") {
		t.Fatalf("before approval: %q", line)
	}
	if code, _, _ := h.run("referral", "approve", "2", "--email", "rosa@intro.example"); code != ExitUsage {
		t.Fatal("approval without evidence accepted")
	}
	h.must("referral", "approve", "2", "--email", "rosa@intro.example", "--evidence", "Ja hoor, Carl mag mijn e-mailadres doorgeven.")
	if c, line := h.canContact("2", "email", "follow-up"); c != ExitOK {
		t.Fatalf("after approval: %q", line)
	}
	if c, _ := h.canContact("2", "email", "newsletter"); c != ExitBlocked {
		t.Fatal("approval must not open the newsletter")
	}
	h.must("refer", "--introducer", "1", "--name", "Dagny Declined", "--company", "Nej AB")
	h.must("referral", "decline", "3", "--evidence", "Nee, dank u")
	if code, _, errs := h.run("refer", "--introducer", "1", "--name", "Dagny Declined", "--company", "Nej AB"); code != ExitError || !strings.Contains(errs, "declined") {
		t.Fatalf("re-referring a declined person: %d %q", code, errs)
	}
}
