package usecase

import (
	"errors"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// addProspect stores p for a test and returns its id.
// addID adds p at testNow and returns its id.
func addID(t *testing.T, db *store.DB, p consent.Prospect) uint64 {
	t.Helper()
	return addProspect(t, db, p, testNow).ID
}

func carla() consent.Prospect {
	return consent.Prospect{Name: "Carla Card", Company: "Kaart BV", Email: "carla@kaart.example", Phone: "+31 20 555 0101", Source: consent.SourceCard}
}

// The rules of a consent answer hold for both front ends: a grant needs its
// method and evidence, evidence over the cap and an expiry that is not in
// the future are refused, and a refused answer stores nothing.
func TestRecordConsentRules(t *testing.T) {
	app, db := newTestApp(t)
	id := addID(t, db, carla())
	cell := consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}
	grant := func(method consent.Method, evidence string, expires time.Time) ConsentAnswer {
		return ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentGranted, Cell: cell, Method: method, Evidence: evidence, Expires: expires}}
	}
	cases := []struct {
		name  string
		a     ConsentAnswer
		code  Code
		cause error
		text  string // the CLI's sentence, when it is refused
	}{
		{name: "grant", a: grant(consent.MethodEmailReply, "Yes please", time.Time{})},
		{name: "grant with a future expiry", a: grant(consent.MethodSigned, "form 7", testNow.AddDate(1, 0, 0))},
		{name: "grant without method", a: grant("", "Yes please", time.Time{}), code: CodeInvalid, cause: consent.ErrNoMethod,
			text: `unknown method "": use one of web-form, email-reply, signed, recorded-call, verbal-confirmed-by-email, vendor-proof`},
		{name: "grant without evidence", a: grant(consent.MethodEmailReply, "  ", time.Time{}), code: CodeInvalid, cause: consent.ErrNoEvidence,
			text: "a consent needs its evidence: --evidence TEXT or --evidence-file F"},
		{name: "evidence over the cap", a: grant(consent.MethodEmailReply, strings.Repeat("y", consent.MaxEvidence+1), time.Time{}),
			code: CodeInvalid, cause: consent.ErrEvidenceTooLarge, text: "the evidence is larger than 256 KB: keep the person's own words, without the quoted thread, or give it as a file (--evidence-file), which is cut to size"},
		{name: "expiry in the past", a: grant(consent.MethodEmailReply, "Yes", testNow.AddDate(0, 0, -1)), code: CodeInvalid, cause: consent.ErrExpiryPast,
			text: "the expiry date must be in the future"},
		{name: "expiry now", a: grant(consent.MethodEmailReply, "Yes", testNow), code: CodeInvalid, cause: consent.ErrExpiryPast},
		{name: "verbal", a: grant("verbal", "he said yes", time.Time{}), code: CodeInvalid, cause: consent.ErrVerbalNotMethod},
		{name: "unknown purpose", a: ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentRefused, Cell: consent.PurposeChannel{Purpose: "Spam", Channel: consent.ChannelEmail}}},
			code: CodeInvalid, text: `unknown purpose "spam": use one of follow-up, newsletter, product-info, events, offers, third-party-sharing, tracking`},
		{name: "refusal needs no evidence", a: ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentRefused, Cell: cell}}},
		{name: "withdrawal with a past expiry", a: ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentWithdrawn, Cell: cell, Expires: testNow.AddDate(-1, 0, 0)}},
			code: CodeInvalid, cause: consent.ErrExpiryPast},
		{name: "no such prospect", a: ConsentAnswer{Prospect: 99, Answer: grant(consent.MethodEmailReply, "Yes", time.Time{}).Answer}, code: CodeNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := db.Record(id)
			ev, err := app.Consents.Record(c.a)
			if got := CodeOf(err); got != c.code {
				t.Fatalf("code %q (%v), want %q", got, err, c.code)
			}
			if c.cause != nil && !errors.Is(err, c.cause) {
				t.Errorf("cause lost: %v", err)
			}
			if c.text != "" && err.Error() != c.text {
				t.Errorf("sentence %q\nwant     %q", err.Error(), c.text)
			}
			after, _ := db.Record(id)
			if c.code != "" {
				if len(after.Events) != len(before.Events) {
					t.Fatalf("a refused answer was stored: %+v", after.Events[len(after.Events)-1])
				}
				return
			}
			if ev.Seq != uint64(len(after.Events)) || ev.Kind != c.a.Kind || ev.Rep != "Rita Rep" || !ev.Time.Equal(testNow.UTC().Truncate(time.Second)) {
				t.Fatalf("stored %+v", ev)
			}
		})
	}
}

