package insight

import (
	"reflect"
	"testing"
	"time"

	"warmlead/consent"
)

func TestPeriodEnd(t *testing.T) {
	day := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		to     time.Time
		expect time.Time
	}{
		{"no end", time.Time{}, time.Time{}},
		{"a date takes in its whole day", day, day.AddDate(0, 0, 1)},
		{"a moment ends just after itself", day.Add(90 * time.Minute), day.Add(90*time.Minute + time.Nanosecond)},
	}
	for _, c := range cases {
		if got := PeriodEnd(c.to); !got.Equal(c.expect) {
			t.Errorf("%s: %v, want %v", c.name, got, c.expect)
		}
	}
}

func TestBuckets(t *testing.T) {
	cases := []struct {
		bs   []Bucket
		n    int
		want int
	}{
		{AttemptBuckets, 1, 0}, {AttemptBuckets, 5, 3}, {AttemptBuckets, 6, 4}, {AttemptBuckets, 20, 5}, {AttemptBuckets, 21, 6}, {AttemptBuckets, 500, 6},
		{FirstContactBuckets, 0, 0}, {FirstContactBuckets, 1, 1}, {FirstContactBuckets, 3, 2}, {FirstContactBuckets, 7, 3},
		{FirstContactBuckets, 30, 4}, {FirstContactBuckets, 31, 5}, {FirstContactBuckets, -1, -1},
	}
	for _, c := range cases {
		if got := bucketOf(c.bs, c.n); got != c.want {
			t.Errorf("%d: bucket %d, want %d", c.n, got, c.want)
		}
	}
}

// The collector is the collection event's rep, else the first event's; a
// day counts on the calendar of the filter's zone, so a call at 00:30 the
// next morning in Oslo is one day after a card collected at 23:00.
func TestCollectorAndCalendarDays(t *testing.T) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Skip(err)
	}
	at := time.Date(2026, 3, 2, 22, 0, 0, 0, time.UTC) // 23:00 in Oslo
	r := consent.Record{Prospect: consent.Prospect{ID: 1, Source: consent.SourceCard}, Events: []consent.Event{
		{Kind: consent.KindInformed, Rep: "Nina Notice", Time: at},
		{Kind: consent.KindCollected, Rep: "Rita Rep", Time: at},
		{Kind: consent.KindCallLogged, Rep: "Rita Rep", Time: at.Add(90 * time.Minute), Outcome: consent.OutcomeNoAnswer},
	}}
	if got := Collector(r); got != "Rita Rep" {
		t.Errorf("collector %q", got)
	}
	if got := Collector(consent.Record{Events: r.Events[:1]}); got != "Nina Notice" {
		t.Errorf("without a collection event: %q", got)
	}
	for _, c := range []struct {
		loc  *time.Location
		want []int
	}{{nil, []int{1, 0, 0, 0, 0, 0}}, {oslo, []int{0, 1, 0, 0, 0, 0}}} {
		tally := NewTally(Filter{Loc: c.loc})
		tally.Add(r)
		f := tally.Figures()
		if !reflect.DeepEqual(f.FirstContact.ByDays, c.want) {
			t.Errorf("%v: first contact %v, want %v", c.loc, f.FirstContact.ByDays, c.want)
		}
		if again := tally.Figures(); !reflect.DeepEqual(again, f) {
			t.Errorf("%v: a second Figures differs: %+v", c.loc, again)
		}
	}
}
