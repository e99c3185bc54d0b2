package pdfreport

import (
	"strings"
	"time"

	"warmlead/consent"
)

// datedRules are the decision rules whose sentence names a date as well as
// the person (decisionSentence finds it).
var datedRules = map[string]bool{
	consent.RuleObjection: true, consent.RuleRetentionExpired: true, consent.RuleWithdrawn: true, consent.RuleRefused: true,
	consent.RuleConsent: true, consent.RuleConsentExpired: true, consent.RuleSourceCard: true, consent.RuleSourceInbound: true,
	consent.RuleSourceReferralPending: true, consent.RuleSourceAddressBook: true,
}

// decisionSentence is Decide's answer on follow-up by email as a whole
// sentence in the document's language, one per rule ("decision.<rule>"),
// naming the person and, for datedRules, the day the rule rests on.
// (Decision.Reason is English, with ISO dates; the document says the same
// in its own language.) A rule the texts do not know yet gets a bare
// "Allowed."/"Blocked.": the rule's name follows it anyway.
func (d *doc) decisionSentence(r consent.Record, dec consent.Decision) string {
	who := strings.TrimSpace(r.Prospect.Name)
	if who == "" {
		who = d.t("decision.who")
	}
	id := "decision." + dec.Rule
	if _, ok := d.texts[id]; !ok {
		if dec.Allowed {
			return d.t("decision.allowed")
		}
		return d.t("decision.blocked")
	}
	if !datedRules[dec.Rule] {
		return d.tf(id, who)
	}
	var day time.Time
	switch dec.Rule {
	case consent.RuleObjection:
		if e := objectionEvent(r); e != nil {
			day = e.Time
		}
	case consent.RuleRetentionExpired:
		day = consent.RetentionEnds(r, d.m.Settings.RetentionMonths)
	case consent.RuleWithdrawn, consent.RuleRefused, consent.RuleConsent:
		if e := latestConsent(r, consent.PurposeFollowUp, consent.ChannelEmail); e != nil {
			day = e.Time
		}
	case consent.RuleConsentExpired:
		if e := latestConsent(r, consent.PurposeFollowUp, consent.ChannelEmail); e != nil {
			day = e.Expires
		}
	case consent.RuleSourceCard, consent.RuleSourceInbound, consent.RuleSourceAddressBook:
		day = consent.Collected(r)
	case consent.RuleSourceReferralPending:
		day = consent.Collected(r)
		for i := len(r.Events) - 1; i >= 0; i-- {
			if r.Events[i].Kind == consent.KindReferralRequested {
				day = r.Events[i].Time
				break
			}
		}
	}
	return d.tf(id, who, d.date(day))
}

// latestConsent is the grant, refusal or withdrawal Decide reads for (p, ch):
// the last confirmed grant of exactly that pair, or the last refusal or
// withdrawal covering it (an empty purpose or channel covers all).
func latestConsent(r consent.Record, p consent.Purpose, ch consent.Channel) *consent.Event {
	for i := len(r.Events) - 1; i >= 0; i-- {
		e := &r.Events[i]
		switch e.Kind {
		case consent.KindConsentGranted:
			if !e.Pending && e.Purpose == p && e.Channel == ch {
				return e
			}
		case consent.KindConsentRefused, consent.KindConsentWithdrawn:
			if (e.Purpose == "" || e.Purpose == p) && (e.Channel == "" || e.Channel == ch) {
				return e
			}
		}
	}
	return nil
}
