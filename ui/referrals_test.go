package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

func TestReferralWizardToApproval(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carl Customer", Company: "Klant BV", Email: "carl@klant.example", Source: consent.SourceCustomer},
		consent.Prospect{Name: "Not A Customer", Source: consent.SourceCard})
	g.shell.show("referrals")
	g.wait()
	rs := g.shell.referrals
	if !hasText(rs.root, "No referrals yet") {
		t.Fatal("no honest empty state")
	}
	test.Tap(rs.start)
	w := rs.wizard
	if len(w.introducer.Options) != 1 || !strings.HasPrefix(w.introducer.Options[0], "Carl Customer") {
		t.Fatalf("introducers offered: %v", w.introducer.Options)
	}
	w.showAll.SetChecked(true)
	if len(w.introducer.Options) != 2 {
		t.Fatal("show all did not list every prospect")
	}
	w.showAll.SetChecked(false)
	test.Tap(w.create)
	if !strings.Contains(w.status.Text, "introducer") {
		t.Fatal("created without an introducer")
	}
	w.introducer.SetSelectedIndex(0)
	test.Type(w.name, "Rosa Referred")
	test.Type(w.company, "Intro BV")
	test.Type(w.topic, "warehouse software")
	test.Tap(w.create)
	g.wait()
	if w.preview == nil || !strings.Contains(w.preview.body.Text, "Rosa") || !strings.Contains(w.preview.body.Text, "warehouse software") || !strings.Contains(w.preview.body.Text, "?") {
		t.Fatalf("introduction email: %+v", w.preview)
	}
	ref := w.created
	rec, _ := g.db.Record(ref.ID)
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, time.Now(), 12); d.Allowed {
		t.Fatal("contactable before the person approved")
	}
	if len(rs.rows) != 1 || rs.rows[0].Reachable || !strings.Contains(rs.thanks.Text, "Carl Customer: 1 referral, 0 reachable") {
		t.Fatalf("referrals list: %+v / %q", rs.rows, rs.thanks.Text)
	}

	o := showReferralOutcome(g, ref, rs.refresh)
	o.answer.SetSelected("Approved")
	test.Tap(o.save)
	g.wait()
	if !strings.Contains(o.status.Text, "reply") {
		t.Fatal("approval without the reply accepted")
	}
	test.Type(o.evidence, "Yes, Carl may give you my email. Rosa")
	test.Type(o.email, "rosa@intro.example")
	test.Tap(o.save)
	g.wait()
	rec, _ = g.db.Record(ref.ID)
	now := time.Now()
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, now, 12); !d.Allowed {
		t.Fatalf("follow-up by email after approval: %s", d.Reason)
	}
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeNewsletter, now, 12); d.Allowed {
		t.Fatal("the newsletter must stay blocked")
	}
	if !rs.rows[0].Reachable || !strings.Contains(rs.thanks.Text, "1 reachable") {
		t.Fatalf("after approval: %q", rs.thanks.Text)
	}
}

func TestReferralDeclineInTheGUI(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carl Customer", Source: consent.SourceCustomer})
	ref, err := g.db.Refer(1, consent.Prospect{Name: "Dagny Declined", Company: "Nej AB"}, "", storeOpts(g))
	if err != nil {
		t.Fatal(err)
	}
	o := showReferralOutcome(g, ref, nil)
	chooseIrreversible(t, g, o.answer, "Declined", o.save, "a decline")
	if _, ok := g.db.Index().Cached(ref.ID); !ok || o.confirm == nil {
		t.Fatal("a decline was saved without asking")
	}
	o.confirm.Confirm()
	g.wait()
	if _, ok := g.db.Index().Cached(ref.ID); ok {
		t.Fatal("declined referral still there")
	}
	raw, _ := os.ReadFile(g.cfg.DB)
	if strings.Contains(string(raw), "Dagny") {
		t.Fatal("name in clear in the file")
	}
}

