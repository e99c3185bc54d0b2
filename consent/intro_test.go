package consent

import (
	"strings"
	"testing"
)

var (
	introIntroducer = Prospect{ID: 3, Name: "Alexander Hilberts", Company: "Klant BV", Email: "alexander@klant.example", Source: SourceCustomer}
	introReferred   = Prospect{ID: 4, Name: "John de Vries", Company: "Relatie BV", Source: SourceReferral, Introducer: 3}
)

// lastLineBeforeSignature is the last non-empty line before the closing
// ("Kind regards,") that starts the signature block.
func lastLineBeforeSignature(t *testing.T, body, regards string) string {
	t.Helper()
	lines := strings.Split(body, "\n")
	end := -1
	for i, l := range lines {
		if l == regards {
			end = i
		}
	}
	if end < 0 {
		t.Fatalf("no closing %q in:\n%s", regards, body)
	}
	for i := end - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return lines[i]
		}
	}
	return ""
}

func TestIntroductionEmailContents(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			e := IntroductionEmail(introIntroducer, introReferred, "the CRM rollout", mailMC, lang)
			if e.Lang != lang || e.To != "" || e.From != "" {
				t.Errorf("Lang %q To %q From %q: the introducer sends it from their own mailbox", e.Lang, e.To, e.From)
			}
			greet := "John"
			if lang == "de" {
				greet = "John de Vries"
			}
			for _, s := range []string{greet, "Alexander Hilberts", "Kari Selger", "Acme AS", "the CRM rollout", mailMC.PrivacyURL} {
				if !strings.Contains(e.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, e.Body)
				}
			}
			for _, s := range []string{"Kari Selger", "Acme AS"} {
				if !strings.Contains(e.Subject, s) {
					t.Errorf("subject %q lacks %q", e.Subject, s)
				}
			}
			nt := noticeTexts[lang]
			last := lastLineBeforeSignature(t, e.Body, nt.regards)
			if !strings.HasSuffix(last, "?") || !strings.Contains(last, "Kari Selger") {
				t.Errorf("the email must end with the question naming the rep, got %q", last)
			}
			if !strings.HasSuffix(e.Body, nt.regards+"\nAlexander Hilberts\n") {
				t.Errorf("the introducer should sign:\n%s", e.Body)
			}
			// The introducer's email: nothing of the rep's mailing apparatus.
			checkOnlyLinks(t, lang, e.Body, mailMC.PrivacyURL)
			for _, s := range []string{mailMC.PreferencesURL, "alexander@klant.example", "%!"} {
				if strings.Contains(e.Body, s) || strings.Contains(e.Subject, s) {
					t.Errorf("email contains %q:\n%s", s, e.Body)
				}
			}
		})
	}
}

func TestIntroductionEmailWithoutTopic(t *testing.T) {
	for _, lang := range Languages {
		with := IntroductionEmail(introIntroducer, introReferred, "the CRM rollout", mailMC, lang)
		e := IntroductionEmail(introIntroducer, introReferred, "  \n ", mailMC, lang)
		if strings.Contains(e.Body, "  ") || strings.Contains(e.Body, " ,") || strings.Contains(e.Body, "%!") {
			t.Errorf("%s: a missing topic leaves a gap:\n%s", lang, e.Body)
		}
		if !strings.Contains(e.Body, introTexts[lang].dealings[:10]) || e.Body == with.Body {
			t.Errorf("%s: body without topic:\n%s", lang, e.Body)
		}
		if last := lastLineBeforeSignature(t, e.Body, noticeTexts[lang].regards); !strings.HasSuffix(last, "?") {
			t.Errorf("%s: does not end with the question: %q", lang, last)
		}
	}
	// The example of seed 000, tip 1.
	e := IntroductionEmail(introIntroducer, Prospect{Name: "John"}, "ABC", MailContext{Rep: "Peter", Company: "Prospectory"}, "en")
	want := "Dear John,\n\nJudging by my dealings with Peter of Prospectory regarding ABC, I think it would be worthwhile for the two of you to meet.\n\n" +
		"Is it all right with you if I pass your contact details on to Peter?\n\nKind regards,\nAlexander Hilberts\n"
	if e.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", e.Body, want)
	}
	if e.Subject != "Introduction: Peter of Prospectory" {
		t.Errorf("subject %q", e.Subject)
	}
}

func TestIntroductionEmailLanguageFallback(t *testing.T) {
	en := IntroductionEmail(introIntroducer, introReferred, "ABC", mailMC, "en")
	for _, lang := range []string{"fr", "xx", " En", ""} {
		if got := IntroductionEmail(introIntroducer, introReferred, "ABC", mailMC, lang); got != en {
			t.Errorf("lang %q: not the English email (got %s)", lang, got.Lang)
		}
	}
	intro, ref := introIntroducer, introReferred
	intro.Lang = "nl"
	if got := IntroductionEmail(intro, ref, "ABC", mailMC, ""); got.Lang != "nl" {
		t.Errorf("no lang and no referred lang: the introducer's, got %s", got.Lang)
	}
	ref.Lang = "nb"
	if got := IntroductionEmail(intro, ref, "ABC", mailMC, ""); got.Lang != "nb" {
		t.Errorf("the reader's language comes first: got %s", got.Lang)
	}
	if got := IntroductionEmail(intro, ref, "ABC", mailMC, "sv"); got.Lang != "sv" {
		t.Errorf("explicit lang should win: got %s", got.Lang)
	}
}

func TestIntroductionEmailPartialSettings(t *testing.T) {
	for _, c := range []struct {
		name    string
		mc      MailContext
		subject string
		body    []string
		absent  []string
	}{
		{"rep only", MailContext{Rep: "Kari Selger"}, "Introduction: Kari Selger",
			[]string{"dealings with Kari Selger, I think", "on to Kari Selger?"}, []string{"Kari Selger of", "privacy"}},
		{"company only", MailContext{Company: "Acme AS", PrivacyURL: "https://acme.example/p"}, "Introduction: Acme AS",
			[]string{"dealings with Acme AS, I think", "how Acme AS handles personal details, their privacy statement is here: https://acme.example/p", "on to Acme AS?"}, nil},
		{"nothing", MailContext{PrivacyURL: "https://acme.example/p"}, "An introduction",
			[]string{"a business partner of mine", "how they handle", "on to them?"}, nil},
	} {
		e := IntroductionEmail(introIntroducer, Prospect{}, "", c.mc, "en")
		if e.Subject != c.subject {
			t.Errorf("%s: subject %q, want %q", c.name, e.Subject, c.subject)
		}
		if !strings.HasPrefix(e.Body, "Hello,\n") {
			t.Errorf("%s: no name, so an anonymous greeting:\n%s", c.name, e.Body)
		}
		for _, s := range c.body {
			if !strings.Contains(e.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", c.name, s, e.Body)
			}
		}
		for _, s := range c.absent {
			if strings.Contains(e.Body, s) {
				t.Errorf("%s: body has %q:\n%s", c.name, s, e.Body)
			}
		}
	}
	// No introducer name: the closing stays, nothing dangles after it.
	e := IntroductionEmail(Prospect{}, introReferred, "", mailMC, "sv")
	if !strings.HasSuffix(e.Body, "?\n\n"+noticeTexts["sv"].regards+"\n") {
		t.Errorf("unsigned:\n%s", e.Body)
	}
}
