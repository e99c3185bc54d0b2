package consent

import (
	"fmt"
	"strings"
	"time"
)

// ReactivationEmail writes the email offered before a prospect's retention
// period ends (consent-rules.md section 6, seed 003 §3): we would like to
// keep in touch; reply or use the preferences link to stay on our list,
// otherwise we delete your details on the day retention ends. A reply is
// recorded as a re-activation; silence is not, and the data is erased.
//
// The date is RetentionEnds with mc.RetentionMonths (default 12), or
// now plus that many months for a record with no activity, as in
// NoticeEmail; it is shown in now's location. The function writes the text
// only: DueItems says when it is due, Decide whether the person may still be
// emailed. lang "" means the prospect's language, then English; an unknown
// language gives English. From is left empty for the mail app.
func ReactivationEmail(r Record, mc MailContext, lang string, now time.Time) Email {
	t, code := textsFor(reactivationTexts, lang, r.Prospect.Lang)
	nt := noticeTexts[code]
	company := strings.TrimSpace(mc.Company)
	rep := strings.TrimSpace(mc.Rep)
	_, ends := retention(r, mc, now)

	var m letter
	m.para(greeting(nt, r.Prospect.Name))
	m.para(pick(company, t.intro, t.introUs))
	m.para(fmt.Sprintf(t.deadline, nt.date(ends.In(now.Location()))))
	if strings.TrimSpace(mc.PreferencesURL) != "" {
		m.para(t.stay)
	} else {
		m.para(t.stayReply)
	}
	m.para(t.leave)
	m.links(nt, mc)
	m.signature(nt, rep, company)

	return Email{
		Lang:    code,
		To:      r.Prospect.Email,
		Subject: pick(company, t.subject, t.subjectUs),
		Body:    m.String(),
	}
}
