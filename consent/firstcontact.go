package consent

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// FirstEmail writes the rep's first one-to-one email to a contact whose
// business card they received (consent-rules.md §1 `card`, §5; seed 002 §5,
// 000 tip 4): why the rep writes, that it is no mailing and nothing of the
// kind follows, the preferences link to choose more, and the privacy
// statement, which is how a card contact is informed at first contact. It
// carries no other link (no tracking, §3). lang "" means the prospect's
// language, then English. From is left for the mail app, as in NoticeEmail.
func FirstEmail(r Record, mc MailContext, lang string) Email {
	t, code := textsFor(firstTexts, lang, r.Prospect.Lang)
	nt := noticeTexts[code]
	company := strings.TrimSpace(mc.Company)
	event := strings.TrimSpace(r.Prospect.Event)

	var subject string
	switch {
	case company == "":
		subject = t.subjectBare
	case event != "":
		subject = fmt.Sprintf(t.subjectAt, company, event)
	default:
		subject = fmt.Sprintf(t.subject, company)
	}
	var m letter
	m.para(greeting(nt, r.Prospect.Name))
	if event != "" {
		m.para(fmt.Sprintf(t.metAt, event) + " " + pick(company, t.why, t.whyUs))
	} else {
		m.para(t.met + " " + pick(company, t.why, t.whyUs))
	}
	m.para(t.noMarketing)
	if strings.TrimSpace(mc.PreferencesURL) != "" {
		m.para(t.prefsAsk)
	}
	m.links(nt, mc)
	m.para(t.reply)
	m.signature(nt, mc.Rep, company)
	return Email{Lang: code, To: r.Prospect.Email, Subject: subject, Body: m.String()}
}

// Platforms a connection message is written for (source `social`).
var Platforms = []string{"LinkedIn", "Xing"}

// SocialMessage writes the message a rep sends a new LinkedIn or Xing
// connection (seed 002 §2): thanks, something of use before any ask, then
// the question whether the rep may continue by email or phone, with the
// privacy statement. The person's reply is the evidence that opens those
// channels (usecase Messages.RecordReply). It is a platform message, so it
// has no subject and no address; platform "" is LinkedIn.
func SocialMessage(r Record, mc MailContext, platform, lang string) Email {
	t, code := textsFor(socialTexts, lang, r.Prospect.Lang)
	nt := noticeTexts[code]
	company := strings.TrimSpace(mc.Company)
	if platform = strings.TrimSpace(platform); platform == "" {
		platform = Platforms[0]
	}
	var m letter
	m.para(greeting(nt, r.Prospect.Name))
	m.para(fmt.Sprintf(t.thanks, platform) + " " + pick(company, t.value, t.valueUs))
	m.para(t.ask + " " + t.howBoth)
	m.para(t.nothingElse)
	if u := strings.TrimSpace(mc.PrivacyURL); u != "" {
		m.para(t.privacy + u)
	}
	m.signature(nt, mc.Rep, company)
	return Email{Lang: code, Body: m.String()}
}

// ReplyChannels are the channels a connection's reply may open.
var ReplyChannels = []Channel{ChannelEmail, ChannelPhone}

// ReplyConsentEvents are the events that record a person's written reply
// as the evidence of consent to one-to-one follow-up on channels: the
// reply itself, then a grant per channel with method email-reply (a
// written answer from the person; seed 002 §2, consent-rules.md §2). The
// evidence names where the reply came from.
func ReplyConsentEvents(reply, where string, channels []Channel, rep string, now time.Time) ([]Event, error) {
	text, err := CheckEvidence(reply)
	if err == nil && text == "" {
		err = ErrNoEvidence
	}
	if err != nil {
		return nil, err
	}
	if len(channels) == 0 {
		return nil, ErrNoReplyChannel
	}
	evidence := "reply on " + where + ":\n" + text
	evs := []Event{{Time: now, Rep: rep, Kind: KindReplyAttached, Evidence: evidence, Note: "reply to the connection message (" + where + ")"}}
	seen := map[Channel]bool{}
	for _, ch := range channels {
		if seen[ch] {
			continue
		}
		seen[ch] = true
		if ch != ChannelEmail && ch != ChannelPhone {
			return nil, ErrNoReplyChannel
		}
		evs = append(evs, Event{Time: now, Rep: rep, Kind: KindConsentGranted, Purpose: PurposeFollowUp, Channel: ch, Method: MethodEmailReply, Evidence: evidence})
	}
	return evs, nil
}

// ErrNoReplyChannel says a reply was recorded without the channel (email,
// phone) it opens.
var ErrNoReplyChannel = errors.New("say which channels the reply allows: email, phone or both")
