package consent

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// KindTaskDone records that the rep did a task (a call-back, an agreed
// next step): New holds the sequence number of the call that set it.
const KindTaskDone EventKind = "task-done"

// Task kinds; stable names for `warmlead tasks --json`.
const (
	TaskCallBack = "call-back" // the person asked to be called back
	TaskNextStep = "next-step" // the step agreed on a call that reached them
)

// Task is a dated thing to do that a call set: the latest call's call-back
// or agreed next step, with its moment (time of day included). Tasks come
// from the ledger like deadlines, so Today, `tasks` and the calendar file
// agree; doing one is an event (TaskDoneEvent), never an edit.
type Task struct {
	ID       string    `json:"id"` // "42-7": prospect 42, set by its event 7
	Prospect uint64    `json:"prospect"`
	Kind     string    `json:"kind"`
	Due      time.Time `json:"due"`
	Agreed   string    `json:"agreed,omitempty"`
	CallDay  time.Time `json:"call_day"`
	Done     bool      `json:"done"`
	DoneAt   time.Time `json:"done_at,omitzero"`
}

// The task rules, for a use case to tell apart (errors.Is).
var (
	ErrBadTaskID  = errors.New("a task id is the prospect id and the call's number, e.g. 42-7")
	ErrNoSuchTask = errors.New("no open task with that id")
)

// TaskID names the task that event seq of prospect id set.
func TaskID(prospect, seq uint64) string {
	return strconv.FormatUint(prospect, 10) + "-" + strconv.FormatUint(seq, 10)
}

// ParseTaskID splits "42-7" into the prospect and the call's number.
func ParseTaskID(s string) (prospect, seq uint64, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return 0, 0, ErrBadTaskID
	}
	if prospect, err = strconv.ParseUint(a, 10, 64); err != nil || prospect == 0 {
		return 0, 0, ErrBadTaskID
	}
	if seq, err = strconv.ParseUint(b, 10, 64); err != nil || seq == 0 {
		return 0, 0, ErrBadTaskID
	}
	return prospect, seq, nil
}

// TaskOf is the record's task, if its latest call set one. An erased
// person or one who objected (here or to another member of the team) has
// none: doing it would mean contacting them. A later call replaces the
// task (it was made, or set a new one).
func TaskOf(r Record) (Task, bool) {
	if r.Suppressed || r.Objected() {
		return Task{}, false
	}
	c, ok := LastCall(r)
	if !ok || c.Callback.IsZero() {
		return Task{}, false
	}
	t := Task{ID: TaskID(r.Prospect.ID, c.Seq), Prospect: r.Prospect.ID, Kind: TaskNextStep, Due: c.Callback, Agreed: c.Agreed, CallDay: c.Time}
	if c.Outcome == OutcomeCallBack {
		t.Kind = TaskCallBack
	}
	if done := taskDone(r.Events, c.Seq); done != nil {
		t.Done, t.DoneAt = true, done.Time
	}
	return t, true
}

// OpenTask is the record's task when it is still to do.
func OpenTask(r Record) (Task, bool) {
	t, ok := TaskOf(r)
	return t, ok && !t.Done
}

func taskDone(events []Event, seq uint64) *Event {
	want := strconv.FormatUint(seq, 10)
	for i := len(events) - 1; i >= 0; i-- {
		if e := &events[i]; e.Kind == KindTaskDone && e.New == want {
			return e
		}
	}
	return nil
}

// TaskDoneEvent is the event that marks task id of r as done; ErrNoSuchTask
// when r has no such open task (already done, replaced by a later call, or
// the person objected).
func TaskDoneEvent(r Record, id, rep string, now time.Time) (Event, error) {
	t, ok := OpenTask(r)
	if !ok || t.ID != strings.TrimSpace(id) {
		return Event{}, ErrNoSuchTask
	}
	_, seq, _ := ParseTaskID(t.ID)
	return Event{Time: now, Rep: rep, Kind: KindTaskDone, Field: "task", New: strconv.FormatUint(seq, 10), Note: t.Kind + " done"}, nil
}

// TaskText is the calendar summary and description of t for the person p,
// in lang (English for a language Warmlead does not write).
func TaskText(t Task, p Prospect, lang string) (summary, description string) {
	tx, ok := taskTexts[lang]
	if !ok {
		tx = taskTexts["en"]
	}
	who := p.Name
	if p.Company != "" {
		who = fmt.Sprintf(tx.with, p.Name, p.Company)
	}
	summary = fmt.Sprintf(tx.callBack, who)
	if t.Kind == TaskNextStep {
		summary = fmt.Sprintf(tx.nextStep, who)
	}
	var lines []string
	if t.Agreed != "" {
		lines = append(lines, tx.agreed+t.Agreed)
	}
	if p.Phone != "" {
		lines = append(lines, tx.phone+FormatPhone(p.Phone))
	}
	lines = append(lines, fmt.Sprintf(tx.ref, t.ID))
	return summary, strings.Join(lines, "\n")
}
