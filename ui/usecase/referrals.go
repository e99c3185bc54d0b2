package usecase

import (
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Referrals asks customers to introduce people and records the answers.
type Referrals struct {
	env Env
	st  referralStore
}

// referralStore is what Referrals needs of the store (*store.DB in the app).
type referralStore interface {
	Record(id uint64) (consent.Record, error)
	Prospect(id uint64) (consent.Prospect, error)
	Settings() (consent.Settings, error)
	Refer(introducer uint64, p consent.Prospect, topic string, o store.AddOptions) (consent.Prospect, error)
	ApproveReferral(id uint64, email, phone, evidence string, o store.AddOptions) (consent.Prospect, error)
	DeclineReferral(id uint64, evidence, rep string, now time.Time) error
	ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error)
	ForEachRecordsOfBoth(ids []uint64, fn func(consent.Record) error) ([]error, error)
	Index() store.Index
}

var (
	errReferralNoName     = newTemplate(CodeInvalid, "a referral needs the person's name: --name N")
	errApprovalNoEvidence = newTemplate(CodeInvalid, "an approval needs its evidence: --evidence TEXT or --evidence-file F")
)

// NewReferral is a person a customer names: only their name and company
// (and the language to write to them in) until they agree to more.
type NewReferral struct {
	Introducer    uint64
	Name, Company string
	Lang          string // "" for the settings' language
	Topic         string // what the introduction is about; may be empty
}

// Referral is a recorded referral with the introduction email the
// introducer sends in their own voice.
type Referral struct {
	Referred   consent.Prospect
	Introducer consent.Prospect
	Mail       consent.Email
}

// Refer records the referral (no email, no phone: every channel stays
// blocked, the notice clock starts) and writes the introduction email. A
// person who declined an earlier introduction is refused.
func (r *Referrals) Refer(n NewReferral) (Referral, error) {
	if strings.TrimSpace(n.Name) == "" {
		return Referral{}, errReferralNoName.New()
	}
	if n.Lang != "" {
		if err := refuseUnknown("language", n.Lang, consent.Languages); err != nil {
			return Referral{}, err
		}
	}
	st, err := r.st.Settings()
	if err != nil {
		return Referral{}, err
	}
	ref, err := r.st.Refer(n.Introducer, consent.Prospect{Name: n.Name, Company: n.Company, Lang: n.Lang}, n.Topic,
		store.AddOptions{Rep: r.env.rep(), Region: consent.RegionForLanguage(st.Lang), Now: r.env.now()})
	if err != nil {
		return Referral{}, err
	}
	intro, _ := r.st.Prospect(n.Introducer) // Refer just read it; the email can do without the name
	lang := n.Lang
	if lang == "" {
		lang = st.Lang
	}
	mail := consent.IntroductionEmail(intro, ref, n.Topic, settingsMail(st, r.env.rep()), lang)
	return Referral{Referred: ref, Introducer: intro, Mail: mail}, nil
}

// Approve records the person's yes with its evidence and only now stores
// the email and phone they agreed to share; follow-up opens on those
// channels.
func (r *Referrals) Approve(id uint64, email, phone, evidence string) (consent.Prospect, error) {
	evidence, err := consent.CheckEvidence(evidence)
	if err == nil && evidence == "" {
		err = consent.ErrNoEvidence
	}
	if err != nil {
		return consent.Prospect{}, answerError(err, errApprovalNoEvidence)
	}
	st, err := r.st.Settings()
	if err != nil {
		return consent.Prospect{}, err
	}
	return r.st.ApproveReferral(id, strings.TrimSpace(email), strings.TrimSpace(phone), evidence,
		store.AddOptions{Rep: r.env.rep(), Region: consent.RegionForLanguage(st.Lang), Now: r.env.now()})
}

// Decline reduces the referral to a tombstone and a suppression entry (the
// store's erasure), so the same person is not introduced again.
func (r *Referrals) Decline(id uint64, evidence string) error {
	evidence, err := consent.CheckEvidence(evidence)
	if err != nil {
		return answerError(err, errApprovalNoEvidence)
	}
	return r.st.DeclineReferral(id, evidence, r.env.rep(), r.env.now())
}
