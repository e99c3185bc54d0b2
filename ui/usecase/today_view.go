package usecase

import (
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/fxamacker/cbor/v2"

	"warmlead/consent"
)

// Today's cache is kept in the file at Lock and Close (store.KeepView), so
// the next start's Today reads only what changed or came due since,
// instead of every due candidate's ledger: at 100,000 prospects that was
// 17,000 ledgers and most of the first paint. The store hands the view back
// only while the file is the one it was worked out from (store/views.go);
// from there the cache's own rules (today_cache.go) decide what to read
// again, exactly as if the app had stayed open.
//
// Only what the entries hold is kept: due items with their messages, the
// open task, the instant until which they hold. Entries whose prospect
// changed since the cache's last read are left out (the next call reads
// them), as are records kept for a near instant (they are read again).
const todayViewName = "today"

// todayView is the kept cache; vocabulary (templates, keys, kinds, codes)
// is listed once in Strs and named by index.
type todayView struct {
	_       struct{} `cbor:",toarray"`
	Format  int
	At      int64 // the cache's last call, Unix nanoseconds
	Months  int
	Loc     string // the location of its texts' dates
	Strs    []string
	Entries []viewEntry
}

type viewEntry struct {
	_     struct{} `cbor:",toarray"`
	ID    uint64
	Name  string
	Due   []viewDue
	Task  *viewTask
	Until viewTime
}

type viewDue struct {
	_      struct{} `cbor:",toarray"`
	Kind   int
	Date   viewTime
	Reason string
	Msg    viewMsg
}

type viewTask struct {
	_                    struct{} `cbor:",toarray"`
	ID                   string
	Kind                 int
	Due, CallDay, DoneAt viewTime
	Agreed               string
	Done                 bool
	Name, Company, Phone string
}

type viewMsg struct {
	_    struct{} `cbor:",toarray"`
	T    int
	Keys []int
	Vals []viewValue
}

// A message value is one of the kinds DueItems uses; a value of another
// type makes its entry unkept (read again next time), never wrong.
const (
	valString = iota
	valTime
	valSource
	valPurpose
	valChannel
	valMessage
)

type viewValue struct {
	_    struct{} `cbor:",toarray"`
	Kind int
	S    string
	T    viewTime
	M    *viewMsg
}

// viewTime keeps a time with its location: the dates' days depend on it.
type viewTime struct {
	_    struct{} `cbor:",toarray"`
	Zone int      // zoneZero, zoneUTC, zoneLists (the cache's location), zoneFixed
	Unix int64
	Nano int64
	Off  int    // the offset it had: checked again for zoneLists
	Name string // zoneFixed's name
}

const (
	zoneZero = iota
	zoneUTC
	zoneLists
	zoneFixed
)

const todayViewFormat = 1

var (
	errViewValue = errors.New("a value the view does not keep")
	errViewBad   = errors.New("the saved Today view does not fit")
	viewDec      = func() cbor.DecMode {
		dm, err := cbor.DecOptions{MaxArrayElements: 1 << 27}.DecMode()
		if err != nil {
			panic(err)
		}
		return dm
	}()
)

// viewWriter encodes entries, naming vocabulary once.
type viewWriter struct {
	loc  *time.Location
	strs []string
	idx  map[string]int
}

func (w *viewWriter) str(s string) int {
	i, ok := w.idx[s]
	if !ok {
		i = len(w.strs)
		w.strs = append(w.strs, s)
		w.idx[s] = i
	}
	return i
}

func (w *viewWriter) time(t time.Time) (viewTime, error) {
	if t == (time.Time{}) {
		return viewTime{Zone: zoneZero}, nil
	}
	name, off := t.Zone()
	v := viewTime{Unix: t.Unix(), Nano: int64(t.Nanosecond()), Off: off}
	switch loc := t.Location(); {
	case loc == time.UTC:
		v.Zone = zoneUTC
	case loc == w.loc:
		v.Zone = zoneLists
	case loc.String() == name: // a fixed zone (as a ledger's times are decoded) names itself
		v.Zone, v.Name = zoneFixed, name
	default:
		return v, errViewValue
	}
	return v, nil
}

