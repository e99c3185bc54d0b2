package usecase

import (
	"errors"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

func cold() consent.Prospect {
	return consent.Prospect{Name: "Carl Cold", Company: "Koud BV", Email: "carl@koud.example", Phone: "+31 20 555 0102", Source: consent.SourceColdCall}
}

// A follow-up confirms what the person said on the last call: without a
// call that reached them it is refused, both when it is written (the CLI's
// followup, the GUI's preview) and when it is marked sent.
func TestFollowUpNeedsReachedCall(t *testing.T) {
	const refusal = "no call that reached this person is logged: log it first with 'warmlead call ID --outcome reached'"
	reached := consent.CallLog{Outcome: consent.OutcomeReached, Agreed: "send the sheet",
		Consents: []consent.PurposeChannel{{Purpose: consent.PurposeProductInfo, Channel: consent.ChannelEmail}}}
	cases := []struct {
		name  string
		calls []consent.CallLog
		ok    bool
	}{
		{"no call", nil, false},
		{"no answer", []consent.CallLog{{Outcome: consent.OutcomeNoAnswer}}, false},
		{"reached", []consent.CallLog{reached}, true},
		{"voicemail after reaching", []consent.CallLog{reached, {Outcome: consent.OutcomeVoicemail}}, false},
		{"reached after a voicemail", []consent.CallLog{{Outcome: consent.OutcomeVoicemail}, reached}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db := newTestApp(t)
			id := addID(t, db, cold())
			for _, l := range c.calls {
				if _, err := app.Calls.Log(id, l); err != nil {
					t.Fatal(err)
				}
			}
			f, err := app.Calls.FollowUp(id, "")
			if !c.ok {
				if CodeOf(err) != CodePrecondition || err.Error() != refusal {
					t.Fatalf("follow-up without a reached call: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Pending) != 1 || !strings.Contains(f.Mail.Body, "send the sheet") || f.Mail.Lang != "en" {
				t.Fatalf("follow-up %+v", f)
			}
			evs, err := app.Calls.MarkSent(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 3 || evs[2].Kind != consent.KindConsentGranted || evs[2].Pending || evs[2].Evidence != "Subject: "+f.Mail.Subject+"\n\n"+f.Mail.Body {
				t.Fatalf("marked sent: %+v", evs)
			}
			if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeProductInfo); !d.Allowed {
				t.Fatalf("product info by email after the follow-up: %s", d.Reason)
			}
		})
	}

	// Written after a reached call, marked sent after a later one that
	// did not reach them: refused, nothing stored.
	app, db := newTestApp(t)
	id := addID(t, db, cold())
	if _, err := app.Calls.Log(id, reached); err != nil {
		t.Fatal(err)
	}
	f, err := app.Calls.FollowUp(id, "nl")
	if err != nil || f.Mail.Lang != "nl" {
		t.Fatalf("follow-up in Dutch: %v %q", err, f.Mail.Lang)
	}
	if _, err := app.Calls.Log(id, consent.CallLog{Outcome: consent.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	before, _ := db.Record(id)
	if _, err := app.Calls.MarkSent(f); CodeOf(err) != CodePrecondition || err.Error() != refusal {
		t.Fatalf("marked sent after a call that did not reach them: %v", err)
	}
	if after, _ := db.Record(id); len(after.Events) != len(before.Events) {
		t.Fatal("a refused follow-up was stored")
	}
	if _, err := app.Calls.FollowUp(id, "fr"); CodeOf(err) != CodeInvalid {
		t.Fatalf("an unknown language: %v", err)
	}
}

// The call log's rules, in the CLI's words.
func TestLogCallRules(t *testing.T) {
	app, db := newTestApp(t)
	id := addID(t, db, cold())
	pc := []consent.PurposeChannel{{Purpose: consent.PurposeEvents, Channel: consent.ChannelEmail}}
	cases := []struct {
		name  string
		log   consent.CallLog
		cause error
		text  string
	}{
		{"consents when not reached", consent.CallLog{Outcome: consent.OutcomeVoicemail, Consents: pc}, consent.ErrConsentsNotReached,
			"consents can only be recorded when the person was reached"},
		{"call-back without a date", consent.CallLog{Outcome: consent.OutcomeCallBack}, consent.ErrCallbackNoDate, "a call-back needs its date (and time)"},
		{"agreed too long", consent.CallLog{Outcome: consent.OutcomeReached, Agreed: strings.Repeat("a", consent.MaxAgreedLen+1)}, consent.ErrAgreedTooLong,
			"keep what was agreed short: at most 300 characters"},
		{"unknown outcome", consent.CallLog{Outcome: "maybe"}, nil,
			`unknown call outcome "maybe": use one of reached, no-answer, voicemail, call-back, not-interested, do-not-call`},
		{"unknown channel", consent.CallLog{Outcome: consent.OutcomeReached, Consents: []consent.PurposeChannel{{Purpose: consent.PurposeEvents, Channel: "fax"}}}, nil,
			`unknown channel "fax": use one of email, phone, sms, post`},
	}
	for _, c := range cases {
		_, err := app.Calls.Log(id, c.log)
		if CodeOf(err) != CodeInvalid || err.Error() != c.text || (c.cause != nil && !errors.Is(err, c.cause)) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	rec, _ := db.Record(id)
	if consent.Attempts(rec) != 0 {
		t.Fatal("a refused call was logged")
	}
	l, err := app.Calls.Log(id, consent.CallLog{Outcome: consent.OutcomeReached, Consents: pc})
	if err != nil || l.Pending() != 1 || l.Call().Outcome != consent.OutcomeReached || consent.Attempts(l.Record) != 1 {
		t.Fatalf("logged %+v %v", l, err)
	}
	if _, err := app.Calls.Log(99, consent.CallLog{Outcome: consent.OutcomeNoAnswer}); CodeOf(err) != CodeNotFound {
		t.Fatalf("a call to a missing prospect: %v", err)
	}
}

// The call list: people with a number only, a due call-back first, then
// those never called, each with the policy's answer for phone follow-up.
func TestCallQueue(t *testing.T) {
	app, db := newTestApp(t)
	called := addID(t, db, cold())
	never := addID(t, db, consent.Prospect{Name: "Nina Never", Phone: "+31 20 555 0103", Source: consent.SourceColdCall})
	addID(t, db, consent.Prospect{Name: "Mia Mail", Email: "mia@mail.example", Source: consent.SourceCard})
	back := addID(t, db, consent.Prospect{Name: "Bob Back", Phone: "+31 20 555 0104", Source: consent.SourceColdCall})
	if _, err := app.Calls.Log(called, consent.CallLog{Outcome: consent.OutcomeVoicemail}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Calls.Log(back, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: testNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	rows, err := app.Calls.Queue()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if rows[0].Record.Prospect.ID != back || !rows[0].Callback.Equal(testNow.Add(time.Hour).UTC().Truncate(time.Second)) ||
		rows[1].Record.Prospect.ID != never || rows[2].Record.Prospect.ID != called || rows[2].Attempts != 1 {
		t.Fatalf("order %+v", rows)
	}
	if rows[1].Decision.Rule != consent.RuleSourceColdCallPending {
		t.Fatalf("a cold-call prospect never reached: %+v", rows[1].Decision)
	}
}
