package usecase

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"warmlead/consent"
)

// Call-backs and dated next steps are tasks: listed earliest first with
// their time, gone once done (the deadline too), and put in a calendar.
func TestTasksListDoneAndCalendar(t *testing.T) {
	app, db := newTestApp(t)
	carl := addID(t, db, cold())
	jane := cold()
	jane.Name, jane.Email, jane.Phone = "黄世勇", "huang@koud.example", "+31 20 555 0109"
	huang := addID(t, db, jane)
	none := addID(t, db, consent.Prospect{Name: "No Task", Email: "n@koud.example", Phone: "+31 20 555 0110", Source: consent.SourceColdCall})

	later := testNow.Add(48 * time.Hour).Truncate(time.Minute)
	sooner := testNow.Add(20 * time.Hour).Truncate(time.Minute)
	mustLog := func(id uint64, l consent.CallLog) {
		t.Helper()
		if _, err := app.Calls.Log(id, l); err != nil {
			t.Fatal(err)
		}
	}
	mustLog(carl, consent.CallLog{Outcome: consent.OutcomeReached, Agreed: "send the price list", Callback: later})
	mustLog(huang, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: sooner})
	mustLog(none, consent.CallLog{Outcome: consent.OutcomeNoAnswer})

	items, skipped, err := app.Tasks.List()
	if err != nil || len(skipped) != 0 {
		t.Fatal(err, skipped)
	}
	if len(items) != 2 || items[0].Prospect != huang || items[1].Prospect != carl {
		t.Fatalf("tasks %+v, want huang's call-back then carl's next step", items)
	}
	if items[0].Kind != consent.TaskCallBack || !items[0].Due.Equal(sooner) || items[1].Kind != consent.TaskNextStep || items[1].Agreed != "send the price list" {
		t.Errorf("tasks %+v", items)
	}

	// One task's calendar file, parsed back.
	path := filepath.Join(t.TempDir(), "task.ics")
	if _, err := app.Tasks.WriteCalendar(path, items[1].ID); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(bytes.NewReader(b))
	if err != nil || len(cal.Events()) != 1 {
		t.Fatalf("calendar: %v\n%s", err, b)
	}
	ev := cal.Events()[0]
	if start, _ := ev.GetStartAt(); !start.Equal(later) || ev.Id() != "task-"+items[1].ID+"@warmlead" ||
		ev.GetProperty(ical.ComponentPropertySummary).Value != "Next step with Carl Cold (Koud BV)" ||
		!strings.Contains(ev.GetProperty(ical.ComponentPropertyDescription).Value, "Agreed: send the price list") {
		t.Errorf("event %s", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("calendar file mode %v, want 0600 (it holds names)", st.Mode().Perm())
	}
	audit, err := db.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	if last := audit[len(audit)-1]; last.Action != "exported" || last.Prospect != carl || !strings.Contains(last.Detail, "calendar") {
		t.Errorf("audit %+v", last)
	}

	// Done: out of the list, out of Today, an event in the ledger.
	done, err := app.Tasks.Done(items[0].ID)
	if err != nil || !done.Done {
		t.Fatal(done, err)
	}
	rec, _ := db.Record(huang)
	if last := rec.Events[len(rec.Events)-1]; last.Kind != consent.KindTaskDone || last.Rep != "Rita Rep" {
		t.Errorf("last event %+v", last)
	}
	due, _, _ := app.Deadlines.List()
	for _, d := range due {
		if d.Prospect == huang && d.Kind == consent.DueCallBack {
			t.Error("the done call-back is still due")
		}
	}
	items, _, _ = app.Tasks.List()
	if len(items) != 1 || items[0].Prospect != carl {
		t.Errorf("after done: %+v", items)
	}

	// Every open task in one file.
	all := filepath.Join(t.TempDir(), "all.ics")
	if got, err := app.Tasks.WriteCalendar(all); err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
}

func TestTasksRefusals(t *testing.T) {
	app, db := newTestApp(t)
	carl := addID(t, db, cold())
	if _, _, err := app.Tasks.Calendar(); CodeOf(err) != CodePrecondition {
		t.Errorf("calendar of no tasks: %v", err)
	}
	cases := []struct {
		id   string
		code Code
	}{
		{"x", CodeInvalid}, {"42", CodeInvalid}, {"999-2", CodeNotFound}, {"1-1", CodeNotFound},
	}
	for _, c := range cases {
		if _, err := app.Tasks.Done(c.id); CodeOf(err) != c.code {
			t.Errorf("Done(%q): %v, want %s", c.id, err, c.code)
		}
	}
	if _, err := app.Calls.Log(carl, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: testNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	items, _, _ := app.Tasks.List()
	if _, err := app.Tasks.Done(items[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Tasks.Done(items[0].ID); CodeOf(err) != CodeNotFound || !strings.Contains(err.Error(), "no open task") {
		t.Errorf("done twice: %v", err)
	}
}
