package store

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

func TestReferralApproveAllowsFollowUpOnly(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	cust := addTest(t, db, "Carl Customer", "Klant BV", "carl@klant.example", "")
	ref, err := db.Refer(cust.ID, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV", Email: "sneaky@intro.example"}, "warehouse software", AddOptions{Rep: "Rita Rep"})
	if err != nil {
		t.Fatal(err)
	}
	if ref.Email != "" || ref.Source != consent.SourceReferral || ref.Introducer != cust.ID {
		t.Fatalf("referral stored contact details before approval: %+v", ref)
	}
	rec, _ := db.Record(ref.ID)
	now := time.Now()
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, now, 12); d.Allowed {
		t.Fatal("a referral is contactable before approval")
	}
	if _, err := db.ApproveReferral(ref.ID, "rosa@intro.example", "", "", AddOptions{}); err == nil {
		t.Fatal("approval without evidence accepted")
	}
	if _, err := db.ApproveReferral(ref.ID, "rosa@intro.example", "", "Yes, Carl may pass on my email. — Rosa", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	rec, _ = db.Record(ref.ID)
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, now, 12); !d.Allowed {
		t.Fatalf("follow-up by email after approval: %s", d.Reason)
	}
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeNewsletter, now, 12); d.Allowed {
		t.Fatal("an approved introduction must not allow the newsletter")
	}
	if d := consent.Decide(rec, consent.ChannelPhone, consent.PurposeFollowUp, now, 12); d.Allowed {
		t.Fatal("phone was not part of the approval")
	}
}

func TestDeclinedReferralLeavesNoNameInFile(t *testing.T) {
	db, path := newTestDB(t, Options{InsecurePlaintext: true})
	cust := addTest(t, db, "Carl Customer", "Klant BV", "", "")
	ref, err := db.Refer(cust.ID, consent.Prospect{Name: "Dagny Declined", Company: "Nej Tack AB"}, "", AddOptions{Rep: "Rita Rep"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DeclineReferral(ref.ID, "No thanks", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Refer(cust.ID, consent.Prospect{Name: "dagny declined", Company: "NEJ TACK AB"}, "", AddOptions{}); !errors.As(err, new(*SuppressedError)) {
		t.Fatalf("a declined person was referred again: %v", err)
	}
	db.Close()
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "Carl Customer") {
		t.Fatal("the test cannot see plaintext: it proves nothing")
	}
	for _, s := range []string{"Dagny", "Declined", "Nej Tack"} {
		if strings.Contains(string(raw), s) {
			t.Errorf("raw file still holds %q after the decline", s)
		}
	}
}

// Refer writes the referral with its collected and referral-requested
// events in one transaction; a missing introducer or a suppressed name
// writes nothing, and a missing introducer says not found.
func TestReferIsOneTransaction(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	cust := addTest(t, db, "Carl Customer", "Klant BV", "carl@klant.example", "")
	if _, err := db.Refer(cust.ID+5, consent.Prospect{Name: "Nora Nobody"}, "", AddOptions{Rep: "Rita Rep"}); !errors.Is(err, ErrNotFound) ||
		err.Error() != "the introducer: no prospect with id 6" {
		t.Fatalf("an unknown introducer: %v", err)
	}
	ref, err := db.Refer(cust.ID, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV"}, " the new CRM ", AddOptions{Rep: "Rita Rep"})
	if err != nil {
		t.Fatal(err)
	}
	if ref.ID != cust.ID+1 {
		t.Fatalf("the refused referral took id %d's place", ref.ID-1)
	}
	rec, err := db.Record(ref.ID)
	if err != nil || len(rec.Events) != 2 || rec.Events[0].Kind != consent.KindCollected || rec.Events[0].Source != consent.SourceReferral ||
		rec.Events[1].Kind != consent.KindReferralRequested || rec.Events[1].Note != "the new CRM" || rec.Events[1].Introducer != cust.ID {
		t.Fatalf("referral ledger %+v %v", rec.Events, err)
	}
	if c, ok := db.Index().Cached(ref.ID); !ok || c.Name != "Rosa Referred" {
		t.Fatal("the referral is not in the index")
	}
}
