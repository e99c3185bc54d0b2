package usecase

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"warmlead/consent"
	"warmlead/consent/ics"
	"warmlead/store"
)

// Tasks are the dated things a rep agreed to do on a call (a call-back,
// the agreed next step): listed with their time, exported to the rep's
// calendar, marked done.
type Tasks struct {
	env Env
	st  taskStore
}

// taskStore is what Tasks needs of the store (*store.DB in the app).
type taskStore interface {
	ledgerWriter
	DueCandidates(now time.Time, retentionMonths int) ([]uint64, error)
	ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error)
}

var (
	errBadTaskID  = newTemplate(CodeInvalid, "{{.Value}} is not a task id: a task id is the prospect id and the call's number, as 'warmlead tasks' lists them (e.g. 42-7)")
	errNoSuchTask = newTemplate(CodeNotFound, "there is no open task {{.ID}}: it is done, or a later call replaced it ('warmlead tasks' lists the open ones)")
	errNoTasks    = newTemplate(CodePrecondition, "there are no open tasks to put in a calendar")
)

// TaskItem is one task with the person it concerns (a line of `tasks
// --json`, a row of the Today screen).
type TaskItem struct {
	consent.Task
	Name    string `json:"name"`
	Company string `json:"company,omitempty"`
	Phone   string `json:"phone,omitempty"`
}

// List is every open task, earliest first (ties by task id). skipped names
// the prospects whose records could not be read, as in Deadlines.List.
func (u *Tasks) List() (items []TaskItem, skipped []error, err error) {
	st, err := u.st.Settings()
	if err != nil {
		return nil, nil, err
	}
	// A record with a call-back is always a due candidate (consent.HintDue),
	// so the same short list of ledgers serves both.
	ids, err := u.st.DueCandidates(u.env.now(), st.RetentionMonths)
	if err != nil {
		return nil, nil, err
	}
	skipped, err = u.st.ForEachRecordOf(ids, func(r consent.Record) error {
		if t, ok := consent.OpenTask(r); ok {
			items = append(items, taskItem(t, r.Prospect))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sortTasks(items)
	return items, skipped, nil
}

// sortTasks orders tasks earliest first, ties by prospect.
func sortTasks(items []TaskItem) { slices.SortStableFunc(items, compareTasks) }

// compareTasks is sortTasks' order (Today's cache merges with it).
func compareTasks(a, b TaskItem) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	return compareU64(a.Prospect, b.Prospect)
}

func compareU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func taskItem(t consent.Task, p consent.Prospect) TaskItem {
	return TaskItem{Task: t, Name: p.Name, Company: p.Company, Phone: p.Phone}
}

// open reads the open task id names.
func (u *Tasks) open(id string) (consent.Record, consent.Task, error) {
	pid, _, err := consent.ParseTaskID(id)
	if err != nil {
		return consent.Record{}, consent.Task{}, errBadTaskID.Wrap(err, "Value", strconv.Quote(id))
	}
	r, err := u.st.Record(pid)
	if errors.Is(err, store.ErrNotFound) {
		return r, consent.Task{}, errNoSuchTask.Wrap(consent.ErrNoSuchTask, "ID", id)
	}
	if err != nil {
		return r, consent.Task{}, err
	}
	t, ok := consent.OpenTask(r)
	if !ok || t.ID != id {
		return r, consent.Task{}, errNoSuchTask.Wrap(consent.ErrNoSuchTask, "ID", id)
	}
	return r, t, nil
}

// Done marks the open task id as done: an event in the person's ledger, so
// the call-back leaves Today and the calendar file, and the record shows
// when it was done and by whom.
func (u *Tasks) Done(id string) (TaskItem, error) {
	r, t, err := u.open(id)
	if err != nil {
		return TaskItem{}, err
	}
	ev, err := consent.TaskDoneEvent(r, t.ID, u.env.rep(), u.env.now())
	if err != nil {
		return TaskItem{}, errNoSuchTask.Wrap(err, "ID", id)
	}
	saved, err := u.st.Commit(store.Change{Prospect: r.Prospect.ID, Events: []consent.Event{ev}})
	if err != nil {
		return TaskItem{}, err
	}
	t.Done, t.DoneAt = true, saved[0].Time
	return taskItem(t, r.Prospect), nil
}

// Calendar is the iCalendar file of the open tasks ids name, or of every
// open task when ids is empty, with the entries' texts in the settings'
// language.
func (u *Tasks) Calendar(ids ...string) (data []byte, items []TaskItem, err error) {
	st, err := u.st.Settings()
	if err != nil {
		return nil, nil, err
	}
	if len(ids) == 0 {
		if items, _, err = u.List(); err != nil {
			return nil, nil, err
		}
	}
	for _, id := range ids {
		r, t, err := u.open(id)
		if err != nil {
			return nil, nil, err
		}
		items = append(items, taskItem(t, r.Prospect))
	}
	if len(items) == 0 {
		return nil, nil, errNoTasks.Wrap(ics.ErrEmpty)
	}
	entries := make([]ics.Entry, len(items))
	for i, it := range items {
		summary, desc := consent.TaskText(it.Task, consent.Prospect{Name: it.Name, Company: it.Company, Phone: it.Phone}, st.Lang)
		entries[i] = ics.Entry{UID: "task-" + it.ID + "@warmlead", Start: it.Due, Summary: summary, Description: desc, Reminder: 10 * time.Minute}
	}
	data, err = ics.Encode(entries, u.env.now())
	return data, items, err
}

// WriteCalendar writes Calendar(ids...) to path (never over the database
// or a backup) and records the export in the audit log: the file holds
// names and phone numbers.
func (u *Tasks) WriteCalendar(path string, ids ...string) ([]TaskItem, error) {
	data, items, err := u.Calendar(ids...)
	if err != nil {
		return nil, err
	}
	if err := WriteOutFile(path, data, u.env.keep()...); err != nil {
		return nil, err
	}
	audits := make([]store.AuditEntry, len(items))
	for i, it := range items {
		audits[i] = store.AuditEntry{Time: u.env.now(), Rep: u.env.rep(), Action: "exported", Prospect: it.Prospect, Detail: "calendar: task " + it.ID}
	}
	if _, err := u.st.Commit(store.Change{Audit: audits}); err != nil {
		return nil, err
	}
	return items, nil
}
