package usecase

import (
	"strings"
	"testing"

	"warmlead/consent"
)

// A referral keeps only the name and company until the person approves;
// the approval stores the email and phone they agreed to share, and only
// those open follow-up. A decline leaves a suppression entry.
func TestReferralContactDetailsOnlyOnApproval(t *testing.T) {
	app, db := newTestApp(t)
	intro := addID(t, db, consent.Prospect{Name: "Carl Customer", Company: "Klant BV", Source: consent.SourceCustomer})
	ref, err := app.Referrals.Refer(NewReferral{Introducer: intro, Name: "Rosa Referred", Company: "Intro BV", Topic: "warehouse software"})
	if err != nil {
		t.Fatal(err)
	}
	if ref.Referred.Email != "" || ref.Referred.Phone != "" || ref.Introducer.ID != intro ||
		!strings.Contains(ref.Mail.Body, "Rosa") || !strings.Contains(ref.Mail.Body, "warehouse software") || ref.Mail.Lang != "en" {
		t.Fatalf("referral %+v", ref)
	}
	id := ref.Referred.ID
	for _, ch := range consent.Channels {
		if d, _ := app.Consents.CanContact(id, ch, consent.PurposeFollowUp); d.Allowed {
			t.Fatalf("%s allowed before the approval", ch)
		}
	}
	cases := []struct {
		name     string
		evidence string
		code     Code
		text     string
	}{
		{"no evidence", " ", CodeInvalid, "an approval needs its evidence: --evidence TEXT or --evidence-file F"},
		{"evidence over the cap", strings.Repeat("ja ", consent.MaxEvidence), CodeInvalid, ""},
	}
	for _, c := range cases {
		if _, err := app.Referrals.Approve(id, "rosa@intro.example", "", c.evidence); CodeOf(err) != c.code || (c.text != "" && err.Error() != c.text) {
			t.Errorf("%s: %v", c.name, err)
		}
		if p, _ := db.Prospect(id); p.Email != "" {
			t.Fatalf("%s: the email was stored by a refused approval", c.name)
		}
	}
	p, err := app.Referrals.Approve(id, " rosa@intro.example ", "", "Yes, Carl may give you my email. Rosa")
	if err != nil {
		t.Fatal(err)
	}
	if stored, _ := db.Prospect(id); p.Email != "rosa@intro.example" || stored.Email != p.Email || stored.Phone != "" {
		t.Fatalf("after the approval: %+v / %+v", p, stored)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeFollowUp); !d.Allowed {
		t.Fatalf("follow-up by email after the approval: %s", d.Reason)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelPhone, consent.PurposeFollowUp); d.Allowed {
		t.Fatal("phone allowed without a shared number")
	}

	// A decline: gone, and the same person cannot be introduced again.
	dag, err := app.Referrals.Refer(NewReferral{Introducer: intro, Name: "Dagny Declined", Company: "Nej AB", Lang: "sv"})
	if err != nil || dag.Mail.Lang != "sv" || dag.Referred.Lang != "sv" {
		t.Fatalf("referral in Swedish: %+v %v", dag, err)
	}
	if err := app.Referrals.Decline(dag.Referred.ID, "Nej tack"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Record(dag.Referred.ID); CodeOf(err) != CodeNotFound {
		t.Fatalf("a declined referral is still there: %v", err)
	}
	if _, err := app.Referrals.Refer(NewReferral{Introducer: intro, Name: "Dagny Declined", Company: "Nej AB"}); CodeOf(err) != CodeSuppressed {
		t.Fatalf("the declined person introduced again: %v", err)
	}
	if _, err := app.Referrals.Refer(NewReferral{Introducer: intro, Name: "  "}); CodeOf(err) != CodeInvalid {
		t.Fatalf("a referral without a name: %v", err)
	}
	if _, err := app.Referrals.Refer(NewReferral{Introducer: 99, Name: "Nora Nobody"}); CodeOf(err) != CodeNotFound {
		t.Fatalf("an unknown introducer: %v", err)
	}
}

// The referrals list counts each introducer's referrals and how many became
// reachable; an erased introducer is no longer named.
func TestReferralListCounts(t *testing.T) {
	app, db := newTestApp(t)
	carl := addID(t, db, consent.Prospect{Name: "Carl Customer", Source: consent.SourceCustomer})
	dora := addID(t, db, consent.Prospect{Name: "Dora Customer", Source: consent.SourceCustomer})
	var ids []uint64
	for _, n := range []struct {
		intro uint64
		name  string
	}{{carl, "Rosa"}, {carl, "Rolf"}, {dora, "Dana"}} {
		ref, err := app.Referrals.Refer(NewReferral{Introducer: n.intro, Name: n.name})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ref.Referred.ID)
	}
	if _, err := app.Referrals.Approve(ids[0], "rosa@r.example", "", "yes"); err != nil {
		t.Fatal(err)
	}
	l, err := app.Referrals.List()
	if err != nil || len(l.Rows) != 3 {
		t.Fatalf("%+v %v", l, err)
	}
	want := []IntroducerCount{{ID: carl, Name: "Carl Customer", Made: 2, Reachable: 1}, {ID: dora, Name: "Dora Customer", Made: 1}}
	if len(l.Introducers) != 2 || l.Introducers[0] != want[0] || l.Introducers[1] != want[1] {
		t.Fatalf("introducers %+v", l.Introducers)
	}
	for _, r := range l.Rows {
		if r.Reachable != (r.Record.Prospect.ID == ids[0]) || r.Introducer == "" {
			t.Errorf("row %d: %+v", r.Record.Prospect.ID, r)
		}
	}
	if err := db.Erase(dora, "asked by email", "Rita Rep", testNow); err != nil {
		t.Fatal(err)
	}
	if l, _ = app.Referrals.List(); len(l.Introducers) != 1 || l.Introducers[0].Name != "Carl Customer" {
		t.Fatalf("after the introducer's erasure: %+v", l.Introducers)
	}
}
