package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// openMain starts the GUI on a database holding the given prospects and
// returns it unlocked, on the main window.
func openMain(t *testing.T, ps ...consent.Prospect) *GUI {
	t.Helper()
	db, path := createUnlockedDB(t)
	for _, p := range ps {
		if _, err := db.AddProspect(p, store.AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return startUnlocked(t, newTestGUI(t, usecase.Config{DB: path, NoKeyring: true}))
}

func TestConsentPanelGrantAndObjection(t *testing.T) {
	i18n.Use("en")
	g := openMain(t, consent.Prospect{Name: "Carla Card", Email: "carla@firm.example", Phone: "+31 20 555 0101", Source: consent.SourceCard})
	d := showDetail(g, 1)
	c := d.consents
	if c.buttons[consent.ChannelEmail].Disabled() || !strings.HasPrefix(c.reasons[consent.ChannelEmail].Text, "Allowed") {
		t.Fatalf("card follow-up by email should be allowed: %q", c.reasons[consent.ChannelEmail].Text)
	}
	if !c.buttons[consent.ChannelSMS].Disabled() || !strings.HasPrefix(c.reasons[consent.ChannelSMS].Text, "Blocked") {
		t.Fatal("SMS follow-up without consent should be blocked with a reason")
	}
	c.purpose.SetSelected(i18n.Purpose(consent.PurposeNewsletter))
	if !c.buttons[consent.ChannelEmail].Disabled() {
		t.Fatal("newsletter by email allowed without consent")
	}

	// Record a grant: nothing pre-selected, every field required.
	dlg := showConsentDialog(g, c.rec.Prospect, c.onSaved)
	if dlg.purpose.Selected != "" || dlg.channel.Selected != "" || dlg.decision.Selected != "" || dlg.method.Selected != "" {
		t.Fatal("the consent dialog pre-selects something")
	}
	dlg.purpose.SetSelected(i18n.Purpose(consent.PurposeNewsletter))
	dlg.channel.SetSelected(i18n.Channel(consent.ChannelEmail))
	dlg.decision.SetSelected("Granted")
	dlg.method.SetSelected(i18n.Method(consent.MethodEmailReply))
	test.Tap(dlg.save)
	g.wait()
	if !strings.Contains(dlg.status.Text, "evidence") {
		t.Fatalf("a grant without evidence was not refused: %q", dlg.status.Text)
	}
	test.Type(dlg.evidence, "Yes please, send me the newsletter. — Carla")
	test.Tap(dlg.save)
	g.wait()
	c.purpose.SetSelected(i18n.Purpose(consent.PurposeNewsletter))
	if c.buttons[consent.ChannelEmail].Disabled() {
		t.Fatalf("newsletter by email still blocked after the grant: %q", c.reasons[consent.ChannelEmail].Text)
	}
	if cell := c.cellText(consent.PurposeNewsletter, consent.ChannelEmail); !strings.HasPrefix(cell, "Granted") || !strings.Contains(cell, "Email reply") {
		t.Fatalf("matrix cell = %q", cell)
	}

	o := showObjectionDialog(g, c.rec.Prospect, c.onSaved)
	test.Tap(o.save)
	g.wait()
	if !strings.Contains(o.status.Text, "evidence") {
		t.Fatal("an objection without evidence was recorded")
	}
	test.Type(o.evidence, "Stop calling me")
	test.Tap(o.save)
	g.wait()
	for _, ch := range consent.Channels {
		if !c.buttons[ch].Disabled() || !strings.Contains(c.reasons[ch].Text, "not to be contacted") {
			t.Errorf("%s after objection: enabled=%v %q", ch, !c.buttons[ch].Disabled(), c.reasons[ch].Text)
		}
	}
}

func TestTodayShowsNoticeDueAndWritesIt(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV", Source: consent.SourceReferral},
		consent.Prospect{Name: "Carl Card", Source: consent.SourceCard})
	g.shell.show("today")
	g.wait()
	td := g.shell.today
	if len(td.items) != 1 || td.items[0].Kind != consent.DueNotice || td.items[0].Name != "Rosa Referred" {
		t.Fatalf("today items = %+v", td.items)
	}
	td.act(td.items[0])
	g.wait()
	rec, err := g.db.Record(1)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := consent.Informed(rec); ok {
		t.Fatal("informed before the notice was marked sent")
	}
	pv := g.shell.prospects.detail.preview
	if pv == nil || !strings.Contains(pv.body.Text, "https://") {
		t.Fatal("the notice preview did not open with the notice text")
	}
	test.Tap(pv.ok)
	g.wait()
	rec, _ = g.db.Record(1)
	if _, ok := consent.Informed(rec); !ok {
		t.Fatal("Mark as sent did not record the person as informed")
	}
	g.shell.show("today")
	g.wait()
	if len(td.items) != 0 {
		t.Fatalf("notice still due: %+v", td.items)
	}
}
