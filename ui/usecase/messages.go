package usecase

import (
	"errors"
	"strings"

	"warmlead/consent"
	"warmlead/store"
)

// Messages are the first-contact texts the seed articles give reps, beside
// the follow-up, introduction and notice emails: the first one-to-one email
// to a business-card contact, and the message that asks a new LinkedIn or
// Xing connection for consent to continue by email or phone, whose reply
// is recorded as the evidence that opens those channels.
type Messages struct {
	env Env
	st  messageStore
}

// messageStore is what Messages needs of the store (*store.DB in the app).
type messageStore interface {
	ledgerWriter
}

// ErrUnknownPlatform is the cause of a platform Warmlead does not know.
var ErrUnknownPlatform = errors.New("usecase: unknown platform")

var (
	errFirstBlocked  = newTemplate(CodeBlocked, "the first email may not be sent: {{.Reason}}")
	errPlatform      = newTemplate(CodeInvalid, "unknown platform {{.Value}}: use linkedin or xing")
	errReplyChannels = newTemplate(CodeInvalid, "say which channels the reply allows: email, phone or both (--channel, repeatable)")
	errReplyText     = newTemplate(CodeInvalid, "the reply is the evidence: paste the person's answer or give its file")
)

// FirstEmail is the first one-to-one email to id in lang ("" for the
// prospect's, else the settings' language). It is refused, with the
// policy's reason, when a one-to-one email may not be sent to them (no
// lawful basis yet, an objection, a withdrawal).
func (m *Messages) FirstEmail(id uint64, lang string) (consent.Email, error) {
	rec, st, err := m.read(id)
	if err != nil {
		return consent.Email{}, err
	}
	if d := consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, m.env.now(), st.RetentionMonths); !d.Allowed {
		return consent.Email{}, errFirstBlocked.Wrap(errors.New(d.Reason), "Reason", d.Message)
	}
	return consent.FirstEmail(rec, settingsMail(st, m.env.rep()), pickLang(lang, rec, st)), nil
}

// FirstEmailSent records the first email as sent: its exact text as the
// evidence, and the person as informed (it carries the privacy statement,
// which is how a card contact is informed at first contact).
func (m *Messages) FirstEmailSent(id uint64, mail consent.Email) ([]consent.Event, error) {
	now, rep := m.env.now(), m.env.rep()
	text := "Subject: " + mail.Subject + "\n\n" + mail.Body
	return m.st.Commit(store.Change{Prospect: id, Events: []consent.Event{
		{Time: now, Rep: rep, Kind: consent.KindEmailGenerated, Note: "first email sent (" + mail.Lang + ")", Evidence: text},
		{Time: now, Rep: rep, Kind: consent.KindInformed, Note: "privacy statement in the first email"},
	}})
}

// Platform is the canonical name of a platform a rep typed ("linkedin",
// "Xing"); "" is LinkedIn.
func Platform(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return consent.Platforms[0], nil
	}
	for _, p := range consent.Platforms {
		if strings.EqualFold(p, s) {
			return p, nil
		}
	}
	return "", errPlatform.Wrap(ErrUnknownPlatform, "Value", s)
}

// ConnectionMessage is the message for a new connection on platform,
// asking for consent to continue by email or phone.
func (m *Messages) ConnectionMessage(id uint64, platform, lang string) (consent.Email, error) {
	p, err := Platform(platform)
	if err != nil {
		return consent.Email{}, err
	}
	rec, st, err := m.read(id)
	if err != nil {
		return consent.Email{}, err
	}
	return consent.SocialMessage(rec, settingsMail(st, m.env.rep()), p, pickLang(lang, rec, st)), nil
}

// ConnectionMessageSent records that the message was sent on platform,
// with its text: it is what the person's reply answers.
func (m *Messages) ConnectionMessageSent(id uint64, platform string, msg consent.Email) (consent.Event, error) {
	p, err := Platform(platform)
	if err != nil {
		return consent.Event{}, err
	}
	saved, err := m.st.Commit(store.Change{Prospect: id, Events: []consent.Event{{Time: m.env.now(), Rep: m.env.rep(),
		Kind: consent.KindEmailGenerated, Note: "connection message sent on " + p + " (" + msg.Lang + ")", Evidence: msg.Body}}})
	if err != nil {
		return consent.Event{}, err
	}
	return saved[0], nil
}

// Reply is a connection's answer, as the rep records it.
type Reply struct {
	Prospect uint64
	Platform string            // where the answer came (LinkedIn, Xing); "" LinkedIn
	Text     string            // the person's words: the evidence
	Channels []consent.Channel // what the answer allows: email, phone or both
}

// RecordReply keeps the reply as evidence and grants one-to-one follow-up
// on the channels it allows (method email-reply: a written answer of the
// person), which opens them for a social contact (consent-rules.md §1).
func (m *Messages) RecordReply(r Reply) ([]consent.Event, error) {
	p, err := Platform(r.Platform)
	if err != nil {
		return nil, err
	}
	evs, err := consent.ReplyConsentEvents(r.Text, p, r.Channels, m.env.rep(), m.env.now())
	switch {
	case errors.Is(err, consent.ErrNoReplyChannel):
		return nil, errReplyChannels.Wrap(err)
	case err != nil:
		return nil, answerError(err, errReplyText)
	}
	return m.st.Commit(store.Change{Prospect: r.Prospect, Events: evs})
}

func (m *Messages) read(id uint64) (consent.Record, consent.Settings, error) {
	rec, err := m.st.Record(id)
	if err != nil {
		return rec, consent.Settings{}, err
	}
	st, err := m.st.Settings()
	return rec, st, err
}

// pickLang is lang, else the prospect's language, else the settings'.
func pickLang(lang string, rec consent.Record, st consent.Settings) string {
	if lang == "" && rec.Prospect.Lang == "" {
		return st.Lang
	}
	return lang
}
