package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// Tasks on Today: a call-back or agreed next step shows its time, and its
// row offers "Add to calendar" (one .ics event) and "Done" (an event in
// the ledger, through usecase.Tasks); the header writes every open task to
// one calendar file.

func (t *todayScreen) initTasks() {
	t.tasks = map[uint64]*usecase.TaskItem{}
	t.note = wrappedLabel("")
	t.note.Hide()
	t.ics = widget.NewButtonWithIcon(lang.L("Calendar file…"), theme.CalendarIcon(), func() { t.saveCalendar() })
	t.ics.Disable()
}

func (t *todayScreen) setTasks(items []usecase.TaskItem) {
	// Pointers into items, which the screen keeps instead: a map of the
	// items themselves held every task twice over (about 3.5 MB at
	// 100,000 prospects, issue 16).
	t.tasks = make(map[uint64]*usecase.TaskItem, len(items))
	for i := range items {
		t.tasks[items[i].Prospect] = &items[i]
	}
	if len(items) == 0 {
		t.ics.Disable()
	} else {
		t.ics.Enable()
	}
}

// dueWhen is the row's date; a call-back is at a time of day, so it
// shows the time too.
func dueWhen(row usecase.DueItem) string {
	if row.Kind == consent.DueCallBack {
		return i18n.DateTime(row.Date)
	}
	return i18n.Date(row.Date)
}

// newTaskButtons is the row template's task actions: calendar, done.
func newTaskButtons() *fyne.Container {
	cal := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	done := widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), nil)
	return container.NewHBox(cal, done)
}

// bindTaskButtons shows box's buttons for row's task, or hides them.
func (t *todayScreen) bindTaskButtons(box *fyne.Container, row usecase.DueItem) {
	ref, ok := t.tasks[row.Prospect]
	if !ok || row.Kind != consent.DueCallBack {
		box.Hide()
		return
	}
	task := *ref
	box.Show()
	box.Objects[0].(*widget.Button).OnTapped = func() { t.saveCalendar(task.ID) }
	box.Objects[1].(*widget.Button).OnTapped = func() { t.markDone(task) }
}

// markDone records the task as done and says so; the row leaves Today.
func (t *todayScreen) markDone(task usecase.TaskItem) {
	g := t.g
	g.touch()
	g.background(func() error {
		_, err := g.uc.Tasks.Done(task.ID)
		return err
	}, func(err error) {
		if err != nil {
			t.say(errorText(err), false)
			return
		}
		t.say(lang.L("Done: {{.Name}}, due {{.When}}.", map[string]any{"Name": task.Name, "When": i18n.DateTime(task.Due)}), true)
		t.refresh()
	})
}

// saveCalendar asks where to write the calendar file of ids (every open
// task when none) and has the use case write it.
func (t *todayScreen) saveCalendar(ids ...string) {
	g := t.g
	g.touch()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the use case writes the file (0600, audit-logged)
		t.writeCalendar(path, ids...)
	}, g.win)
	name := "warmlead-tasks.ics"
	if len(ids) == 1 {
		name = "warmlead-task-" + ids[0] + ".ics"
	}
	d.SetFileName(name)
	d.Show()
}

func (t *todayScreen) writeCalendar(path string, ids ...string) {
	g := t.g
	var items []usecase.TaskItem
	g.background(func() error {
		var err error
		items, err = g.uc.Tasks.WriteCalendar(path, ids...)
		return err
	}, func(err error) {
		if err != nil {
			t.say(errorText(err), false)
			return
		}
		t.say(lang.N("Saved {{.Count}} task to {{.Path}}: open it with your calendar.", len(items),
			map[string]any{"Count": i18n.Number(len(items)), "Path": path}), true)
	})
}

// say shows what a task action did: green when it worked, the error
// colour when not.
func (t *todayScreen) say(text string, ok bool) { sayOn(t.note, text, ok) }