func (w *viewWriter) msg(m consent.Message) (viewMsg, error) {
	v := viewMsg{T: w.str(m.Template)}
	for _, k := range slices.Sorted(maps.Keys(m.Data)) {
		var x viewValue
		var err error
		switch d := m.Data[k].(type) {
		case string:
			x = viewValue{Kind: valString, S: d}
		case time.Time:
			x.Kind = valTime
			x.T, err = w.time(d)
		case consent.Source:
			x = viewValue{Kind: valSource, S: string(d)}
		case consent.Purpose:
			x = viewValue{Kind: valPurpose, S: string(d)}
		case consent.Channel:
			x = viewValue{Kind: valChannel, S: string(d)}
		case consent.Message:
			var sub viewMsg
			sub, err = w.msg(d)
			x = viewValue{Kind: valMessage, M: &sub}
		default:
			err = errViewValue
		}
		if err != nil {
			return v, err
		}
		v.Keys, v.Vals = append(v.Keys, w.str(k)), append(v.Vals, x)
	}
	return v, nil
}

func (w *viewWriter) entry(id uint64, e todayEntry) (viewEntry, error) {
	until, err := w.time(e.until)
	if err != nil {
		return viewEntry{}, err
	}
	v := viewEntry{ID: id, Name: e.name, Until: until}
	for _, d := range e.due {
		if d.Prospect != id {
			return v, errViewValue
		}
		date, err := w.time(d.Date)
		if err != nil {
			return v, err
		}
		m, err := w.msg(d.Message)
		if err != nil {
			return v, err
		}
		v.Due = append(v.Due, viewDue{Kind: w.str(d.Kind), Date: date, Reason: d.Reason, Msg: m})
	}
	if e.hasTask {
		t := e.task
		if t.Prospect != id {
			return v, errViewValue
		}
		vt := viewTask{ID: t.ID, Kind: w.str(t.Kind), Agreed: t.Agreed, Done: t.Done, Name: t.Name, Company: t.Company, Phone: t.Phone}
		for _, p := range []struct {
			to *viewTime
			t  time.Time
		}{{&vt.Due, t.Due}, {&vt.CallDay, t.CallDay}, {&vt.DoneAt, t.DoneAt}} {
			if *p.to, err = w.time(p.t); err != nil {
				return v, err
			}
		}
		v.Task = &vt
	}
	return v, nil
}

// encodeTodayView is the cache's entries but those of the prospects in
// leaveOut (changed since its last read) and those kept with their record.
func encodeTodayView(c *todayCache, leaveOut []uint64) ([]byte, error) {
	w := &viewWriter{loc: c.loc, idx: map[string]int{}}
	v := todayView{Format: todayViewFormat, At: c.at.UnixNano(), Months: c.months, Loc: c.loc.String()}
	for _, id := range slices.Sorted(maps.Keys(c.entries)) {
		e := c.entries[id]
		if _, changed := slices.BinarySearch(leaveOut, id); changed || e.rec != nil {
			continue
		}
		if ve, err := w.entry(id, e); err == nil {
			v.Entries = append(v.Entries, ve)
		}
	}
	v.Strs = w.strs
	return cbor.Marshal(v)
}

// viewReader decodes against the vocabulary and the location now has.
type viewReader struct {
	loc  *time.Location
	strs []string
	err  error
}

func (r *viewReader) str(i int) string {
	if i < 0 || i >= len(r.strs) {
		r.err = errViewBad
		return ""
	}
	return r.strs[i]
}

func (r *viewReader) time(v viewTime) time.Time {
	var t time.Time
	switch v.Zone {
	case zoneZero:
		return time.Time{}
	case zoneUTC:
		t = time.Unix(v.Unix, v.Nano).UTC()
	case zoneLists:
		t = time.Unix(v.Unix, v.Nano).In(r.loc)
	case zoneFixed:
		t = time.Unix(v.Unix, v.Nano).In(time.FixedZone(v.Name, v.Off))
	default:
		r.err = errViewBad
	}
	// The rules' dates are days in this location: if its offsets moved
	// (another time zone database, another TZ behind the same name), the
	// view is not this location's.
	if _, off := t.Zone(); off != v.Off {
		r.err = errViewBad
	}
	return t
}

