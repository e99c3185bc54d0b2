package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestListCSV(t *testing.T) {
	h := newHarness(t)
	h.must("init", "--rep", "Rita Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy")
	h.must("add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "jorgen@nordlys.example", "--source", "card", "--event", "Nor-Shipping")
	h.must("add", "--name", "Bram Claes", "--company", "Alpha BV", "--source", "list", "--list-vendor", "Leads BV")
	out := h.must("list", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0][:9], ",") != "name,company,title,email,phone,source,event,list_vendor,lang" || len(rows) != 3 {
		t.Fatalf("csv:\n%s", out)
	}
	if rows[1][0] != "Bram Claes" || rows[1][7] != "Leads BV" || rows[2][6] != "Nor-Shipping" {
		t.Fatalf("rows %q", rows)
	}
	f := filepath.Join(h.dir, "sel.csv")
	h.must("list", "--csv", "--search", "nordlys", "--out", f)
	data, _ := os.ReadFile(f)
	if n := strings.Count(string(data), "\n"); n != 2 || !strings.Contains(string(data), "Jørgen") {
		t.Fatalf("--search --out:\n%s", data)
	}
	if st, _ := os.Stat(f); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
	if out := h.must("list", "--csv", "--search", "nobody"); strings.Count(out, "\n") != 1 {
		t.Errorf("no match: the header alone, got %q", out)
	}
	for _, bad := range [][]string{{"list", "--csv", "--json"}, {"list", "--out", f}} {
		if code, _, _ := h.run(bad...); code != ExitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

func TestMergeCommand(t *testing.T) {
	h := newHarness(t)
	h.must("init", "--rep", "Rita Rep", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy")
	h.must("add", "--name", "Jørgen Ångström", "--company", "Nordlys AS", "--email", "jorgen@nordlys.example", "--source", "card")
	h.must("add", "--name", "Jorgen Angstrom", "--company", "Nordlys Group", "--phone", "+4790000001", "--source", "card", "--keep-both")
	h.must("consent", "2", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "signed", "--evidence", "signed list")
	for _, bad := range [][]string{{"merge", "1"}, {"merge", "1", "1"}, {"merge", "1", "2", "--take", "colour=2"}, {"merge", "1", "x"}} {
		if code, _, errs := h.run(bad...); code != ExitUsage {
			t.Errorf("%v: exit %d %s", bad, code, errs)
		}
	}
	if out := h.must("merge", "1", "2", "--take", "company=2"); out != "merged 2 into 1\n" {
		t.Fatalf("merge says %q", out)
	}
	show := h.must("show", "1")
	if !strings.Contains(show, "Nordlys Group") || !strings.Contains(show, "Jørgen Ångström") || !strings.Contains(show, "newsletter") {
		t.Fatalf("show after merge:\n%s", show)
	}
	if out := h.must("show", "2"); !strings.Contains(out, "merged into prospect 1") {
		t.Errorf("the merged id answers %q", out)
	}
	h.must("verify")
	if audit := h.must("audit"); !strings.Contains(audit, "merged") {
		t.Errorf("audit:\n%s", audit)
	}
	if code, _, _ := h.run("merge", "1", "2"); code == 0 {
		t.Error("merging a tombstone")
	}
}
