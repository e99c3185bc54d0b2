package consent

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNewGrantRules(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	cell := PurposeChannel{Purpose: PurposeNewsletter, Channel: ChannelEmail}
	cases := []struct {
		name     string
		cell     PurposeChannel
		method   Method
		evidence string
		expires  time.Time
		want     error
	}{
		{"complete", cell, MethodEmailReply, "Yes please", time.Time{}, nil},
		{"expires next year", cell, MethodSigned, "signed form 12", now.AddDate(1, 0, 0), nil},
		{"evidence at the cap", cell, MethodSigned, strings.Repeat("x", MaxEvidence), time.Time{}, nil},
		{"no method", cell, "", "Yes please", time.Time{}, ErrNoMethod},
		{"verbal", cell, "verbal", "Yes please", time.Time{}, ErrVerbalNotMethod},
		{"unknown method", cell, "telepathy", "Yes please", time.Time{}, ErrUnknownMethod},
		{"no evidence", cell, MethodEmailReply, "", time.Time{}, ErrNoEvidence},
		{"blank evidence", cell, MethodEmailReply, " \n\t", time.Time{}, ErrNoEvidence},
		{"evidence over the cap", cell, MethodEmailReply, strings.Repeat("x", MaxEvidence+1), time.Time{}, ErrEvidenceTooLarge},
		{"expired yesterday", cell, MethodEmailReply, "Yes", now.AddDate(0, 0, -1), ErrExpiryPast},
		{"expires now", cell, MethodEmailReply, "Yes", now, ErrExpiryPast},
		{"unknown purpose", PurposeChannel{Purpose: "spam", Channel: ChannelEmail}, MethodEmailReply, "Yes", time.Time{}, ErrUnknownPurpose},
		{"unknown channel", PurposeChannel{Purpose: PurposeNewsletter, Channel: "fax"}, MethodEmailReply, "Yes", time.Time{}, ErrUnknownChannel},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, err := NewGrant(c.cell, c.method, c.evidence, c.expires, now)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if err != nil {
				if g != (Grant{}) {
					t.Fatalf("a refused grant has content: %+v", g)
				}
				return
			}
			ev := g.Event("Rita Rep", now)
			if ev.Kind != KindConsentGranted || ev.Method != c.method || ev.Evidence == "" || !ev.Expires.Equal(c.expires) || ev.Pending {
				t.Fatalf("event = %+v", ev)
			}
		})
	}
}

func TestAnswerEvent(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	cell := PurposeChannel{Purpose: PurposeOffers, Channel: ChannelPhone}
	cases := []struct {
		name string
		a    Answer
		want error
	}{
		{"grant", Answer{Kind: KindConsentGranted, Cell: cell, Method: MethodRecordedCall, Evidence: "rec-1"}, nil},
		{"grant without evidence", Answer{Kind: KindConsentGranted, Cell: cell, Method: MethodRecordedCall}, ErrNoEvidence},
		{"grant without method", Answer{Kind: KindConsentGranted, Cell: cell, Evidence: "rec-1"}, ErrNoMethod},
		{"refusal bare", Answer{Kind: KindConsentRefused, Cell: cell}, nil},
		{"withdrawal with a method", Answer{Kind: KindConsentWithdrawn, Cell: cell, Method: MethodEmailReply, Evidence: "stop"}, nil},
		{"refusal with a past expiry", Answer{Kind: KindConsentRefused, Cell: cell, Expires: now.AddDate(0, -1, 0)}, ErrExpiryPast},
		{"withdrawal over the cap", Answer{Kind: KindConsentWithdrawn, Cell: cell, Evidence: strings.Repeat("é", MaxEvidence)}, ErrEvidenceTooLarge},
		{"objection is no answer", Answer{Kind: KindObjection, Cell: cell}, ErrNotConsentKind},
		{"refusal of an unknown cell", Answer{Kind: KindConsentRefused, Cell: PurposeChannel{Purpose: PurposeOffers}}, ErrUnknownChannel},
	}
	for _, c := range cases {
		ev, err := c.a.Event("Rita Rep", now)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
			continue
		}
		if err == nil && (ev.Kind != c.a.Kind || ev.Purpose != cell.Purpose || ev.Channel != cell.Channel || ev.Rep != "Rita Rep") {
			t.Errorf("%s: event = %+v", c.name, ev)
		}
	}
}

func TestNewObjection(t *testing.T) {
	now := time.Now()
	if _, err := NewObjection("  ", "r", now); !errors.Is(err, ErrNoEvidence) {
		t.Errorf("bare objection: %v", err)
	}
	if _, err := NewObjection(strings.Repeat("x", MaxEvidence+1), "r", now); !errors.Is(err, ErrEvidenceTooLarge) {
		t.Errorf("huge objection: %v", err)
	}
	if ev, err := NewObjection(" stop calling ", "r", now); err != nil || ev.Kind != KindObjection || ev.Evidence != "stop calling" {
		t.Errorf("objection: %+v %v", ev, err)
	}
}

func TestCutAndEMLEvidence(t *testing.T) {
	long := strings.Repeat("ø", MaxEvidence) // two bytes each: the cut falls inside a character
	cut := CutEvidence(long)
	if len(cut) > MaxEvidence || !strings.HasSuffix(cut, evidenceCut) || !strings.HasPrefix(cut, "øø") {
		t.Fatalf("cut to %d bytes", len(cut))
	}
	if _, err := CheckEvidence(cut); err != nil {
		t.Fatalf("cut evidence is refused: %v", err)
	}
	if strings.ContainsRune(cut, '\uFFFD') || !strings.HasSuffix(strings.TrimSuffix(cut, evidenceCut), "ø") {
		t.Fatal("cut inside a character")
	}
	if CutEvidence(" short ") != "short" {
		t.Fatal("short evidence changed")
	}
	// The date in UTC, whatever the sender's zone and the machine's.
	date := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	got := EMLEvidence(Evidence{From: "Rita <rita@reply.example>", Subject: "Re: call", Date: date, Body: "Yes."})
	want := "From: Rita <rita@reply.example>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\nSubject: Re: call\n\nYes."
	if got != want {
		t.Fatalf("EMLEvidence = %q, want %q", got, want)
	}
}