func (r *viewReader) msg(v viewMsg) consent.Message {
	m := consent.Message{Template: r.str(v.T)}
	if len(v.Keys) != len(v.Vals) {
		r.err = errViewBad
		return m
	}
	if len(v.Keys) > 0 {
		m.Data = make(map[string]any, len(v.Keys))
	}
	for i, k := range v.Keys {
		x := v.Vals[i]
		var d any
		switch x.Kind {
		case valString:
			d = x.S
		case valTime:
			d = r.time(x.T)
		case valSource:
			d = consent.Source(x.S)
		case valPurpose:
			d = consent.Purpose(x.S)
		case valChannel:
			d = consent.Channel(x.S)
		case valMessage:
			if x.M == nil {
				r.err = errViewBad
				continue
			}
			d = r.msg(*x.M)
		default:
			r.err = errViewBad
		}
		m.Data[r.str(k)] = d
	}
	return m
}

// decodeTodayView is the kept entries, the time of the call they answered
// and their retention, when they were worked out in now's location and
// not in now's future.
func decodeTodayView(b []byte, now time.Time) (entries map[uint64]todayEntry, at time.Time, months int, err error) {
	var v todayView
	if err := viewDec.Unmarshal(b, &v); err != nil {
		return nil, at, 0, err
	}
	loc := now.Location()
	if v.Format != todayViewFormat || v.Loc != loc.String() {
		return nil, at, 0, errViewBad
	}
	if at = time.Unix(0, v.At).In(loc); now.Before(at) {
		return nil, at, 0, errViewBad
	}
	r := &viewReader{loc: loc, strs: v.Strs}
	entries = make(map[uint64]todayEntry, len(v.Entries))
	for _, ve := range v.Entries {
		e := todayEntry{name: ve.Name, until: r.time(ve.Until)}
		for _, d := range ve.Due {
			e.due = append(e.due, consent.Due{Prospect: ve.ID, Kind: r.str(d.Kind), Date: r.time(d.Date), Reason: d.Reason, Message: r.msg(d.Msg)})
		}
		if t := ve.Task; t != nil {
			e.hasTask = true
			e.task = TaskItem{Task: consent.Task{ID: t.ID, Prospect: ve.ID, Kind: r.str(t.Kind), Due: r.time(t.Due), Agreed: t.Agreed,
				CallDay: r.time(t.CallDay), Done: t.Done, DoneAt: r.time(t.DoneAt)}, Name: t.Name, Company: t.Company, Phone: t.Phone}
		}
		entries[ve.ID] = e
	}
	if r.err != nil {
		return nil, at, 0, r.err
	}
	return entries, at, v.Months, nil
}

// keptToday is the provider of Today's view (store.KeepView): the cache
// as it stands, unless a call is under way or it knows nothing.
func (d *Deadlines) keptToday() ([]byte, uint64, bool) {
	c := &d.today
	if !c.mu.TryLock() { // a Today call under way: its reads are not done
		return nil, 0, false
	}
	defer c.mu.Unlock()
	if c.entries == nil {
		return nil, 0, false
	}
	changed, version, all := d.st.Index().Changes(c.version)
	if all {
		return nil, 0, false
	}
	b, err := encodeTodayView(c, changed)
	return b, version, err == nil
}

// restore starts the cache from the view kept in the file, when the store
// still vouches for it; otherwise the cache stays empty (a full read).
func (c *todayCache) restore(st deadlineStore, now time.Time) {
	b, since, ok := st.LoadView(todayViewName)
	if !ok {
		return
	}
	entries, at, months, err := decodeTodayView(b, now)
	clear(b) // names, in clear
	if err != nil {
		return
	}
	c.entries, c.version, c.at, c.months, c.loc = entries, since, at, months, now.Location()
	c.unread, c.built = nil, nil
	// The store's hints are asked again: a candidate the view left out (a
	// prospect changed before it was kept, one unreadable) is read now.
	c.candidatesUntil = at
}
