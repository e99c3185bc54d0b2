package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

// The reasons group has every sentence the policy and the deadlines can
// produce, and nothing else: English entries are the templates themselves,
// with plural forms where the sentence counts (a Count field).
func TestReasonTemplatesTranslated(t *testing.T) {
	langs := readCatalogue(t)["reasons"]
	en := langs["en"]
	if en == nil {
		t.Fatal("assets/translations/reasons.en.json is missing")
	}
	templates := consent.ReasonTemplates()
	for _, tpl := range templates {
		v, ok := en[tpl]
		if !ok {
			t.Errorf("reasons.en.json lacks %q", tpl)
			continue
		}
		counted := slices.Contains(vars(tpl), "Count")
		switch v := v.(type) {
		case string:
			if v != tpl {
				t.Errorf("reasons.en.json: %q is translated as %q; English keeps the template", tpl, v)
			}
			if counted {
				t.Errorf("reasons.en.json: %q has a Count, so it needs plural forms", tpl)
			}
		case map[string]any:
			if !counted {
				t.Errorf("reasons.en.json: %q has plural forms but no Count to choose them", tpl)
			}
			for form, s := range v {
				if s != tpl {
					t.Errorf("reasons.en.json: %q form %s is %q; English keeps the template", tpl, form, s)
				}
			}
		}
		if counted {
			for _, l := range Languages {
				forms, ok := langs[l][tpl].(map[string]any)
				if _, one := forms["one"]; !ok || !one {
					t.Errorf("reasons.%s.json: %q needs the forms one and other", l, tpl)
				}
			}
		}
	}
	for k := range en {
		if !slices.Contains(templates, k) {
			t.Errorf("reasons.en.json has %q, which the policy no longer produces", k)
		}
	}
}

// A rep, a date and a Record for the sample decisions below. Times are in
// the local zone, as on a rep's screen.
func sampleRecord(src consent.Source, evs ...consent.Event) consent.Record {
	t0 := time.Date(2026, 1, 10, 12, 0, 0, 0, time.Local)
	p := consent.Prospect{ID: 1, Name: "Jane Doe", Phone: "+31205550100", Source: src, Created: t0}
	evs = append([]consent.Event{{Time: t0, Kind: consent.KindCollected, Source: src}}, evs...)
	return consent.Record{Prospect: p, Events: evs}
}

func localDay(n int) time.Time { return time.Date(2026, 1, 10+n, 12, 0, 0, 0, time.Local) }

var (
	leftover = regexp.MustCompile(`\{\{|\}\}|<no value>|%!`)
	codes    = regexp.MustCompile(`\b(follow-up|email-reply|newsletter|referral|email|phone)\b`) // vocabulary codes, English words
)

