package usecase

import (
	"reflect"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// noViews is the store without its saved views: Today from a full read.
type noViews struct{ *store.DB }

func (noViews) LoadView(string) ([]byte, uint64, bool) { return nil, 0, false }

// Today's cache kept across a lock is Today from a full read: after a
// write it had not read, as time crosses thresholds after the restart, in
// another time zone, after a write before the first call; and when nothing
// changed the next start reads no ledger at all.
func TestTodayKeptAcrossLockIsFresh(t *testing.T) {
	_, db := newTestApp(t)
	clock := testNow
	env := Env{Rep: func() string { return "Rita Rep" }, Now: func() time.Time { return clock }}
	day := func(d int) time.Time { return testNow.AddDate(0, 0, d) }
	calls := &Calls{env: env, st: db}

	list := addProspect(t, db, consent.Prospect{Name: "Lars List", Source: consent.SourceList}, day(-29)) // notice by day 1
	addProspect(t, db, consent.Prospect{Name: "Rosa Referred", Source: consent.SourceReferral}, day(-5))  // reminder on day 2
	card := addProspect(t, db, consent.Prospect{Name: "Carl Card", Email: "carl@card.example", Source: consent.SourceCard}, day(-300))
	gina := addProspect(t, db, consent.Prospect{Name: "Gina Granted", Email: "gina@g.example", Source: consent.SourceCard}, day(-2))
	addProspect(t, db, consent.Prospect{Name: "Åsa Öberg", Company: "Öberg och Co", Source: consent.SourceSocial}, day(-3))
	if _, err := (&Consents{env: env, st: db}).Record(ConsentAnswer{Prospect: gina.ID, Answer: consent.Answer{Kind: consent.KindConsentGranted,
		Cell: consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}, Method: consent.MethodEmailReply,
		Evidence: "Yes, send me the newsletter", Expires: day(45)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := calls.Log(card.ID, consent.CallLog{Outcome: consent.OutcomeReached, Agreed: "send the price list", Callback: day(3)}); err != nil {
		t.Fatal(err)
	}

	rc := &readCounter{DB: db}
	var d *Deadlines
	// restart is what the app does at an unlock: a new App, whose
	// Deadlines is the one kept at the next lock.
	restart := func() {
		t.Helper()
		db.Lock()
		if err := db.UnlockPassphrase([]byte("correct horse battery")); err != nil {
			t.Fatal(err)
		}
		d = &Deadlines{env: env, st: rc}
		db.KeepView(todayViewName, d.keptToday)
		rc.take()
	}
	check := func(what string, wantReads int) {
		t.Helper()
		got, err := d.Today()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		reads := rc.take()
		want, err := (&Deadlines{env: env, st: noViews{db}}).Today()
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Due) == 0 || len(want.Tasks) == 0 {
			t.Fatalf("%s: the fixture has %d items due and %d tasks: nothing to compare", what, len(want.Due), len(want.Tasks))
		}
		if !reflect.DeepEqual(got.Due, want.Due) || !reflect.DeepEqual(got.Tasks, want.Tasks) {
			t.Fatalf("%s (at %s): from the kept view\n%+v\n%+v\nfresh\n%+v\n%+v", what, clock, got.Due, got.Tasks, want.Due, want.Tasks)
		}
		for i := range got.Due {
			if got.Due[i].Reason != got.Due[i].Message.String() {
				t.Errorf("%s: item %d's reason %q is not its message %q", what, i, got.Due[i].Reason, got.Due[i].Message.String())
			}
		}
		t.Logf("%s: %d ledgers read", what, reads)
		if wantReads >= 0 && reads != wantReads {
			t.Errorf("%s: %d ledgers read, want %d", what, reads, wantReads)
		}
	}
	any := -1

	restart()
	check("first start", any)
	restart()
	check("a start with nothing changed", 0)
	if _, err := calls.Log(list.ID, consent.CallLog{Outcome: consent.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	restart() // the call is after the cache's last read: left out of the view
	check("a start after a write the cache had not read", 1)
	clock = day(3).Add(time.Hour)
	restart()
	check("a start three days on (notice overdue, reminder and call-back due)", any)
	restart()
	check("three days on, again", 0)
	clock = clock.In(time.FixedZone("UTC+14", 14*3600))
	restart()
	check("a start in another time zone", any)
	restart()
	if _, err := calls.Log(gina.ID, consent.CallLog{Outcome: consent.OutcomeVoicemail}); err != nil {
		t.Fatal(err)
	}
	check("a write before the first call (the view is not the file's: a full read)", len(mustCandidates(t, db, clock)))
}

func mustCandidates(t *testing.T, db *store.DB, now time.Time) []uint64 {
	t.Helper()
	s, err := db.Settings()
	if err != nil {
		t.Fatal(err)
	}
	ids, err := db.DueCandidates(now, s.RetentionMonths)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// The view's codec: what it keeps decodes to the same entries, and bytes
// that are not a view never decode into one.
func TestTodayViewRoundTrip(t *testing.T) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Skip("no time zone database")
	}
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, oslo)
	p := consent.Prospect{ID: 7, Name: "Åsa Öberg", Source: consent.SourceList}
	r := consent.Record{Prospect: p}
	who := consent.Msg("this person")
	due := []consent.Due{{Prospect: 7, Kind: consent.DueNotice, Date: now.AddDate(0, 0, 3),
		Message: consent.Msg("{{.Who}} {{.By}} {{.Source}} {{.Purpose}} {{.Channel}}", "Who", who, "By", now.UTC(),
			"Source", consent.SourceList, "Purpose", consent.PurposeNewsletter, "Channel", consent.ChannelEmail)}}
	due[0].Reason = due[0].Message.String()
	c := &todayCache{entries: map[uint64]todayEntry{
		7: {due: due, name: p.Name, until: now.AddDate(0, 1, 0), hasTask: true,
			task: TaskItem{Task: consent.Task{ID: "7-2", Prospect: 7, Kind: consent.TaskNextStep, Due: time.Date(2026, 3, 11, 0, 0, 0, 0, time.FixedZone("", 3600)),
				Agreed: "a demo", CallDay: now}, Name: p.Name, Phone: "+4790000000"}},
		8: {name: "Nils", rec: &r}, // kept with its record: read again, not kept
	}, at: now, months: 24, loc: oslo}
	b, err := encodeTodayView(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, at, months, err := decodeTodayView(b, now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if !at.Equal(now) || months != 24 || len(got) != 1 || !reflect.DeepEqual(got[7], c.entries[7]) {
		t.Fatalf("decoded %v %d %+v\nwant %+v", at, months, got, c.entries[7])
	}
	if _, _, _, err := decodeTodayView(b, now.Add(-time.Minute)); err == nil {
		t.Error("a view from the future decoded")
	}
	if _, _, _, err := decodeTodayView(b, now.UTC()); err == nil {
		t.Error("a view of another location decoded")
	}
	c.entries[7].due[0].Message.Data["Odd"] = 3.5 // a value the view does not keep: the entry is left out
	if b, err = encodeTodayView(c, nil); err != nil {
		t.Fatal(err)
	}
	if got, _, _, err := decodeTodayView(b, now); err != nil || len(got) != 0 {
		t.Errorf("an entry with an unknown value kept: %+v %v", got, err)
	}
}

// FuzzTodayView: any bytes decode into an error or into entries, never a
// panic.
func FuzzTodayView(f *testing.F) {
	c := &todayCache{entries: map[uint64]todayEntry{3: {name: "Anna", due: []consent.Due{{Prospect: 3, Kind: consent.DueCallBack,
		Date: testNow, Message: consent.Msg("{{.Who}}", "Who", "Anna")}}}}, at: testNow, loc: testNow.Location()}
	b, err := encodeTodayView(c, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte{0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeTodayView(b, testNow)
	})
}
