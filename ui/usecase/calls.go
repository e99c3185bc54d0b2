package usecase

import (
	"errors"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Calls logs calls and sends the follow-up email that confirms what the person agreed to.
type Calls struct {
	env Env
	st  callStore
}

// callStore is what Calls needs of the store (*store.DB in the app).
type callStore interface {
	ledgerWriter
	ForEachRecord(fn func(consent.Record) error) ([]error, error)
	ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error)
	Index() store.Index
}

var (
	errNoReachedCall      = newTemplate(CodePrecondition, "no call that reached this person is logged: log it first with 'warmlead call ID --outcome reached'")
	errAgreedTooLong      = newTemplate(CodeInvalid, "keep what was agreed short: at most {{.Max}} characters")
	errCallbackNoDate     = newTemplate(CodeInvalid, "a call-back needs its date (and time)")
	errConsentsNotReached = newTemplate(CodeInvalid, "consents can only be recorded when the person was reached")
)

// LoggedCall is a logged call: the stored events (the call, then a pending
// grant per consent given on the phone) and the record after them.
type LoggedCall struct {
	Events []consent.Event
	Record consent.Record
}

// Call is the logged call's event.
func (l LoggedCall) Call() consent.Event { return l.Events[0] }

// Pending is how many consents wait for the follow-up email.
func (l LoggedCall) Pending() int { return len(l.Events) - 1 }

// Log records a call's outcome with the consents the person gave on the
// phone, pending until the follow-up email documents them.
func (c *Calls) Log(id uint64, log consent.CallLog) (LoggedCall, error) {
	if err := refuseUnknown("call outcome", log.Outcome, consent.Outcomes); err != nil {
		return LoggedCall{}, err
	}
	for _, pc := range log.Consents {
		if err := checkCell(pc); err != nil {
			return LoggedCall{}, err
		}
	}
	if err := c.refuseUnreadPhone(id); err != nil {
		return LoggedCall{}, err
	}
	evs, err := log.Events(c.env.rep(), c.env.now())
	switch {
	case errors.Is(err, consent.ErrAgreedTooLong):
		return LoggedCall{}, errAgreedTooLong.Wrap(err, "Max", consent.MaxAgreedLen)
	case errors.Is(err, consent.ErrCallbackNoDate):
		return LoggedCall{}, errCallbackNoDate.Wrap(err)
	case errors.Is(err, consent.ErrConsentsNotReached):
		return LoggedCall{}, errConsentsNotReached.Wrap(err)
	case err != nil:
		return LoggedCall{}, err
	}
	saved, err := c.st.Commit(store.Change{Prospect: id, Events: evs})
	if err != nil {
		return LoggedCall{}, err
	}
	rec, err := c.st.Record(id)
	if err != nil {
		return LoggedCall{}, err
	}
	return LoggedCall{Events: saved, Record: rec}, nil
}

// FollowUp is the follow-up email for a prospect's last call, as shown
// before it is sent: MarkSent stores exactly this text as the evidence.
type FollowUp struct {
	Prospect uint64
	Call     consent.Event   // the last call, which reached the person
	Pending  []consent.Event // the phone consents the email confirms
	Mail     consent.Email
	Time     time.Time // when it was written (the .eml's date)
	Record   consent.Record
}

// FollowUp writes the follow-up email for the last call, in lang, else the
// prospect's language, else the settings'. The last call must have reached
// the person: the email confirms what they said.
func (c *Calls) FollowUp(id uint64, lang string) (FollowUp, error) {
	if lang != "" {
		if err := refuseUnknown("language", lang, consent.Languages); err != nil {
			return FollowUp{}, err
		}
	}
	rec, err := c.st.Record(id)
	if err != nil {
		return FollowUp{}, err
	}
	call, err := reachedCall(rec)
	if err != nil {
		return FollowUp{}, err
	}
	st, err := c.st.Settings()
	if err != nil {
		return FollowUp{}, err
	}
	if lang == "" {
		lang = rec.Prospect.Lang
	}
	if lang == "" {
		lang = st.Lang
	}
	now := c.env.now()
	pending := consent.PendingConsents(rec)
	mail := consent.FollowUpEmail(rec, call, pending, settingsMail(st, c.env.rep()), lang, now)
	return FollowUp{Prospect: id, Call: call, Pending: pending, Mail: mail, Time: now, Record: rec}, nil
}

// MarkSent records f as sent: the email as evidence, the person informed,
// and each pending consent it confirms granted, in one transaction. The
// last call must still be one that reached the person (another call may
// have been logged since the email was written).
func (c *Calls) MarkSent(f FollowUp) ([]consent.Event, error) {
	rec, err := c.st.Record(f.Prospect)
	if err != nil {
		return nil, err
	}
	if _, err := reachedCall(rec); err != nil {
		return nil, err
	}
	return c.st.Commit(store.Change{Prospect: f.Prospect, Events: consent.ConfirmBySentEmail(f.Pending, f.Mail, c.env.rep(), c.env.now())})
}

func reachedCall(rec consent.Record) (consent.Event, error) {
	call, ok := consent.LastCall(rec)
	if !ok || call.Outcome != consent.OutcomeReached {
		return consent.Event{}, errNoReachedCall.New("ID", rec.Prospect.ID)
	}
	return call, nil
}

// settingsMail is what every generated email needs from the settings.
func settingsMail(s consent.Settings, rep string) consent.MailContext {
	return consent.MailContext{Rep: rep, Company: s.Company, PrivacyURL: s.PrivacyURL, PreferencesURL: s.PreferencesURL, RetentionMonths: s.RetentionMonths}
}