// A reply read from an .eml is stored with its date in UTC, whatever the
// sender's zone and the machine's (the GUI wrote local time, the CLI UTC).
func TestEMLEvidenceDateIsUTC(t *testing.T) {
	app, db := newTestApp(t)
	id := addID(t, db, carla())
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	for _, c := range []struct {
		machine *time.Location
		header  string
	}{
		{time.UTC, "Mon, 23 Nov 2026 10:00:00 +0100"},
		{time.FixedZone("CET", 3600), "Mon, 23 Nov 2026 10:00:00 +0100"},
		{time.FixedZone("PST", -8*3600), "Mon, 23 Nov 2026 04:00:00 -0500"},
	} {
		time.Local = c.machine
		msg := "From: Carla <carla@kaart.example>\r\nSubject: Re: newsletter\r\nDate: " + c.header + "\r\n\r\nYes, sign me up.\r\n"
		text, err := EvidenceFromEML(strings.NewReader(msg))
		if err != nil {
			t.Fatal(err)
		}
		want := "From: Carla <carla@kaart.example>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\nSubject: Re: newsletter\n\nYes, sign me up."
		if text != want {
			t.Fatalf("machine in %s: evidence %q", c.machine, text)
		}
		if _, err := app.Consents.AttachReply(id, text); err != nil {
			t.Fatal(err)
		}
		rec, _ := db.Record(id)
		if got := rec.Events[len(rec.Events)-1].Evidence; got != want {
			t.Fatalf("stored %q", got)
		}
	}
	if _, err := EvidenceFromEML(strings.NewReader("BEGIN:VCARD\nEND:VCARD\n")); !errors.Is(err, consent.ErrNotEmail) {
		t.Fatalf("a vCard read as an email: %v", err)
	}
	big, _ := EvidenceFromFile(strings.NewReader(strings.Repeat("signed at the stand; ", 100_000)))
	if len(big) > consent.MaxEvidence || !strings.HasSuffix(big, "[evidence cut at 256 KB]") {
		t.Fatalf("a 2 MB file read as %d bytes", len(big))
	}
	if _, err := app.Consents.AttachReply(id, big); err != nil {
		t.Fatalf("evidence cut to size is refused: %v", err)
	}
}

// An objection blocks every channel for every purpose, even over an
// earlier consent; it needs what the person said.
func TestObjectionBlocksEveryChannel(t *testing.T) {
	app, db := newTestApp(t)
	id := addID(t, db, carla())
	for _, ch := range consent.Channels {
		if _, err := app.Consents.Record(ConsentAnswer{Prospect: id, Answer: consent.Answer{Kind: consent.KindConsentGranted,
			Cell: consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: ch}, Method: consent.MethodSigned, Evidence: "form 3"}}); err != nil {
			t.Fatal(err)
		}
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeNewsletter); !d.Allowed {
		t.Fatalf("the grant does not count: %s", d.Reason)
	}
	if _, err := app.Consents.Object(id, " "); CodeOf(err) != CodeInvalid || err.Error() != "an objection needs its evidence: --evidence TEXT" {
		t.Fatalf("an objection without evidence: %v", err)
	}
	if _, err := app.Consents.Object(id, "Stop calling me, 10 March"); err != nil {
		t.Fatal(err)
	}
	for _, ch := range consent.Channels {
		for _, pu := range consent.Purposes {
			d, err := app.Consents.CanContact(id, ch, pu)
			if err != nil || d.Allowed || d.Rule != consent.RuleObjection {
				t.Errorf("%s by %s after the objection: %+v %v", pu, ch, d, err)
			}
		}
	}
	if _, err := app.Consents.CanContact(id, "fax", consent.PurposeFollowUp); CodeOf(err) != CodeInvalid {
		t.Errorf("an unknown channel: %v", err)
	}
	if _, err := app.Consents.CanContact(99, consent.ChannelEmail, consent.PurposeFollowUp); CodeOf(err) != CodeNotFound {
		t.Errorf("a missing prospect: %v", err)
	}
}
