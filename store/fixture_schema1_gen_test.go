package store

// Writes store/testdata/schema1.db and schema1.records.json with the code of
// schema 1 (events stored as JSON). Run once, at the commit that still had
// that code:
//
//	WARMLEAD_WRITE_SCHEMA1=1 go test -run TestWriteSchema1Fixture ./store
//
// The people are synthetic; the passphrase is testPass.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"warmlead/consent"
)

func TestWriteSchema1Fixture(t *testing.T) {
	if os.Getenv("WARMLEAD_WRITE_SCHEMA1") == "" {
		t.Skip("writes the schema 1 fixture; set WARMLEAD_WRITE_SCHEMA1=1")
	}
	path := filepath.Join("testdata", "schema1.db")
	os.Remove(path)
	db, err := Create(path, []byte(testPass), testSettings(), Options{KDF: FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cest := time.FixedZone("CEST", 2*3600)
	day := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	o := AddOptions{Rep: "Rita Rep", Region: "NL", Now: day, Agreed: "Sende tilbud før fredag"}
	a, err := db.AddProspect(consent.Prospect{Name: "Åse Ødegård", Company: "Fjord & Søn <AS>", Email: "ase@fjord.example",
		Phone: "+4791234567", Source: consent.SourceCard, Title: "Daglig leder", Event: "\"Nordic\" fair — ünïcödé ✓"}, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.AddProspect(consent.Prospect{Name: "Łukasz Żółć", Company: "Kraków Sp. z o.o.", Email: "lukasz@krakow.example",
		Source: consent.SourceList, ListVendor: "Dane & Co"}, AddOptions{Rep: "Rita Rep", Region: "NL", Now: day.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Refer(a.ID, consent.Prospect{Name: "Jürgen Groß", Company: "Straße GmbH"}, "pricing", AddOptions{Rep: "Rita Rep", Region: "NL", Now: day.Add(2 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.Refer(a.ID, consent.Prospect{Name: "Ærlig Ørn", Company: "Bergen Bølge AS"}, "demo", AddOptions{Rep: "Rita Rep", Region: "NL", Now: day.Add(3 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ApproveReferral(d.ID, "orn@bolge.example", "+4792345678", "Ja, gjerne – Ørn", AddOptions{Rep: "Rita Rep", Region: "NL", Now: day.Add(4 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	at := func(d int) time.Time { return day.AddDate(0, 0, d) }
	for _, x := range []struct {
		id uint64
		ev consent.Event
	}{
		{a.ID, consent.Event{Time: at(1), Rep: "Rita Rep", Kind: consent.KindInformed, Channel: consent.ChannelEmail, Note: "notice nl"}},
		{a.ID, consent.Event{Time: at(2), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeCallBack, Agreed: "ring tilbake",
			Callback: time.Date(2026, 3, 10, 14, 15, 16, 123456789, cest)}},
		{a.ID, consent.Event{Time: at(3), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
			Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "Ja takk! <3 & hilsen",
			Expires: time.Date(2028, 3, 5, 0, 0, 0, 0, cest)}},
		{a.ID, consent.Event{Time: at(4), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeEvents,
			Channel: consent.ChannelPhone, Method: consent.MethodVerbalEmail, Evidence: "verbal yes", Pending: true}},
		{a.ID, consent.Event{Time: at(5), Rep: "Rita Rep", Kind: consent.KindEmailGenerated, Purpose: consent.PurposeFollowUp, Note: "follow-up.eml"}},
		{a.ID, consent.Event{Time: at(6), Rep: "Rita Rep", Kind: consent.KindReplyAttached, Evidence: "Subject: Re: tilbud\n\nHei Rita,\ttakk."}},
		{a.ID, consent.Event{Time: at(7), Rep: "Rita Rep", Kind: consent.KindConsentWithdrawn, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}},
		{a.ID, consent.Event{Time: at(8), Rep: "Rita Rep", Kind: consent.KindExported, Note: "export.zip"}},
		{a.ID, consent.Event{Time: at(9), Rep: "Rita Rep", Kind: consent.KindReferralRequested, Introducer: a.ID, Note: "asked for Jürgen"}},
		{b.ID, consent.Event{Time: at(1), Rep: "Rita Rep", Kind: consent.KindConsentRefused, Purpose: consent.PurposeOffers, Channel: consent.ChannelSMS}},
		{b.ID, consent.Event{Time: at(2), Rep: "Rita Rep", Kind: consent.KindObjection, AskAgain: time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC)}},
		{b.ID, consent.Event{Time: at(3), Rep: "Rita Rep", Kind: consent.KindReactivated, Note: "they called us"}},
		{b.ID, consent.Event{Time: at(4), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached}},
	} {
		if _, err := db.AppendEvent(x.id, x.ev); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.EditProspect(b.ID, "company", "Gdańsk S.A.", AddOptions{Rep: "Rita Rep", Region: "NL", Now: at(5)}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeclineReferral(c.ID, "nei takk", "Rita Rep", at(6)); err != nil {
		t.Fatal(err)
	}
	if err := db.Audit("Rita Rep", "export", a.ID, "export.zip"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportDNC("NL Bel-me-niet", []string{"+31612345678"}, day); err != nil {
		t.Fatal(err)
	}
	recs, problems, err := db.Records()
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	out, err := json.MarshalIndent(recs, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "schema1.records.json"), append(out, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatal(r, err)
	}
}
