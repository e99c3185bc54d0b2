package cli

import (
	"strings"
	"testing"
)

func TestFirstEmailAndConnectionHeadless(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "jorgen@nordlys.example", "--source", "card", "--event", "Nor-Shipping")
	h.must("add", "--name", "Sofie Social", "--company", "Net AB", "--email", "sofie@net.example", "--phone", "+46 8 555 0100", "--source", "social")

	if out := h.must("first-email", "1", "--lang", "en", "--preview"); !strings.Contains(out, "Subject: Following up our meeting at Nor-Shipping: Acme BV") {
		t.Fatalf("preview: %s", out)
	}
	if msg := h.mustEML("first.eml", "first-email", "1"); msg.Header.Get("To") == "" {
		t.Fatalf(".eml headers: %v", msg.Header)
	}
	if show := h.must("show", "1"); !strings.Contains(show, "email-generated") || !strings.Contains(show, "informed") {
		t.Errorf("show lacks the first email:\n%s", show)
	}

	if c, _ := h.canContact("2", "email", "follow-up"); c != ExitBlocked {
		t.Fatal("a social contact may be emailed before replying")
	}
	if out := h.must("connect-message", "2", "--platform", "xing", "--lang", "de"); !strings.Contains(out, "Vernetzung auf Xing") {
		t.Fatalf("connect-message: %s", out)
	}
	for _, bad := range [][]string{
		{"connect-reply", "2", "--evidence", "yes"},
		{"connect-reply", "2", "--channel", "sms", "--evidence", "yes"},
		{"connect-reply", "2", "--channel", "email", "--platform", "myspace", "--evidence", "yes"},
		{"connect-message", "2", "--platform", "myspace"},
	} {
		if code, _, _ := h.run(bad...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", bad, code, ExitUsage)
		}
	}
	if code, _, _ := h.run("connect-reply", "2", "--channel", "email"); code != ExitUsage {
		t.Errorf("a reply without its text: exit %d", code)
	}
	out := h.must("connect-reply", "2", "--channel", "email", "--channel", "phone", "--evidence", "Ja, gern per Mail oder Telefon.")
	if out != "prospect 2: reply kept as evidence; follow-up granted by email and phone\n" {
		t.Fatalf("connect-reply: %q", out)
	}
	for _, ch := range []string{"email", "phone"} {
		if c, line := h.canContact("2", ch, "follow-up"); c != ExitOK {
			t.Errorf("%s after the reply: %q", ch, line)
		}
	}
	if c, _ := h.canContact("2", "email", "newsletter"); c != ExitBlocked {
		t.Error("the reply opened the newsletter")
	}
}
