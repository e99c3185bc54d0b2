package usecase

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// readCounter is the store, counting the ledgers Today reads.
type readCounter struct {
	*store.DB
	mu   sync.Mutex
	read int
}

func (c *readCounter) ForEachRecordsOfBoth(ids []uint64, fn func(consent.Record) error) ([]error, error) {
	c.mu.Lock()
	c.read += len(ids)
	c.mu.Unlock()
	return c.DB.ForEachRecordsOfBoth(ids, fn)
}

func (c *readCounter) take() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.read
	c.read = 0
	return n
}

// Today from its cache is Today from a full read, after every kind of
// write and as the clock crosses every kind of threshold (a notice turning
// overdue, a referral's reminder, an expiry and a retention end coming
// within the look-ahead, retention ended), in another time zone and with
// another retention; and with nothing changed it reads no ledger at all.
func TestTodayIncrementalIsFresh(t *testing.T) {
	_, db := newTestApp(t)
	clock := testNow
	env := Env{Rep: func() string { return "Rita Rep" }, Now: func() time.Time { return clock }}
	st := &readCounter{DB: db}
	kept := &Deadlines{env: env, st: st}
	day := func(d int) time.Time { return testNow.AddDate(0, 0, d) }

	list := addProspect(t, db, consent.Prospect{Name: "Lars List", Source: consent.SourceList}, day(-29)) // notice by day 1
	addProspect(t, db, consent.Prospect{Name: "Rosa Referred", Source: consent.SourceReferral}, day(-5))  // reminder on day 2
	card := addProspect(t, db, consent.Prospect{Name: "Carl Card", Email: "carl@card.example", Source: consent.SourceCard}, day(-300))
	gina := addProspect(t, db, consent.Prospect{Name: "Gina Granted", Email: "gina@g.example", Source: consent.SourceCard}, day(-2))
	otto := addProspect(t, db, consent.Prospect{Name: "Otto Objected", Source: consent.SourceList}, day(-10))
	eve := addProspect(t, db, consent.Prospect{Name: "Eve Erased", Source: consent.SourceList}, day(-12))
	// Reminded in two hours: its record is kept, the reminder worked out without a read.
	addProspect(t, db, consent.Prospect{Name: "Rolf Referred", Source: consent.SourceReferral}, day(-7).Add(2*time.Hour))
	addProspect(t, db, consent.Prospect{Name: "Nina Nothing", Email: "nina@n.example", Source: consent.SourceCard}, day(-1))

	step := func(what string, wantReads int) {
		t.Helper()
		got, err := kept.Today()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		reads := st.take()
		want, err := New(db, env).Deadlines.Today() // a fresh App: a full read
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Due, want.Due) || !reflect.DeepEqual(got.Tasks, want.Tasks) || len(got.Skipped) != len(want.Skipped) {
			t.Fatalf("%s (at %s): from the cache\n%+v\n%+v\nfresh\n%+v\n%+v", what, clock, got.Due, got.Tasks, want.Due, want.Tasks)
		}
		t.Logf("%s: %d ledgers read", what, reads)
		if wantReads >= 0 && reads != wantReads {
			t.Errorf("%s: %d ledgers read, want %d", what, reads, wantReads)
		}
		items, _, err := kept.List()
		if err != nil || !reflect.DeepEqual(items, want.Due) {
			t.Errorf("%s: List is not Today's deadlines (%v)", what, err)
		}
		st.take()
	}
	any := -1 // a full read, or whatever the thresholds make it

	step("first", any)
	step("nothing changed", 0)
	if _, err := (&Calls{env: env, st: db}).Log(card.ID, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: day(3)}); err != nil {
		t.Fatal(err)
	}
	step("a call with a call-back", 1)
	expires := day(45)
	if _, err := (&Consents{env: env, st: db}).Record(ConsentAnswer{Prospect: gina.ID, Answer: consent.Answer{Kind: consent.KindConsentGranted,
		Cell: consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}, Method: consent.MethodEmailReply,
		Evidence: "Yes, send me the newsletter", Expires: expires}}); err != nil {
		t.Fatal(err)
	}
	step("a consent granted", 1)
	if _, err := (&Consents{env: env, st: db}).Object(otto.ID, "Stop calling me, 10 March"); err != nil {
		t.Fatal(err)
	}
	step("an objection", 1)
	if err := (&Rights{env: env, st: db}).Erase(eve.ID, "asked to be erased"); err != nil {
		t.Fatal(err)
	}
	step("an erasure", any)
	if _, err := (&Imports{env: env, st: db}).Import([]string{writeVCF(t, "a.vcf", vcardWithPhone("Ivo Import", "ivo@i.example", "+31205550177"))},
		ImportOptions{Source: consent.SourceList, ListVendor: "LeadCo"}); err != nil {
		t.Fatal(err)
	}
	step("an import", any)
	step("nothing changed after the writes", 0)

	for _, move := range []struct {
		what string
		to   time.Time
	}{
		{"the list's notice overdue", day(1).Add(time.Hour)},
		{"the referral's reminder", day(2).Add(time.Hour)},
		{"the call-back's day", day(3).Add(time.Hour)},
		{"the expiry within the look-ahead", day(16)},
		{"the card's retention within the look-ahead", day(40)},
		{"the card's retention ended", day(70)},
		{"everyone's retention near", day(340)},
		{"everyone's retention ended", day(400)},
	} {
		clock = move.to
		step(move.what, any)
		step(move.what+", again", 0)
	}
	clock = day(30)
	step("the clock went back", any)
	clock = clock.In(time.FixedZone("UTC+14", 14*3600))
	step("another time zone", any)
	s, err := db.Settings()
	if err != nil {
		t.Fatal(err)
	}
	s.RetentionMonths = 24
	if err := db.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	step("another retention", any)
	step("nothing changed at the end", 0)
	open, err := kept.Today()
	if err != nil || len(open.Tasks) != 1 {
		t.Fatalf("the call-back's task: %+v %v", open.Tasks, err)
	}
	if _, err := (&Tasks{env: env, st: db}).Done(open.Tasks[0].ID); err != nil {
		t.Fatal(err)
	}
	step("a task done", 1)
	if _, err := (&Rights{env: env, st: db}).NoticeSent(list.ID, consent.Email{Subject: "Privacy notice", Body: "..."}); err != nil {
		t.Fatal(err)
	}
	step("a notice sent", 1)
}

// Two calls at once (the GUI reads off its goroutine) give the same lists.
func TestTodayConcurrent(t *testing.T) {
	app, db := newTestApp(t)
	addProspect(t, db, consent.Prospect{Name: "Lars List", Source: consent.SourceList}, testNow.AddDate(0, 0, -3))
	var wg sync.WaitGroup
	out := make([]Today, 4)
	for i := range out {
		wg.Go(func() {
			var err error
			if out[i], err = app.Deadlines.Today(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range out {
		if len(out[i].Due) != 1 || !reflect.DeepEqual(out[i].Due, out[0].Due) {
			t.Errorf("call %d: %+v", i, out[i].Due)
		}
	}
}
