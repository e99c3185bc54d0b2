package consent

import (
	"errors"
	"testing"
	"time"
)

func callEv(d int, outcome, agreed string, callback time.Time) Event {
	return Event{Time: day(d), Kind: KindCallLogged, Outcome: outcome, Agreed: agreed, Callback: callback}
}

// sealAppend appends e to r's ledger, sealed, as the store would.
func sealAppend(r Record, e Event) Record {
	e.Prospect = r.Prospect.ID
	e.Rep = "anna"
	prev := &r.Events[len(r.Events)-1]
	e.Seal(prev)
	r.Events = append(append([]Event(nil), r.Events...), e)
	return r
}

func TestTaskOf(t *testing.T) {
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	cases := []struct {
		name     string
		r        Record
		want     bool
		kind, id string
	}{
		{"no call", rec(SourceCard), false, "", ""},
		{"call-back", rec(SourceCard, callEv(1, OutcomeCallBack, "", at)), true, TaskCallBack, "7-2"},
		{"agreed next step with a date", rec(SourceCard, callEv(1, OutcomeReached, "send the price list", at)), true, TaskNextStep, "7-2"},
		{"reached without a date", rec(SourceCard, callEv(1, OutcomeReached, "nothing", time.Time{})), false, "", ""},
		{"a later call replaces it", rec(SourceCard, callEv(1, OutcomeCallBack, "", at), callEv(2, OutcomeNoAnswer, "", time.Time{})), false, "", ""},
		{"a later call sets a new one", rec(SourceCard, callEv(1, OutcomeCallBack, "", at), callEv(2, OutcomeCallBack, "", at.Add(time.Hour))), true, TaskCallBack, "7-3"},
		{"objection", rec(SourceCard, callEv(1, OutcomeCallBack, "", at), Event{Time: day(2), Kind: KindObjection}), false, "", ""},
		{"objection to another member", withTeamBlock(TeamObjection, rec(SourceCard, callEv(1, OutcomeCallBack, "", at))), false, "", ""},
		{"do not call, said to another member", withTeamBlock(TeamDoNotCall, rec(SourceCard, callEv(1, OutcomeReached, "send the price list", at))), false, "", ""},
		{"an introduction declined to another member keeps it", withTeamBlock(TeamDeclined, rec(SourceCard, callEv(1, OutcomeCallBack, "", at))), true, TaskCallBack, "7-2"},
		{"erased", erased(rec(SourceCard, callEv(1, OutcomeCallBack, "", at))), false, "", ""},
	}
	for _, c := range cases {
		task, ok := TaskOf(c.r)
		if ok != c.want || task.Kind != c.kind || task.ID != c.id {
			t.Errorf("%s: TaskOf = %+v, %v; want kind %q id %q, %v", c.name, task, ok, c.kind, c.id, c.want)
			continue
		}
		if ok && (!task.Due.Equal(at) && !task.Due.Equal(at.Add(time.Hour)) || task.Done) {
			t.Errorf("%s: due %v done %v", c.name, task.Due, task.Done)
		}
	}
}

func TestTaskDoneEventClosesTaskAndDeadline(t *testing.T) {
	at := day(3).Add(10 * time.Hour)
	r := rec(SourceCard, callEv(1, OutcomeCallBack, "", at))
	if !hasDue(r, DueCallBack) {
		t.Fatal("the call-back is not due before it is done")
	}
	if _, err := TaskDoneEvent(r, "7-9", "anna", day(4)); !errors.Is(err, ErrNoSuchTask) {
		t.Errorf("a wrong id: %v, want ErrNoSuchTask", err)
	}
	ev, err := TaskDoneEvent(r, "7-2", "anna", day(4))
	if err != nil || ev.Kind != KindTaskDone || ev.New != "2" {
		t.Fatalf("TaskDoneEvent = %+v, %v", ev, err)
	}
	r = sealAppend(r, ev)
	if err := VerifyChain(r.Events); err != nil {
		t.Fatal(err)
	}
	task, ok := TaskOf(r)
	if !ok || !task.Done || !task.DoneAt.Equal(day(4)) {
		t.Errorf("after done: %+v, %v", task, ok)
	}
	if _, ok := OpenTask(r); ok {
		t.Error("a done task is still open")
	}
	if hasDue(r, DueCallBack) {
		t.Error("a done call-back is still due")
	}
	if _, err := TaskDoneEvent(r, "7-2", "anna", day(5)); !errors.Is(err, ErrNoSuchTask) {
		t.Errorf("done twice: %v, want ErrNoSuchTask", err)
	}
	// A new call-back after it is a new task, open again.
	r = sealAppend(r, callEv(6, OutcomeCallBack, "", at.AddDate(0, 0, 7)))
	if task, ok := OpenTask(r); !ok || task.ID != "7-4" {
		t.Errorf("new call-back: %+v, %v", task, ok)
	}
}

func hasDue(r Record, kind string) bool {
	for _, d := range DueItems(r, day(3), 12) {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

func TestParseTaskID(t *testing.T) {
	for in, want := range map[string][2]uint64{"42-7": {42, 7}, " 1-1 ": {1, 1}} {
		p, s, err := ParseTaskID(in)
		if err != nil || p != want[0] || s != want[1] {
			t.Errorf("ParseTaskID(%q) = %d, %d, %v", in, p, s, err)
		}
	}
	for _, bad := range []string{"", "42", "42-", "-7", "0-1", "1-0", "a-b", "1-2-3", "-1-2"} {
		if _, _, err := ParseTaskID(bad); !errors.Is(err, ErrBadTaskID) {
			t.Errorf("ParseTaskID(%q): %v, want ErrBadTaskID", bad, err)
		}
	}
}
