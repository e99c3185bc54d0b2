package consent

import (
	"fmt"
	"strings"
)

// IntroductionEmail writes the referral introduction for the introducer to
// send (consent-rules.md section 5, seed 000 tip 1): in the introducer's
// voice, addressed to the referred person, saying why the two should meet
// and ending with the question whether the introducer may pass the contact
// details on to the rep. The referred person's reply is the evidence of
// approval; until then Warmlead keeps only the name (section 1).
//
// topic is what the introducer dealt with the rep about ("the new CRM");
// empty leaves that clause out. The rep's company's privacy statement is
// named when mc.PrivacyURL is set; it is the only link. To and From are left
// empty: the introducer sends it from their own mailbox to an address they
// have and Warmlead may not yet hold. lang "" means the referred person's
// language, then the introducer's, then English; an unknown language gives
// English.
func IntroductionEmail(introducer Prospect, referred Prospect, topic string, mc MailContext, lang string) Email {
	t, code := textsFor(introTexts, lang, referred.Lang, introducer.Lang)
	nt := noticeTexts[code]
	rep := strings.TrimSpace(mc.Rep)
	company := strings.TrimSpace(mc.Company)
	topic = strings.Join(strings.Fields(topic), " ")

	// Who the rep is, in full for the first mention and the subject, and
	// short in the question. No pronoun: Warmlead does not know the rep's.
	var full, short, subject string
	switch {
	case rep != "" && company != "":
		full, short = fmt.Sprintf(t.of, rep, company), rep
	case rep != "":
		full, short = rep, rep
	case company != "":
		full, short = company, company
	default:
		full, short = t.someone, t.them
	}
	if rep == "" && company == "" {
		subject = t.subjectBare
	} else {
		subject = fmt.Sprintf(t.subject, full)
	}

	var m letter
	m.para(greeting(nt, referred.Name))
	if topic != "" {
		m.para(fmt.Sprintf(t.dealingsTopic, full, topic))
	} else {
		m.para(fmt.Sprintf(t.dealings, full))
	}
	if u := strings.TrimSpace(mc.PrivacyURL); u != "" {
		if company != "" {
			m.para(fmt.Sprintf(t.privacy, company, u))
		} else {
			m.para(fmt.Sprintf(t.privacyThem, u))
		}
	}
	m.para(fmt.Sprintf(t.question, short))
	m.signature(nt, introducer.Name)

	return Email{Lang: code, Subject: subject, Body: m.String()}
}
