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
	barredSeen, expiredSeen := 0, 0
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
		// Retention over: the read model's end is the policy's.
		expired := !e.RetentionEnds.IsZero() && !testNow.Before(e.RetentionEnds)
		if (q.Decision.Rule == consent.RuleRetentionExpired) != expired && !e.Barred {
			t.Fatalf("row %d: the policy says %s, the read model's retention ends %v", i, q.Decision.Rule, e.RetentionEnds)
		}
		expiredSeen += map[bool]int{true: 1}[expired]
		barredSeen += map[bool]int{true: 1}[e.Barred]
		if i > 0 && callAfter(list[i-1], e, testNow) {
			t.Fatalf("rows %d and %d out of order: %+v then %+v", i-1, i, list[i-1], e)
		}
	}

	if barredSeen == 0 || barredSeen == len(list) {
		t.Fatalf("%d of %d rows barred: the demo should have both", barredSeen, len(list))
	}
	t.Logf("%d barred, %d past retention, of %d", barredSeen, expiredSeen, len(list))

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

// Someone whose retention period ended may not be called until they are
// re-activated or erased: the call list puts them with the barred, by the
// retention setting, and a re-activation puts them back in their place.
func TestCallListPutsRetentionOverLast(t *testing.T) {
	app, db := newTestApp(t)
	cold := func(name, phone string) consent.Prospect {
		return consent.Prospect{Name: name, Phone: phone, Source: consent.SourceColdCall}
	}
	old := addProspect(t, db, cold("Aart Oud", "+31 20 555 0111"), testNow.AddDate(0, -13, 0)).ID
	recent := addProspect(t, db, cold("Bea Nieuw", "+31 20 555 0112"), testNow.AddDate(0, -2, 0)).ID
	order := func() []uint64 {
		t.Helper()
		list, err := app.Calls.List(nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []uint64
		for _, e := range list {
			ids = append(ids, e.ID)
		}
		return ids
	}
	if got := order(); !slices.Equal(got, []uint64{recent, old}) {
		t.Fatalf("order %v, want the one kept too long (%d) last", got, old)
	}
	d, _, err := app.Calls.Decisions([]uint64{old})
	if err != nil || d[old].Rule != consent.RuleRetentionExpired {
		t.Fatalf("the policy on the one kept too long: %+v %v", d[old], err)
	}

	s, err := db.Settings()
	if err != nil {
		t.Fatal(err)
	}
	s.RetentionMonths = 24
	if err := db.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	if got := order(); !slices.Equal(got, []uint64{old, recent}) {
		t.Fatalf("with 24 months kept: order %v, want by name", got)
	}
	s.RetentionMonths = 12
	if err := db.SaveSettings(s); err != nil {
		t.Fatal(err)
	}

	// They got in touch again: a re-activation, and the row read again
	// (as the window does after a write) goes back by name.
	if _, err := db.Commit(store.Change{Prospect: old, Events: []consent.Event{{Time: testNow, Rep: "Rita Rep", Kind: consent.KindReactivated}}}); err != nil {
		t.Fatal(err)
	}
	e, ok, err := app.Calls.Entry(old)
	if err != nil || !ok || !e.RetentionEnds.After(testNow) {
		t.Fatalf("after the re-activation: %+v %v %v", e, ok, err)
	}
	if got := order(); !slices.Equal(got, []uint64{old, recent}) {
		t.Fatalf("after the re-activation: order %v, want by name", got)
	}
}

// callAfter tells whether a must come after b on the call list.
func callAfter(a, b store.CallEntry, now time.Time) bool {
	due := func(e store.CallEntry) bool { return !e.Callback.IsZero() && !e.Callback.After(now.Add(24*time.Hour)) }
	barred := func(e store.CallEntry) bool {
		return e.Barred || !e.RetentionEnds.IsZero() && !now.Before(e.RetentionEnds)
	}
	switch {
	case barred(a) != barred(b): // an objection, a register or retention over: last
		return barred(a)
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
