package cli

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"warmlead/consent"
)

func TestDemoGenerates(t *testing.T) {
	h := newHarness(t)
	h.init()
	out := h.must("demo", "--prospects", "300", "--seed", "7")
	m := regexp.MustCompile(`^generated (\d+) prospects with (\d+) events`).FindStringSubmatch(out)
	if m == nil || m[1] != "300" {
		t.Fatalf("demo printed %q", out)
	}
	events, _ := strconv.Atoi(m[2])
	if events < 300*7 || events > 300*13 {
		t.Fatalf("%d events for 300 prospects: want about ten each", events)
	}
	verify := h.must("verify")
	if want := "ok: 300 prospects, " + m[2] + " events"; !strings.HasPrefix(verify, want) {
		t.Fatalf("verify printed %q, want %q...", verify, want)
	}

	var list []consent.Prospect
	if err := json.Unmarshal([]byte(h.must("list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 300 {
		t.Fatalf("list has %d prospects", len(list))
	}
	sources := map[consent.Source]int{}
	countries := map[string]int{}
	accented := ""
	for _, p := range list {
		sources[p.Source]++
		if p.Phone != "" {
			n, err := phonenumbers.Parse(p.Phone, "")
			if err != nil || !phonenumbers.IsValidNumber(n) || phonenumbers.Format(n, phonenumbers.E164) != p.Phone {
				t.Errorf("%s: phone %q is not a valid E.164 number", p.Name, p.Phone)
			}
			countries[phonenumbers.GetRegionCodeForNumber(n)]++
		}
		if p.Email != "" && (p.Email != strings.ToLower(p.Email) || !strings.HasSuffix(p.Email, ".example")) {
			t.Errorf("%s: email %q is not a normalised .example address", p.Name, p.Email)
		}
		if accented == "" && consent.Fold(p.Name) != strings.ToLower(p.Name) {
			accented = p.Name
		}
	}
	if len(sources) < 6 {
		t.Errorf("sources not mixed: %v", sources)
	}
	for _, c := range []string{"NL", "NO", "SE", "DE", "PL", "GB"} {
		if countries[c] == 0 {
			t.Errorf("no phone number from %s: %v", c, countries)
		}
	}
	if accented == "" {
		t.Fatal("no generated name has an accent")
	}
	// The folded name finds the accented one.
	found := h.must("list", "--search", consent.Fold(accented))
	if !strings.Contains(found, accented) {
		t.Fatalf("list --search %q does not find %q:\n%s", consent.Fold(accented), accented, found)
	}

	// Demo data never goes into a database that holds people.
	if code, _, errs := h.run("demo", "--prospects", "10"); code == 0 || !strings.Contains(errs, "empty database") {
		t.Fatalf("a second demo run: exit %d, %q", code, errs)
	}
	if code, _, _ := h.run("demo"); code != ExitUsage {
		t.Fatalf("demo without --prospects: exit %d", code)
	}
}
