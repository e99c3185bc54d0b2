package usecase

import (
	"encoding/json"
	"testing"
	"time"

	"warmlead/consent"
)

// The same seed gives the same people and ledgers.
func TestDemoDeterministic(t *testing.T) {
	g1, g2 := newDemoGen(42, "R", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)), newDemoGen(42, "R", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	a, b := g1.people(500), g2.people(500)
	for i := range a {
		if a[i].prospect != b[i].prospect || a[i].day != b[i].day {
			t.Fatalf("person %d differs: %+v / %+v", i, a[i].prospect, b[i].prospect)
		}
		ea, eb := g1.ledger(&a[i], uint64(i+1), g1.dayTime(a[i].day)), g2.ledger(&b[i], uint64(i+1), g2.dayTime(b[i].day))
		ja, _ := json.Marshal(ea)
		jb, _ := json.Marshal(eb)
		if string(ja) != string(jb) {
			t.Fatalf("ledger %d differs", i)
		}
	}
	if c := newDemoGen(43, "R", time.Time{}).people(500); c[0].prospect == a[0].prospect && c[1].prospect == a[1].prospect {
		t.Fatal("another seed gives the same people")
	}
}

// The demo's referrals were introduced by its customers, as the referral
// flow records it: on the prospect and on the request in the ledger; the
// Referrals screen can then say whom to thank.
func TestDemoReferralsHaveIntroducers(t *testing.T) {
	app, db := newTestApp(t)
	if _, err := GenerateDemo(db, 1500, 7, "Rita Rep"); err != nil {
		t.Fatal(err)
	}
	list, err := app.Referrals.List()
	if err != nil || len(list.Rows) == 0 {
		t.Fatalf("%d referrals, %v", len(list.Rows), err)
	}
	named := 0
	for _, row := range list.Rows {
		id := row.Record.Prospect.Introducer
		if id == 0 {
			t.Fatalf("%s: no introducer recorded (collected %v)", row.Record.Prospect.Name, consent.Collected(row.Record))
		}
		named++
		intro, err := db.Prospect(id)
		if err != nil || intro.Source != consent.SourceCustomer || row.Introducer != intro.Name {
			t.Fatalf("%s introduced by %d: %+v %v (row says %q)", row.Record.Prospect.Name, id, intro, err, row.Introducer)
		}
		rec, err := db.Record(row.Record.Prospect.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range rec.Events {
			if e.Kind == consent.KindReferralRequested && e.Introducer != id {
				t.Fatalf("%s: the request names %d, the prospect %d", row.Record.Prospect.Name, e.Introducer, id)
			}
		}
	}
	if len(list.Introducers) < 2 {
		t.Errorf("%d referrals, %d introducers to thank", named, len(list.Introducers))
	}
}
