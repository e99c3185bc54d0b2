package store

import (
	"testing"
	"time"

	"warmlead/consent"
)

// A web form's grants are written with the prospect in the import's one
// transaction; into an existing ledger only when they are news.
func TestImportProspectsWritesGrants(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	erna := addTest(t, db, "Erna", "", "erna@firm.example", "")
	if _, err := db.AppendEvent(erna.ID, consent.Event{Time: now.Add(-time.Hour), Kind: consent.KindConsentWithdrawn,
		Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}); err != nil {
		t.Fatal(err)
	}
	grant := func(p consent.Purpose, at time.Time) consent.Event {
		return consent.Event{Time: at, Rep: "Rita", Kind: consent.KindConsentGranted, Purpose: p, Channel: consent.ChannelEmail,
			Method: consent.MethodWebForm, Evidence: "Web form export form.csv, row 2"}
	}
	form := now.Add(-48 * time.Hour) // before Erna withdrew
	items := []ImportItem{
		{File: "form.csv", Number: 2, Prospect: consent.Prospect{Name: "Nina", Email: "nina@x.example", Source: consent.SourceInbound},
			Grants: []consent.Event{grant(consent.PurposeNewsletter, form), grant(consent.PurposeEvents, form)}},
		{File: "form.csv", Number: 3, Prospect: consent.Prospect{Name: "Erna", Email: "ERNA@firm.example", Source: consent.SourceInbound},
			Grants: []consent.Event{grant(consent.PurposeNewsletter, form), grant(consent.PurposeOffers, form)}},
		{File: "form.csv", Number: 4, Prospect: consent.Prospect{Name: "Nina", Email: "nina@x.example", Source: consent.SourceInbound},
			Grants: []consent.Event{grant(consent.PurposeNewsletter, form)}}, // the same row twice in the export
	}
	sum, err := db.ImportProspects(items, AddOptions{Rep: "Rita", Region: "NL", Now: now}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 1 || sum.Merged != 2 || sum.Grants != 3 || len(sum.Notes) != 2 || sum.Notes[0].Number != 3 || sum.Notes[1].Number != 4 {
		t.Fatalf("summary %s notes %+v", sum.Line(), sum.Notes)
	}
	rec, err := db.Record(2)
	if err != nil {
		t.Fatal(err)
	}
	kinds := ""
	for _, e := range rec.Events {
		kinds += string(e.Kind) + ":" + string(e.Purpose) + " "
	}
	if kinds != "collected: consent-granted:newsletter consent-granted:events " || !rec.Events[1].Time.Equal(form) ||
		rec.Events[1].Method != consent.MethodWebForm || consent.VerifyChain(rec.Events) != nil {
		t.Fatalf("new prospect's ledger: %s", kinds)
	}
	rec, _ = db.Record(erna.ID)
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeNewsletter, now, 12); d.Allowed {
		t.Errorf("an old form undid a later withdrawal: %s", d.Reason)
	}
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeOffers, now, 12); !d.Allowed || d.Rule != consent.RuleConsent {
		t.Errorf("offers ticked on the form: %s", d.Reason)
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify: %v %v", err, r.Problems)
	}
}
