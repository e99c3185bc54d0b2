package ui

import (
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// The first email to a card contact opens in a readable preview (a label,
// not a greyed-out entry); Copy says it copied; Mark as sent informs.
func TestFirstEmailFromDetails(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Carl Card", Company: "Kaart BV", Email: "carl@kaart.example", Source: consent.SourceCard, Event: "Vakbeurs"})
	d := g.shell.prospects.detail
	d.show(1)
	g.wait()
	if d.messages.first.Hidden || !d.messages.connect.Hidden {
		t.Fatal("a card contact offers the first email, not the connection message")
	}
	test.Tap(d.messages.first)
	g.wait()
	pv := d.preview
	if pv == nil || !strings.Contains(pv.body.Text, "Vakbeurs") || !strings.Contains(pv.body.Text, "https://acme.example/privacy") {
		t.Fatal("no first email preview")
	}
	if !pv.body.Selectable || pv.body.Importance == widget.LowImportance {
		t.Error("the preview is not a readable, selectable label")
	}
	test.Tap(pv.copy)
	if got := g.app.Clipboard().Content(); got != pv.mail.Body || pv.status.Hidden || pv.status.Importance != widget.SuccessImportance {
		t.Errorf("Copy: clipboard %d bytes, status %q", len(got), pv.status.Text)
	}
	test.Tap(pv.ok)
	g.wait()
	rec, _ := g.db.Record(1)
	if _, ok := consent.Informed(rec); !ok {
		t.Error("Mark as sent did not inform")
	}
}

// "Open in mail app" without a mail program says so and offers Copy.
func TestOpenWithoutMailProgramOffersCopy(t *testing.T) {
	old := urlOpener
	t.Cleanup(func() { urlOpener = old })
	var opened *url.URL
	urlOpener = func(_ fyne.App, u *url.URL) error { opened = u; return errNoHandler }
	g := openMain(t, consent.Prospect{Name: "Carl Card", Email: "carl@kaart.example", Phone: "+31 20 555 0101", Source: consent.SourceCard})
	pv := showEmailPreview(g, "t", consent.Email{To: "carl@kaart.example", Subject: "Hi", Body: "Hello Carl"}, func() {})
	test.Tap(pv.open)
	g.wait()
	if opened == nil || opened.Scheme != "mailto" || g.lastOffer == nil {
		t.Fatal("no offer after a failed open")
	}
	test.Tap(g.lastOffer.copy)
	if g.app.Clipboard().Content() != "Hello Carl" || g.lastOffer.note.Text == "" {
		t.Errorf("Copy in the offer: %q", g.lastOffer.note.Text)
	}
	// The Contact tab's "Call them" too.
	g.lastOffer = nil
	d := g.shell.prospects.detail
	d.show(1)
	g.wait()
	d.consents.onContact(consent.ChannelPhone)
	g.wait()
	if g.lastOffer == nil || opened.Scheme != "tel" {
		t.Fatal("no offer after a failed call")
	}
	test.Tap(g.lastOffer.copy)
	if got := g.app.Clipboard().Content(); got != "+31205550101" {
		t.Errorf("copied %q", got)
	}
	// An open that works shows nothing.
	urlOpener = func(fyne.App, *url.URL) error { return nil }
	g.lastOffer = nil
	test.Tap(pv.open)
	g.wait()
	if g.lastOffer != nil {
		t.Error("an offer after an open that worked")
	}
}

// A connection's reply recorded in the dialog opens the channels it names;
// its error clears once the rep fixes the field.
func TestConnectionReplyDialog(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Sofie Social", Email: "sofie@net.example", Phone: "+46 8 555 0100", Source: consent.SourceSocial})
	d := g.shell.prospects.detail
	d.show(1)
	g.wait()
	if d.messages.connect.Hidden || d.messages.reply.Hidden || !d.messages.first.Hidden {
		t.Fatal("a social contact offers the connection message and the reply")
	}
	d.messages.writeConnection("Xing")
	g.wait()
	if d.preview == nil || !strings.Contains(d.preview.body.Text, "Xing") || !d.preview.open.Hidden {
		t.Fatal("the connection message preview")
	}
	test.Tap(d.messages.reply)
	r := d.messages.replyForm
	test.Tap(r.save)
	g.wait()
	if r.status.Text == "" {
		t.Fatal("a reply without text or channel was accepted")
	}
	test.Type(r.text, "Yes, email me")
	if r.status.Text != "" {
		t.Error("the error stayed after the text was typed")
	}
	r.channels[consent.ChannelEmail].SetChecked(true)
	test.Tap(r.save)
	g.wait()
	if ok, _ := g.uc.Consents.CanContact(1, consent.ChannelEmail, consent.PurposeFollowUp); !ok.Allowed {
		t.Error("email not opened by the reply")
	}
	if ok, _ := g.uc.Consents.CanContact(1, consent.ChannelPhone, consent.PurposeFollowUp); ok.Allowed {
		t.Error("phone opened though not ticked")
	}
}
