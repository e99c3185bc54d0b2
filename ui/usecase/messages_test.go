package usecase

import (
	"strings"
	"testing"

	"warmlead/consent"
)

func TestFirstEmailToCardContact(t *testing.T) {
	app, db := newTestApp(t)
	card := addID(t, db, consent.Prospect{Name: "Jørgen Ångström", Company: "Nordlys AS", Email: "jorgen@nordlys.example", Source: consent.SourceCard, Event: "Nor-Shipping"})
	mail, err := app.Messages.FirstEmail(card, "nb")
	if err != nil {
		t.Fatal(err)
	}
	if mail.Lang != "nb" || mail.To != "jorgen@nordlys.example" || !strings.Contains(mail.Body, "https://acme.example/privacy") || !strings.Contains(mail.Body, "Nor-Shipping") {
		t.Fatalf("mail %+v", mail)
	}
	if _, err := app.Messages.FirstEmailSent(card, mail); err != nil {
		t.Fatal(err)
	}
	rec, _ := db.Record(card)
	if _, ok := consent.Informed(rec); !ok {
		t.Error("the first email did not inform the person")
	}
	if e := rec.Events[len(rec.Events)-2]; e.Kind != consent.KindEmailGenerated || !strings.Contains(e.Evidence, mail.Body) {
		t.Errorf("evidence %+v", e)
	}
	// A person who objected gets no first email.
	if _, err := app.Consents.Object(card, "asked not to be emailed"); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Messages.FirstEmail(card, ""); CodeOf(err) != CodeBlocked || !strings.Contains(err.Error(), "may not be sent") {
		t.Errorf("after an objection: %v", err)
	}
}

// A LinkedIn connection is blocked by email and phone until their reply
// is recorded; the reply opens exactly follow-up on the channels it names.
func TestConnectionReplyOpensChannels(t *testing.T) {
	app, db := newTestApp(t)
	id := addID(t, db, consent.Prospect{Name: "Sofie Social", Company: "Net AB", Email: "sofie@net.example", Phone: "+46 8 555 0100", Source: consent.SourceSocial})
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeFollowUp); d.Allowed {
		t.Fatal("a social contact may be emailed before any reply")
	}
	msg, err := app.Messages.ConnectionMessage(id, "xing", "sv")
	if err != nil || !strings.Contains(msg.Body, "Xing") || msg.Lang != "sv" {
		t.Fatalf("message %+v %v", msg, err)
	}
	if _, err := app.Messages.ConnectionMessageSent(id, "Xing", msg); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		r    Reply
		code Code
	}{
		{"no text", Reply{Prospect: id, Channels: []consent.Channel{consent.ChannelEmail}}, CodeInvalid},
		{"no channel", Reply{Prospect: id, Text: "yes"}, CodeInvalid},
		{"sms", Reply{Prospect: id, Text: "yes", Channels: []consent.Channel{consent.ChannelSMS}}, CodeInvalid},
		{"unknown platform", Reply{Prospect: id, Text: "yes", Platform: "myspace", Channels: []consent.Channel{consent.ChannelEmail}}, CodeInvalid},
		{"unknown prospect", Reply{Prospect: 999, Text: "yes", Channels: []consent.Channel{consent.ChannelEmail}}, CodeNotFound},
	}
	for _, c := range cases {
		if _, err := app.Messages.RecordReply(c.r); CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	evs, err := app.Messages.RecordReply(Reply{Prospect: id, Platform: "xing", Text: "Ja, mejla mig gärna.", Channels: []consent.Channel{consent.ChannelEmail}})
	if err != nil || len(evs) != 2 || evs[1].Method != consent.MethodEmailReply {
		t.Fatalf("%+v %v", evs, err)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeFollowUp); !d.Allowed {
		t.Errorf("email after the reply: %+v", d)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelPhone, consent.PurposeFollowUp); d.Allowed {
		t.Error("the reply allowed email only, phone opened too")
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeNewsletter); d.Allowed {
		t.Error("a yes to follow-up opened the newsletter")
	}
}
