package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// insightWant is `warmlead insight` over the two people of
// TestInsightHeadless, byte for byte: scripts read it.
const insightWant = `insight: 2 people collected, all time, every rep

CALLS UNTIL REACHED (people reached at call n; never reached apart)
SOURCE     1  2  3  4-5  6-10  11-20  >20  REACHED  MEAN  NEVER REACHED  CALLS PER REACHED
cold-call  0  1  0  0    0     0      0    1        2.0   0              2.0
all        0  1  0  0    0     0      0    1        2.0   0              2.0

DAYS FROM COLLECTED TO FIRST CALL OR EMAIL
0  1  2-3  4-7  8-30  >30  NOT YET
1  0  0    0    0     0    1

FUNNEL BY SOURCE
SOURCE     COLLECTED  REACHED OR APPROVED  CONSENT GRANTED  NEXT STEP AGREED
card       1          0                    0                0
cold-call  1          1                    0                1
all        2          1                    0                1

REFERRALS PER INTRODUCER
ID  INTRODUCER  REFERRED  APPROVED  DECLINED  APPROVAL

CONSENTS PER MONTH
MONTH  GRANTED  WITHDRAWN
`

func TestInsightHeadless(t *testing.T) {
	h := newHarness(t)
	h.init()
	h.must("add", "--name", "Koos Koud", "--phone", "+31 20 555 0101", "--source", "cold-call")
	h.must("--rep", "Sam Sales", "add", "--name", "Cora Card", "--email", "cora@card.example", "--source", "card")
	h.must("call", "1", "--outcome", "no-answer")
	h.must("call", "1", "--outcome", "reached", "--agreed", "demo on Friday")
	if out := h.must("insight"); out != insightWant {
		t.Fatalf("insight:\n%s\nwant:\n%s", out, insightWant)
	}
	// --rep after the command filters; before it, it is who acts.
	if out := h.must("insight", "--rep", "Sam Sales"); !strings.HasPrefix(out, "insight: 1 person collected, all time, Sam Sales\n") ||
		!strings.Contains(out, "\ncard    1          0 ") {
		t.Errorf("insight --rep Sam Sales:\n%s", out)
	}
	if out := h.must("--rep", "Sam Sales", "insight"); !strings.HasPrefix(out, "insight: 2 people collected, all time, every rep\n") {
		t.Errorf("--rep before the command:\n%s", out)
	}
	today := time.Now().Format(time.DateOnly)
	if out := h.must("insight", "--from", today, "--to", today); !strings.HasPrefix(out, "insight: 2 people collected, "+today+" to "+today+", every rep\n") {
		t.Errorf("today:\n%s", out)
	}
	var got struct {
		From      string           `json:"from"`
		Prospects int              `json:"prospects"`
		Reps      []string         `json:"reps"`
		Attempts  []map[string]any `json:"attempts"`
	}
	if err := json.Unmarshal([]byte(h.must("insight", "--json", "--from", "2020-01-01")), &got); err != nil || got.From != "2020-01-01" ||
		got.Prospects != 2 || len(got.Reps) != 2 || len(got.Attempts) != 1 || got.Attempts[0]["mean"] != 2.0 || got.Attempts[0]["source"] != "cold-call" {
		t.Errorf("insight --json: %+v %v", got, err)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"insight", "--from", "2026-03-01", "--to", "2026-02-01"}, ExitUsage, "insight: the period starts on 2026-03-01, after it ends on 2026-02-01"},
		{[]string{"insight", "--rep", "Nina Nobody"}, ExitError, "insight: no event in this database was recorded by that rep"},
		{[]string{"insight", "--from", "March"}, ExitUsage, "March"},
		{[]string{"insight", "extra"}, ExitUsage, "usage: warmlead insight"},
	} {
		if code, _, errs := h.run(c.args...); code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%q: exit %d %q", c.args, code, errs)
		}
	}
}
