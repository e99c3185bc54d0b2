package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// A call-back logged in the call dialog, typed the Dutch way, shows on
// Today with its time; Done records it in the ledger and the row leaves.
func TestTodayTaskWithTimeAndDone(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carla Cold", Company: "Koud BV", Phone: "+31 20 555 0101", Email: "carla@koud.example", Source: consent.SourceColdCall})
	i18n.Use("nl")
	rec, _ := g.db.Record(1)
	cd := showCallDialog(g, rec, nil)
	cd.outcome.SetSelected(i18n.Outcome(consent.OutcomeCallBack))
	when := time.Now().AddDate(0, 0, 1)
	cd.callback.SetText("")
	test.Type(cd.callback, "JJJJ-MM-DD")
	if _, problem := cd.log(); !strings.Contains(problem, "Schrijf het terugbelmoment als") {
		t.Fatalf("a bad date: %q", problem)
	}
	cd.callback.SetText(when.Format("2-1-2006") + " 10:30") // the form Dutch screens show
	test.Tap(cd.save)
	g.wait()
	i18n.Use("en")
	g.shell.show("today")
	g.wait()
	td := g.shell.today
	if len(td.items) != 1 || td.items[0].Kind != consent.DueCallBack || len(td.tasks) != 1 {
		t.Fatalf("today %+v tasks %+v", td.items, td.tasks)
	}
	row := td.list.CreateItem()
	td.list.UpdateItem(0, row)
	due := time.Date(when.Year(), when.Month(), when.Day(), 10, 30, 0, 0, time.Local)
	if !hasText(row, i18n.DateTime(due)) || !strings.HasSuffix(i18n.DateTime(due), "10:30") {
		t.Fatalf("the row does not show %q", i18n.DateTime(due))
	}
	box := row.(*fyne.Container).Objects[2].(*fyne.Container).Objects[0].(*fyne.Container)
	if box.Hidden {
		t.Fatal("no task buttons on a call-back row")
	}
	// The calendar file of that task.
	path := filepath.Join(t.TempDir(), "task.ics")
	td.writeCalendar(path, td.tasks[1].ID)
	g.wait()
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "BEGIN:VEVENT") {
		t.Fatalf("calendar: %v", err)
	}
	if td.note.Hidden || td.note.Importance != widget.SuccessImportance || !strings.Contains(td.note.Text, "task.ics") {
		t.Errorf("no green confirmation: %q %v", td.note.Text, td.note.Importance)
	}
	test.Tap(box.Objects[1].(*widget.Button))
	g.wait()
	rec, _ = g.db.Record(1)
	if last := rec.Events[len(rec.Events)-1]; last.Kind != consent.KindTaskDone {
		t.Fatalf("Done wrote %+v", last)
	}
	if len(td.items) != 0 || !strings.Contains(td.note.Text, "Done: Carla Cold") {
		t.Fatalf("after done: %+v %q", td.items, td.note.Text)
	}
	// A failing write says so, not in green.
	td.writeCalendar(filepath.Join(t.TempDir(), "none.ics"))
	g.wait()
	if td.note.Importance != widget.DangerImportance {
		t.Errorf("error shown as %v: %q", td.note.Importance, td.note.Text)
	}
}

// A reached call with a dated next step makes a task too.
func TestCallDialogNextStepBecomesTask(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carla Cold", Company: "Koud BV", Phone: "+31 20 555 0101", Email: "carla@koud.example", Source: consent.SourceColdCall})
	rec, _ := g.db.Record(1)
	cd := showCallDialog(g, rec, nil)
	cd.outcome.SetSelected(i18n.Outcome(consent.OutcomeReached))
	test.Type(cd.agreed, "send the price list")
	when := time.Now().AddDate(0, 0, 3)
	test.Type(cd.next, i18n.DateTime(time.Date(when.Year(), when.Month(), when.Day(), 9, 15, 0, 0, time.Local)))
	l, problem := cd.log()
	if problem != "" || l.Callback.Hour() != 9 || l.Callback.Minute() != 15 {
		t.Fatalf("next step %+v %q", l, problem)
	}
	// The calendar button writes the day in the field, keeping the time.
	cd.next.setDay(when.AddDate(0, 0, 1))
	if v, has, ok := cd.next.value(); !has || !ok || v.Day() != when.AddDate(0, 0, 1).Day() || v.Hour() != 9 {
		t.Fatalf("picked day: %v %v %v (%q)", v, has, ok, cd.next.Text)
	}
}
