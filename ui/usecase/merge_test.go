package usecase

import (
	"errors"
	"testing"
	"time"

	"warmlead/consent"
)

func TestMergeKeepsBothLedgersInTimeOrder(t *testing.T) {
	app, db := newTestApp(t)
	clock := testNow
	app.Consents.env.Now = func() time.Time { return clock }
	app.Merges.env.Now = func() time.Time { return clock.Add(time.Minute) }
	a, err := app.Prospects.Add(consent.Prospect{Name: "Jørgen Ångström", Company: "Nord AB", Email: "jorgen@nord.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := app.Prospects.Add(consent.Prospect{Name: "Jorgen Angstrom", Title: "CTO", Phone: "+46701234567", Source: consent.SourceCard}, AddOptions{KeepBoth: true})
	if err != nil {
		t.Fatal(err)
	}
	// Interleaved in time: b's grant, then a's reply, then b's second grant.
	grant := func(id uint64, at time.Time, ch consent.Channel) {
		clock = at
		if _, err := app.Consents.Record(ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentGranted,
			Cell: consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: ch}, Method: consent.MethodSigned, Evidence: "form"}}); err != nil {
			t.Fatal(err)
		}
	}
	grant(b.ID, testNow.Add(time.Hour), consent.ChannelPhone)
	grant(a.ID, testNow.Add(2*time.Hour), consent.ChannelEmail)
	grant(b.ID, testNow.Add(3*time.Hour), consent.ChannelEmail)

	for _, bad := range []MergePlan{{Keep: a.ID, Drop: a.ID}, {Keep: a.ID, Drop: b.ID, Take: map[string]uint64{"colour": a.ID}},
		{Keep: a.ID, Drop: b.ID, Take: map[string]uint64{"name": 77}}, {Keep: a.ID, Drop: 99}} {
		if _, err := app.Merges.Merge(bad); err == nil {
			t.Errorf("%+v was merged", bad)
		}
	}

	merged, err := app.Merges.Merge(MergePlan{Keep: a.ID, Drop: b.ID, Take: map[string]uint64{"name": a.ID, "title": b.ID}})
	if err != nil {
		t.Fatal(err)
	}
	// Keep's values, drop's where keep has none or the rep chose drop's.
	if merged.Name != "Jørgen Ångström" || merged.Company != "Nord AB" || merged.Title != "CTO" || merged.Phone != "+46701234567" || merged.Email != "jorgen@nord.example" {
		t.Fatalf("merged %+v", merged)
	}
	rec, err := db.Record(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := consent.VerifyChain(rec.Events); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for i, e := range rec.Events {
		if i > 0 && e.Time.Before(rec.Events[i-1].Time) {
			t.Errorf("event %d before the one ahead of it", i+1)
		}
		kinds = append(kinds, string(e.Kind)+":"+string(e.Channel))
	}
	want := "collected: collected: consent-granted:phone consent-granted:email consent-granted:email merged:"
	if got := joinWords(kinds); got != want {
		t.Errorf("ledger %s\nwant   %s", got, want)
	}
	if _, err := app.Rights.View(b.ID, ""); !errors.As(err, new(*Erased)) {
		t.Errorf("the second id: %v", err)
	}
	tomb, _ := db.Tombstone(b.ID)
	if tomb.MergedInto != a.ID {
		t.Errorf("tombstone %+v", tomb)
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify after merge: %+v %v", r, err)
	}
	if id, _ := db.FindByContact("", "+46701234567"); id != a.ID {
		t.Errorf("the phone now finds %d", id)
	}
	if db.Index().Count() != 1 {
		t.Errorf("index holds %d", db.Index().Count())
	}
}

func joinWords(s []string) string {
	out := ""
	for i, w := range s {
		if i > 0 {
			out += " "
		}
		out += w
	}
	return out
}
