package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTasksHeadless(t *testing.T) {
	h := newHarness(t)
	h.init()
	if out := h.must("tasks"); out != "no open tasks\n" {
		t.Fatalf("tasks with none: %q", out)
	}
	h.must("add", "--name", "Koos Koud", "--company", "Koud BV", "--phone", "+31 20 555 0101", "--email", "koos@koud.example", "--source", "cold-call")
	h.must("call", "1", "--outcome", "call-back", "--callback", "2099-12-01 10:30")
	out := h.must("tasks")
	if !strings.Contains(out, "2099-12-01 10:30  1-2   Koos Koud  call-back") {
		t.Fatalf("tasks:\n%s", out)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(h.must("tasks", "--json")), &items); err != nil || len(items) != 1 || items[0]["id"] != "1-2" || items[0]["kind"] != "call-back" {
		t.Fatalf("tasks --json: %v %v", items, err)
	}
	all := filepath.Join(h.dir, "all.ics")
	if out := h.must("tasks", "--ics", all); out != "wrote 1 task to "+all+"\n" {
		t.Fatalf("tasks --ics: %q", out)
	}
	one := filepath.Join(h.dir, "one.ics")
	h.must("task", "ics", "1-2", "--out", one)
	for _, f := range []string{all, one} {
		b, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(b), "SUMMARY:Koos Koud (Koud BV) terugbellen\r\n" /* the settings speak Dutch */) {
			t.Fatalf("%s: %v\n%s", f, err, b)
		}
	}
	for _, bad := range [][]string{{"task"}, {"task", "done"}, {"task", "ics", "1-2"}, {"task", "later", "1-2"}, {"tasks", "x"}, {"task", "done", "x"}} {
		if code, _, _ := h.run(bad...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", bad, code, ExitUsage)
		}
	}
	if out := h.must("task", "done", "1-2"); out != "task 1-2 done (prospect 1, call-back)\n" {
		t.Fatalf("task done: %q", out)
	}
	if code, _, errs := h.run("task", "done", "1-2"); code != ExitError || !strings.Contains(errs, "no open task 1-2") {
		t.Fatalf("done twice: %d %q", code, errs)
	}
	if out := h.must("tasks"); out != "no open tasks\n" {
		t.Fatalf("after done: %q", out)
	}
	if v := h.must("verify"); !strings.HasPrefix(v, "ok: ") {
		t.Fatalf("verify: %s", v)
	}
}
