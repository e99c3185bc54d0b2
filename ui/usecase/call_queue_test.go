package usecase

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// The call list from the read model (List) holds the same people, attempts
// and call-backs as the one read from every ledger (Queue), in the call
// list's order; a logged call moves its person at once; and the policy's
// answers (Decisions) are Queue's.
func TestCallListMatchesQueue(t *testing.T) {
	app, db := newTestApp(t)
	if _, err := GenerateDemo(db, 1500, 7, "Rita Rep"); err != nil {
		t.Fatal(err)
	}
	queue, err := app.Calls.Queue()
	if err != nil {
		t.Fatal(err)
	}
	list, err := app.Calls.List(nil)
	if err != nil || len(list) != len(queue) || len(list) == 0 {
		t.Fatalf("%d rows from the read model, %d from the ledgers, %v", len(list), len(queue), err)
	}
	want := map[uint64]CallRow{}
	for _, q := range queue {
		want[q.Record.Prospect.ID] = q
	}
	barredSeen := 0
	for i, e := range list {
		q, ok := want[e.ID]
		if !ok || e.Attempts != q.Attempts || !e.Callback.Equal(q.Callback.Truncate(time.Second)) {
			t.Fatalf("row %d: %+v, the ledgers say %d attempts, call back %v", i, e, q.Attempts, q.Callback)
		}
		// Queue's records keep no events: its answer tells an objection
		// or a register hit, which the read model must call barred.
		if r := q.Decision.Rule; (r == consent.RuleObjection || r == consent.RuleDoNotCall) && !e.Barred {
			t.Fatalf("row %d: the policy says %s, the read model does not bar them", i, r)
		}
		if e.Barred && q.Decision.Allowed {
			t.Fatalf("row %d is barred, yet the policy allows the call: %+v", i, q.Decision)
		}
		barredSeen += map[bool]int{true: 1}[e.Barred]
		if i > 0 && callAfter(list[i-1], e, testNow) {
			t.Fatalf("rows %d and %d out of order: %+v then %+v", i-1, i, list[i-1], e)
		}
	}

	if barredSeen == 0 || barredSeen == len(list) {
		t.Fatalf("%d of %d rows barred: the demo should have both", barredSeen, len(list))
	}

	ids := []uint64{list[0].ID, list[len(list)/2].ID, list[len(list)-1].ID}
	got, skipped, err := app.Calls.Decisions(ids)
	if err != nil || len(skipped) != 0 || len(got) != len(ids) {
		t.Fatalf("%d decisions, %v %v", len(got), skipped, err)
	}
	for _, id := range ids {
		if !reflect.DeepEqual(got[id], want[id].Decision) {
			t.Errorf("prospect %d: %+v, Queue says %+v", id, got[id], want[id].Decision)
		}
	}

	// A no-answer for the first person: the list re-reads that ledger only.
	first := list[0]
	before := slices.Clone(list)
	if _, err := app.Calls.Log(first.ID, consent.CallLog{Outcome: consent.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	// What the window does instead of List: that one row read again
	// (Entry) and put back where Compare says.
	moved, ok, err := app.Calls.Entry(first.ID)
	if err != nil || !ok || moved.Attempts != first.Attempts+1 {
		t.Fatalf("Entry: %+v %v %v", moved, ok, err)
	}
	rest := slices.DeleteFunc(before, func(e store.CallEntry) bool { return e.ID == first.ID })
	pos, _ := slices.BinarySearchFunc(rest, moved, app.Calls.Compare)
	placed := slices.Insert(rest, pos, moved)
	start := time.Now()
	after, err := app.Calls.List(list)
	took := time.Since(start)
	if err != nil || len(after) != len(queue) {
		t.Fatalf("%d rows, %v", len(after), err)
	}
	if after[0].ID == first.ID {
		t.Fatalf("the person just called is still first")
	}
	if !reflect.DeepEqual(placed, after) {
		t.Fatalf("the row moved with Entry and Compare is at %d; List orders it at %d", pos, slices.IndexFunc(after, func(e store.CallEntry) bool { return e.ID == first.ID }))
	}
	if _, ok, err := app.Calls.Entry(1 << 40); ok || err != nil {
		t.Fatalf("Entry of nobody: %v %v", ok, err)
	}
	for _, e := range after {
		if e.ID == first.ID && e.Attempts != first.Attempts+1 {
			t.Fatalf("%d attempts after one more call, were %d", e.Attempts, first.Attempts)
		}
	}
	t.Logf("the list after a logged call: %v for %d people", took, len(after))
}

// callAfter tells whether a must come after b on the call list.
func callAfter(a, b store.CallEntry, now time.Time) bool {
	due := func(e store.CallEntry) bool { return !e.Callback.IsZero() && !e.Callback.After(now.Add(24*time.Hour)) }
	switch {
	case a.Barred != b.Barred: // an objection or a register: last
		return a.Barred
	case due(a) != due(b):
		return due(b)
	case due(a) && !a.Callback.Equal(b.Callback):
		return a.Callback.After(b.Callback)
	case !a.LastCall.Equal(b.LastCall):
		return a.LastCall.After(b.LastCall)
	case a.Name != b.Name:
		return a.Name > b.Name
	}
	return a.ID > b.ID
}

// Today's one parallel read gives what Deadlines.List and Tasks.List give.
func TestTodayMatchesDeadlinesAndTasks(t *testing.T) {
	app, db := newTestApp(t)
	if _, err := GenerateDemo(db, 4000, 3, "Rita Rep"); err != nil {
		t.Fatal(err)
	}
	due, _, err := app.Deadlines.List()
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, err := app.Tasks.List()
	if err != nil {
		t.Fatal(err)
	}
	today, err := app.Deadlines.Today()
	if err != nil {
		t.Fatal(err)
	}
	if len(due) < 300 || len(tasks) == 0 {
		t.Fatalf("%d due, %d tasks: too few to compare", len(due), len(tasks))
	}
	if !reflect.DeepEqual(today.Due, due) {
		t.Errorf("Today's %d deadlines differ from the %d of Deadlines.List", len(today.Due), len(due))
	}
	if !reflect.DeepEqual(today.Tasks, tasks) {
		t.Errorf("Today's %d tasks differ from the %d of Tasks.List", len(today.Tasks), len(tasks))
	}
}

// Both halves of a parallel read together visit every record once, whole.
func TestForEachRecordsOfBothVisitsEveryRecord(t *testing.T) {
	_, db := newTestApp(t)
	if _, err := GenerateDemo(db, 1200, 5, "Rita Rep"); err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	one := map[uint64]int{}
	if _, err := db.ForEachRecordOf(db.Index().SearchIDs("", nil), func(r consent.Record) error {
		ids = append(ids, r.Prospect.ID)
		one[r.Prospect.ID] = len(r.Events)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	both := map[uint64]int{}
	skipped, err := db.ForEachRecordsOfBoth(sortedIDs(ids), func(r consent.Record) error {
		if _, twice := both[r.Prospect.ID]; twice {
			t.Errorf("prospect %d visited twice", r.Prospect.ID)
		}
		both[r.Prospect.ID] = len(r.Events)
		return nil
	})
	if err != nil || len(skipped) != 0 || len(ids) != 1200 || !reflect.DeepEqual(one, both) {
		t.Fatalf("%d records read in two halves, %d one by one; %v %v", len(both), len(one), skipped, err)
	}
}
