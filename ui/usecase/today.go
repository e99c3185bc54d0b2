package usecase

import "warmlead/consent"

// Today is what the Today screen shows: every deadline (as Deadlines.List)
// and every open task (as Tasks.List), from one read of the ledgers that
// may hold either, on both cores. The two lists read the same short list
// of ledgers (a call-back is always a due candidate, consent.HintDue);
// reading it once, in parallel, is what opens the screen in under a second
// at 100,000 prospects.
type Today struct {
	Due     []DueItem
	Tasks   []TaskItem
	Skipped []error // records that could not be read, as in Deadlines.List
}

// Today reads the Today screen's lists.
func (d *Deadlines) Today() (Today, error) {
	now := d.env.now()
	st, err := d.st.Settings()
	if err != nil {
		return Today{}, err
	}
	ids, err := d.st.DueCandidates(now, st.RetentionMonths)
	if err != nil {
		return Today{}, err
	}
	var t Today
	names := map[uint64]string{}
	var due []consent.Due
	t.Skipped, err = d.st.ForEachRecordsOfBoth(ids, func(r consent.Record) error {
		if items := consent.DueItems(r, now, st.RetentionMonths); len(items) > 0 {
			names[r.Prospect.ID] = r.Prospect.Name
			due = append(due, items...)
		}
		if task, ok := consent.OpenTask(r); ok {
			t.Tasks = append(t.Tasks, taskItem(task, r.Prospect))
		}
		return nil
	})
	if err != nil {
		return Today{}, err
	}
	t.Due = dueItems(due, names)
	sortTasks(t.Tasks)
	return t, nil
}
