package usecase

import (
	"testing"
	"time"

	"warmlead/consent"
)

// The due list is every deadline, most urgent first: the earliest date,
// legal duties before reminders on the same day, the name beside each.
func TestDueListOrder(t *testing.T) {
	app, db := newTestApp(t)
	day := func(d int) time.Time { return testNow.AddDate(0, 0, d) }
	card := addProspect(t, db, consent.Prospect{Name: "Carl Card", Phone: "+46 8 555 0100", Source: consent.SourceCard}, day(-2))
	if _, err := db.AppendEvent(card.ID, consent.Event{Time: day(-1), Rep: "Rita Rep", Kind: consent.KindCallLogged,
		Outcome: consent.OutcomeCallBack, Callback: day(5)}); err != nil {
		t.Fatal(err)
	}
	addProspect(t, db, consent.Prospect{Name: "Rosa Referred", Source: consent.SourceReferral}, day(-25))                    // notice by day 5
	addProspect(t, db, consent.Prospect{Name: "Lars List", Source: consent.SourceList}, day(-28))                            // notice by day 2
	addProspect(t, db, consent.Prospect{Name: "Olga Overdue", Source: consent.SourceList}, day(-40))                         // notice was due on day -10
	addProspect(t, db, consent.Prospect{Name: "Nina Nothing", Email: "nina@x.example", Source: consent.SourceCard}, day(-1)) // nothing due

	items, _, err := app.Deadlines.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name, kind string
		date       time.Time
	}{
		{"Rosa Referred", consent.DueReferralNoAnswer, day(-18)}, // asked at collection, no answer in a week
		{"Olga Overdue", consent.DueNotice, day(-10)},
		{"Lars List", consent.DueNotice, day(2)},
		{"Rosa Referred", consent.DueNotice, day(5)},
		{"Carl Card", consent.DueCallBack, day(5)},
	}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(items), len(want), items)
	}
	for i, w := range want {
		if it := items[i]; it.Name != w.name || it.Kind != w.kind || !it.Date.Equal(w.date.UTC().Truncate(time.Second)) || it.Reason == "" {
			t.Errorf("item %d = %s %s %v (%q), want %s %s %v", i, it.Name, it.Kind, it.Date, it.Reason, w.name, w.kind, w.date)
		}
	}
}