// The referrals screen and dialogs in Norwegian: button, empty state, the
// thanks line with its plurals, and the answer dialog's choices mapped back
// by position.
func TestReferralsInNorwegian(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carl Customer", Source: consent.SourceCustomer})
	i18n.Use("nb")
	t.Cleanup(func() { i18n.Use("en") })
	rs := newReferralsScreen(g)
	if rs.start.Text != "Ny anbefaling…" || !hasText(rs.empty, "Ingen anbefalinger ennå") {
		t.Fatalf("button %q or empty state not in Norwegian", rs.start.Text)
	}
	if got, want := thanksLine([]usecase.IntroducerCount{{ID: 1, Name: "Carl", Made: 2, Reachable: 1}, {ID: 2, Name: "Dora", Made: 1}}),
		"Anbefalt av: Carl: 2 anbefalinger, 1 kan kontaktes; Dora: 1 anbefaling, 0 kan kontaktes"; got != want {
		t.Fatalf("thanks line %q, want %q", got, want)
	}
	w := showReferralWizard(g, nil)
	test.Tap(w.create)
	if w.status.Text != "Velg først hvem som anbefaler." {
		t.Fatalf("wizard status %q", w.status.Text)
	}
	w.dlg.Hide()
	ref, err := g.db.Refer(1, consent.Prospect{Name: "Dagny Declined", Company: "Nei AS"}, "", storeOpts(g))
	if err != nil {
		t.Fatal(err)
	}
	rs.refresh()
	g.wait()
	row := rs.newRow()
	rs.updateRow(0, row)
	if !hasText(row, "Anbefalt av Carl Customer · venter på introduksjonen · 0 dager") {
		t.Fatal("the referral row is not in Norwegian")
	}
	o := showReferralOutcome(g, ref, nil)
	if o.answer.Options[1] != "Avslått" || o.save.Text != "Lagre svar" {
		t.Fatalf("answer dialog: %v, %q", o.answer.Options, o.save.Text)
	}
	o.answer.SetSelected("Avslått")
	test.Tap(o.save)
	g.wait()
	if o.confirm == nil {
		t.Fatal("a decline was not confirmed")
	}
	o.confirm.Confirm() // asked once, as in English
	g.wait()
	if _, ok := g.db.Index().Cached(ref.ID); ok {
		t.Fatal("a decline chosen in Norwegian did not remove the referral")
	}
}

// The thanks line names the busiest introducers and counts the rest: at
// thousands of introducers one label with every name took minutes to lay
// out (the perf session at 100,000 prospects sat on "Reading referrals…").
func TestThanksLineNamesTheBusiestFew(t *testing.T) {
	many := func(n int) []usecase.IntroducerCount {
		out := make([]usecase.IntroducerCount, n)
		for i := range out {
			out[i] = usecase.IntroducerCount{ID: uint64(i + 1), Name: string(rune('A' + i%26)), Made: n - i, Reachable: 1}
		}
		return out
	}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, ""},
		{1, "Introducers: A: 1 referral, 1 reachable"},
		{thanksShown, "Introducers: A: 5 referrals, 1 reachable; B: 4 referrals, 1 reachable; C: 3 referrals, 1 reachable; D: 2 referrals, 1 reachable; E: 1 referral, 1 reachable"},
		{thanksShown + 1, "Introducers: A: 6 referrals, 1 reachable; B: 5 referrals, 1 reachable; C: 4 referrals, 1 reachable; D: 3 referrals, 1 reachable; E: 2 referrals, 1 reachable; 1 more introducer (Insight shows each)"},
		{12_345, "; 12,340 more introducers (Insight shows each)"},
	} {
		got := thanksLine(many(tc.n))
		if tc.n > 1000 {
			if !strings.HasSuffix(got, tc.want) || strings.Count(got, ";") != thanksShown {
				t.Errorf("%d introducers: %q", tc.n, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("%d introducers:\n got %q\nwant %q", tc.n, got, tc.want)
		}
	}
}
