package consent

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var updateGolden = flag.Bool("update-first", false, "rewrite testdata/firstcontact/*.txt")

func firstContactRecord() Record {
	return Record{Prospect: Prospect{ID: 9, Name: "Jørgen Ångström", Company: "Nordlys AS", Email: "jorgen@nordlys.example", Source: SourceCard, Event: "Nor-Shipping"}}
}

var firstContactMC = MailContext{Rep: "Rita Jansen", Company: "Acme BV", PrivacyURL: "https://acme.example/privacy", PreferencesURL: "https://acme.example/prefs"}

// golden compares got with testdata/firstcontact/name, or writes it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "firstcontact", name)
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run FirstContact ./consent/ -update-first)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestFirstEmailGolden(t *testing.T) {
	for _, lang := range Languages {
		m := FirstEmail(firstContactRecord(), firstContactMC, lang)
		if m.Lang != lang || m.To != "jorgen@nordlys.example" {
			t.Errorf("%s: lang %q to %q", lang, m.Lang, m.To)
		}
		golden(t, "first-email."+lang+".txt", "Subject: "+m.Subject+"\n\n"+m.Body)
	}
}

func TestSocialMessageGolden(t *testing.T) {
	r := firstContactRecord()
	r.Prospect.Source, r.Prospect.Event = SourceSocial, ""
	for _, lang := range Languages {
		m := SocialMessage(r, firstContactMC, "Xing", lang)
		if m.Subject != "" || m.To != "" {
			t.Errorf("%s: a platform message has no subject or address: %+v", lang, m)
		}
		golden(t, "social."+lang+".txt", m.Body)
	}
}

// What every first-contact text must hold, whatever the language, and
// what it must not: the rules of consent-rules.md §5 and §3.
func TestFirstContactTextsRules(t *testing.T) {
	r := firstContactRecord()
	for _, lang := range Languages {
		first := FirstEmail(r, firstContactMC, lang)
		social := SocialMessage(r, firstContactMC, "", lang)
		for _, c := range []struct {
			name, body string
			links      []string
		}{
			{"first", first.Body, []string{firstContactMC.PrivacyURL, firstContactMC.PreferencesURL}},
			{"social", social.Body, []string{firstContactMC.PrivacyURL}},
		} {
			for _, l := range c.links {
				if !strings.Contains(c.body, l) {
					t.Errorf("%s %s: no %s", lang, c.name, l)
				}
			}
			if n := strings.Count(c.body, "https://"); n != len(c.links) {
				t.Errorf("%s %s: %d links, want only %d (no tracking)", lang, c.name, n, len(c.links))
			}
			if !strings.Contains(c.body, "Rita Jansen") || strings.Contains(c.body, "%!") || strings.Contains(c.body, "%s") {
				t.Errorf("%s %s: signature or format broken:\n%s", lang, c.name, c.body)
			}
		}
		if !strings.Contains(social.Body, "LinkedIn") {
			t.Errorf("%s: the default platform is not named", lang)
		}
		// Without the company or the links the texts still read whole.
		bare := FirstEmail(Record{Prospect: Prospect{Name: "Jo"}}, MailContext{}, lang)
		if strings.Contains(bare.Body, "https://") || bare.Subject == "" || strings.Contains(bare.Body, "%") {
			t.Errorf("%s bare: %q\n%s", lang, bare.Subject, bare.Body)
		}
	}
}

func TestReplyConsentEvents(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	evs, err := ReplyConsentEvents("Yes, email me at jo@x.example", "LinkedIn", []Channel{ChannelEmail, ChannelPhone, ChannelEmail}, "anna", now)
	if err != nil || len(evs) != 3 || evs[0].Kind != KindReplyAttached {
		t.Fatalf("%+v %v", evs, err)
	}
	for _, e := range evs[1:] {
		if e.Kind != KindConsentGranted || e.Purpose != PurposeFollowUp || e.Method != MethodEmailReply || !strings.Contains(e.Evidence, "reply on LinkedIn") {
			t.Errorf("grant %+v", e)
		}
	}
	// The grants open exactly the follow-up on those channels for a
	// social contact.
	r := rec(SourceSocial, evs...)
	for _, c := range []struct {
		ch   Channel
		p    Purpose
		want bool
	}{{ChannelEmail, PurposeFollowUp, true}, {ChannelPhone, PurposeFollowUp, true}, {ChannelEmail, PurposeNewsletter, false}, {ChannelSMS, PurposeFollowUp, false}} {
		if got := Decide(r, c.ch, c.p, defaultNow, 12).Allowed; got != c.want {
			t.Errorf("%s/%s: allowed %v, want %v", c.ch, c.p, got, c.want)
		}
	}
	for _, bad := range []struct {
		text string
		chs  []Channel
	}{{"", []Channel{ChannelEmail}}, {"yes", nil}, {"yes", []Channel{ChannelSMS}}} {
		if _, err := ReplyConsentEvents(bad.text, "LinkedIn", bad.chs, "anna", now); err == nil {
			t.Errorf("%q %v accepted", bad.text, bad.chs)
		}
	}
}
