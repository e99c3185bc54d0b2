package consent

import (
	"strings"
	"testing"
	"time"
)

// reactivationRecord was last active on 20 March 2025, so 12 months of
// retention end on 20 March 2026, ten days after mailNow.
func reactivationRecord() Record {
	at := time.Date(2025, 3, 20, 11, 0, 0, 0, time.UTC)
	p := Prospect{ID: 5, Name: "Anna Berg", Company: "Kund AB", Email: "anna@kund.example", Source: SourceCard, Created: at}
	e := Event{Prospect: 5, Time: at, Rep: "kari", Kind: KindCollected, Source: SourceCard}
	e.Seal(nil)
	return Record{Prospect: p, Events: []Event{e}}
}

func TestReactivationEmailContents(t *testing.T) {
	r := reactivationRecord()
	for _, c := range []struct{ lang, greet, date string }{
		{"en", "Dear Anna,", "delete your details on 20 March 2026."},
		{"nl", "Beste Anna,", "verwijderen wij uw gegevens op 20 maart 2026."},
		{"nb", "Hei Anna,", "sletter vi opplysningene dine den 20. mars 2026."},
		{"sv", "Hej Anna,", "raderar vi dina uppgifter den 20 mars 2026."},
		{"de", "Guten Tag Anna Berg,", "löschen wir Ihre Daten am 20. März 2026."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			e := ReactivationEmail(r, mailMC, c.lang, mailNow)
			if e.Lang != c.lang || e.To != "anna@kund.example" || e.From != "" {
				t.Errorf("Lang %q To %q From %q", e.Lang, e.To, e.From)
			}
			x := reactivationTexts[c.lang]
			for _, s := range []string{c.greet, c.date, mailLaw[c.lang], mailMC.PrivacyURL, mailMC.PreferencesURL, x.stay, x.leave, "Kari Selger\nAcme AS\n"} {
				if !strings.Contains(e.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, e.Body)
				}
			}
			if !strings.Contains(e.Subject, "Acme AS") {
				t.Errorf("subject %q does not name the company", e.Subject)
			}
			if strings.Contains(e.Body, "%!") || strings.Contains(e.Body, x.stayReply+"\n") {
				t.Errorf("body:\n%s", e.Body)
			}
			checkOnlyLinks(t, c.lang, e.Body, mailMC.PrivacyURL, mailMC.PreferencesURL)
		})
	}
}

func TestReactivationEmailRetention(t *testing.T) {
	r := reactivationRecord()
	// A later activity moves the date; so does the retention setting.
	mc := mailMC
	mc.RetentionMonths = 6
	if e := ReactivationEmail(r, mc, "en", mailNow); !strings.Contains(e.Body, "on 20 September 2025.") {
		t.Errorf("6 months:\n%s", e.Body)
	}
	mc.RetentionMonths = 0 // default 12
	if e := ReactivationEmail(r, mc, "en", mailNow); !strings.Contains(e.Body, "on 20 March 2026.") {
		t.Errorf("default retention:\n%s", e.Body)
	}
	// No activity at all: counted from now, as the notice does.
	empty := Record{Prospect: Prospect{Name: "Anna Berg"}}
	if e := ReactivationEmail(empty, mailMC, "en", mailNow); !strings.Contains(e.Body, "on 10 March 2027.") {
		t.Errorf("no activity:\n%s", e.Body)
	}
	// The date is the day where the rep is.
	late := reactivationRecord()
	late.Events[0].Time = time.Date(2025, 3, 20, 23, 30, 0, 0, time.UTC)
	late.Prospect.Created = late.Events[0].Time
	if e := ReactivationEmail(late, mailMC, "en", mailNow.In(time.FixedZone("CET", 3600))); !strings.Contains(e.Body, "on 21 March 2026.") {
		t.Errorf("local date:\n%s", e.Body)
	}
}

func TestReactivationEmailWithoutSettings(t *testing.T) {
	r := reactivationRecord()
	for _, lang := range Languages {
		x := reactivationTexts[lang]
		e := ReactivationEmail(r, MailContext{}, lang, mailNow)
		for _, s := range []string{x.introUs, x.stayReply} {
			if !strings.Contains(e.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", lang, s, e.Body)
			}
		}
		if e.Subject != x.subjectUs {
			t.Errorf("%s: subject %q", lang, e.Subject)
		}
		if strings.Contains(e.Body, "http") || strings.Contains(e.Body, "%!") || strings.Contains(e.Body, x.stay) {
			t.Errorf("%s: empty settings leak into the text:\n%s", lang, e.Body)
		}
	}
}