// Real decisions and deadlines read as whole sentences in every language:
// no field left unfilled, no English code in the middle of a translation,
// the right plural, and the words a German reader expects.
func TestReasonsRendered(t *testing.T) {
	logged := inCLocale(t)

	now := localDay(30)
	dnc := sampleRecord(consent.SourceCard)
	dnc.DNC = &consent.DNCHit{Register: "NL Bel-me-niet", Imported: localDay(-8)}
	anonymous := sampleRecord(consent.SourceReferral, consent.Event{Time: localDay(2), Kind: consent.KindReferralRequested})
	anonymous.Prospect.Name, anonymous.Prospect.Phone = "", ""
	anonymous.DNC = &consent.DNCHit{Register: "NO Reservasjonsregisteret"}
	granted := sampleRecord(consent.SourceCard, consent.Event{Time: localDay(1), Rep: "Rita", Kind: consent.KindConsentGranted,
		Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Expires: localDay(200)})

	samples := []struct {
		name string
		m    consent.Message
		de   []string // words the German sentence must contain
	}{
		{"do-not-call", consent.Decide(dnc, consent.ChannelPhone, consent.PurposeFollowUp, now, 12).Message,
			[]string{"Nicht erlaubt: +31 20 555 0100", "Sperrliste NL Bel-me-niet", "2.1.2026", "Einwilligung"}},
		{"objection", consent.Decide(sampleRecord(consent.SourceCard, consent.Event{Time: localDay(5), Rep: "Rita", Kind: consent.KindObjection}),
			consent.ChannelEmail, consent.PurposeNewsletter, now, 12).Message,
			[]string{"Jane Doe hat jeglicher Kontaktaufnahme widersprochen", "15.1.2026", "erfasst von Rita"}},
		{"consent granted", consent.Decide(granted, consent.ChannelEmail, consent.PurposeNewsletter, now, 12).Message,
			[]string{"Erlaubt:", "Einwilligung für Newsletter per E-Mail erteilt", "Antwort per E-Mail", "gültig bis 29.7.2026"}},
		{"retention, one month", consent.Decide(sampleRecord(consent.SourceCard), consent.ChannelEmail, consent.PurposeFollowUp, localDay(60), 1).Message,
			[]string{"Speicherfrist von 1 Monat für"}},
		{"retention, twelve months", consent.Decide(sampleRecord(consent.SourceCard), consent.ChannelEmail, consent.PurposeFollowUp, localDay(400), 12).Message,
			[]string{"Speicherfrist von 12 Monaten für"}},
		{"anonymous on a register", consent.Decide(anonymous, consent.ChannelPhone, consent.PurposeFollowUp, now, 12).Message,
			[]string{"Nicht erlaubt: Die für diese Person gespeicherte Telefonnummer steht auf der Sperrliste NO Reservasjonsregisteret."}},
		{"anonymous referral", consent.Decide(anonymous, consent.ChannelEmail, consent.PurposeFollowUp, now, 12).Message,
			[]string{"Nicht erlaubt: Diese Person wurde am 12.1.2026 empfohlen"}},
		{"notice due", consent.DueItems(anonymous, localDay(31), 12)[0].Message, []string{"Art. 14 DSGVO", "(überfällig)", "Quelle: Empfehlung"}},
	}
	if m := samples[len(samples)-1].m; !strings.HasPrefix(m.Template, "Send ") {
		t.Fatalf("expected the notice first, got %q", m.Template)
	}

	english := map[string]string{}
	for _, code := range Languages {
		Use(code)
		for _, s := range samples {
			got := Text(s.m)
			if leftover.MatchString(got) || !strings.HasSuffix(got, ".") || (code != "en" && codes.MatchString(got)) {
				t.Errorf("%s, %s: %q", code, s.name, got)
			}
			switch code {
			case "en":
				english[s.name] = got
			default:
				if got == english[s.name] {
					t.Errorf("%s, %s: not translated: %q", code, s.name, got)
				}
			}
			if code == "de" {
				for _, w := range s.de {
					if !strings.Contains(got, w) {
						t.Errorf("de, %s: %q lacks %q", s.name, got, w)
					}
				}
			}
		}
	}
	if got := english["anonymous referral"]; !strings.HasPrefix(got, "Blocked: this person was referred on 12 Jan 2026") {
		t.Errorf("en: %q", got)
	}
	Use("nl")
	if got := Text(samples[3].m); !strings.Contains(got, "bewaartermijn van 1 maand voor") {
		t.Errorf("nl, one month: %q", got)
	}
	if got := Text(samples[4].m); !strings.Contains(got, "bewaartermijn van 12 maanden voor") {
		t.Errorf("nl, twelve months: %q", got)
	}
	Use("en")
	due := consent.DueItems(anonymous, now, 12)
	if got := Text(due[len(due)-1].Message); !strings.HasPrefix(got, "This person has not answered") {
		t.Errorf("a sentence that opens with a phrase starts with a capital: %q", got)
	}
	if logged.Len() > 0 {
		t.Errorf("rendering logged: %s", logged.String())
	}
}
