package consent

import "time"

// Step 7 of the decision order: what a prospect's source allows without a
// recorded consent (consent-rules.md section 1). Only one-to-one follow-up by
// email or phone, and a customer's soft opt-in, can rest on something other
// than consent; everything else falls through to "no lawful basis".

// Soft opt-in purposes: offers about the company's own similar products. The
// newsletter is deliberately not one of them: it mixes corporate news, blogs
// and event invitations, which go beyond "similar products" (001 "Klanten vs
// prospects", 003 §3), so it needs consent even from a customer.
var softOptInPurposes = map[Purpose]bool{PurposeProductInfo: true, PurposeOffers: true}

// sourceRule returns the source's answer, and false when the source has
// nothing to say (the caller then reports "no lawful basis").
func sourceRule(r Record, f reasonFmt, ch Channel, p Purpose) (Decision, bool) {
	src := SourceOf(r)
	if p != PurposeFollowUp {
		if src == SourceCustomer {
			return customerMarketing(f, ch, p)
		}
		return Decision{}, false
	}
	// The table allows follow-up without consent by email or phone only;
	// SMS and post are marketing channels that need consent (001 "Ook
	// reguliere post").
	if ch != ChannelEmail && ch != ChannelPhone {
		return Decision{}, false
	}
	// A call that ended in "not interested" is a refusal of follow-up for
	// every source, not only cold calls: legitimate interest cannot outweigh
	// a person who just said no. A later call that reached them lifts it.
	if e := notInterested(r.Events); e != nil {
		return block(RuleNotInterested, tNotInterested.msg(e, "Who", f.who, "Day", f.day(e.Time))), true
	}
	switch src {
	case SourceCard:
		if ev := eventName(r); ev != "" {
			return allow(RuleSourceCard, Msg(tCardAt, "Who", f.who, "Event", ev, "Day", f.day(Collected(r)))), true
		}
		return allow(RuleSourceCard, Msg(tCard, "Who", f.who, "Day", f.day(Collected(r)))), true
	case SourceAddressBook:
		return allow(RuleSourceAddressBook, Msg(tAddressBook, "Who", f.who, "Day", f.day(Collected(r)))), true
	case SourceInbound:
		return allow(RuleSourceInbound, Msg(tInbound, "Who", f.who, "Day", f.day(Collected(r)))), true
	case SourceCustomer:
		return allow(RuleSourceCustomer, Msg(tCustomer, "Who", f.who)), true
	case SourceColdCall:
		return coldCall(r, f)
	case SourceReferral:
		return referral(r, f, ch)
	case SourceList:
		return list(r, f, ch)
	case SourceSocial:
		return block(RuleSourceSocial, Msg(tSocial, "Who", f.who, "Channel", ch)), true
	}
	return Decision{}, false
}

// customerMarketing is the soft opt-in: similar offers by email, each with an
// opt-out (the opt-out itself is a withdrawal event, caught in step 4).
// The soft opt-in is an email rule, so phone, SMS and post need consent.
func customerMarketing(f reasonFmt, ch Channel, p Purpose) (Decision, bool) {
	switch {
	case p == PurposeTracking:
		return Decision{}, false // section 3: tracking always needs consent
	case softOptInPurposes[p] && ch == ChannelEmail:
		return allow(RuleSoftOptIn, Msg(tSoftOptIn, "Who", f.who, "Purpose", p)), true
	case softOptInPurposes[p]:
		return block(RuleNoBasis, Msg(tSoftOptInEmailOnly, "Who", f.who, "Purpose", p, "Channel", ch)), true
	default:
		return block(RuleNoBasis, Msg(tCustomerNoBasis, "Who", f.who, "Purpose", p, "Channel", ch)), true
	}
}

// notInterested returns the last "not interested" call if no call reached the
// person after it.
func notInterested(events []Event) *Event {
	var last *Event
	for i := range events {
		e := &events[i]
		if e.Kind != KindCallLogged {
			continue
		}
		switch e.Outcome {
		case OutcomeNotInterested:
			last = e
		case OutcomeReached:
			last = nil
		}
	}
	return last
}

// coldCall: legitimate interest once a call reached the person and did not
// end in a refusal (refusals are caught before, by notInterested).
func coldCall(r Record, f reasonFmt) (Decision, bool) {
	var reached *Event
	for i := range r.Events {
		if e := &r.Events[i]; e.Kind == KindCallLogged && e.Outcome == OutcomeReached {
			reached = e
		}
	}
	if reached == nil {
		return block(RuleSourceColdCallPending, Msg(tColdCallNotReached, "Who", f.who)), true
	}
	return allow(RuleSourceColdCall, Msg(tColdCall, "Day", f.day(reached.Time), "Who", f.who)), true
}

// referral: nothing but the name may be used until the person approves the
// introduction, and then only on the channels the approval covers (empty
// Channel: email and phone). A decline after approvals cancels them.
func referral(r Record, f reasonFmt, ch Channel) (Decision, bool) {
	var approved []*Event
	var declined *Event
	for i := range r.Events {
		switch e := &r.Events[i]; e.Kind {
		case KindReferralApproved:
			approved = append(approved, e)
			declined = nil
		case KindReferralDeclined:
			approved, declined = nil, e
		}
	}
	if declined != nil {
		return block(RuleSourceReferralDecline, Msg(tReferralDeclined, "Who", f.who, "Day", f.day(declined.Time))), true
	}
	if len(approved) == 0 {
		return block(RuleSourceReferralPending, Msg(tReferralPending, "Who", f.who, "Day", f.day(referralAsked(r)))), true
	}
	for _, e := range approved {
		switch e.Channel {
		case "":
			return allow(RuleSourceReferral, Msg(tReferralApproved, "Who", f.who, "Day", f.day(e.Time))), true
		case ch:
			return allow(RuleSourceReferral, Msg(tReferralApprovedBy, "Who", f.who, "Day", f.day(e.Time), "Channel", ch)), true
		}
	}
	e := approved[len(approved)-1]
	return block(RuleSourceReferralChannel, Msg(tReferralOtherChannel, "Who", f.who, "Day", f.day(e.Time), "Approved", e.Channel, "Channel", ch)), true
}

// referralAsked is when the introduction was requested: the last referral
// requested event, else collection.
func referralAsked(r Record) time.Time {
	for i := len(r.Events) - 1; i >= 0; i-- {
		if r.Events[i].Kind == KindReferralRequested {
			return r.Events[i].Time
		}
	}
	return Collected(r)
}

// list: a bought list carries only the consent the vendor documents. A
// vendor proof for follow-up itself was already honoured in step 5. A vendor
// proof for third-party-sharing on this channel also counts: the person agreed
// that other companies may contact them that way (002 §3).
func list(r Record, f reasonFmt, ch Channel) (Decision, bool) {
	if e := latestConsent(r.Events, PurposeThirdParty, ch); e != nil && e.Kind == KindConsentGranted && e.Method == MethodVendorProof &&
		(e.Expires.IsZero() || f.now.Before(e.Expires)) {
		return allow(RuleSourceList, Msg(tListVendorProof, "Day", f.day(e.Time), "Who", f.who, "Channel", ch)), true
	}
	if v := listVendor(r); v != "" {
		return block(RuleSourceListNoProof, Msg(tListNoProofFrom, "Who", f.who, "Vendor", v, "Channel", ch)), true
	}
	return block(RuleSourceListNoProof, Msg(tListNoProof, "Who", f.who, "Channel", ch)), true
}

func eventName(r Record) string {
	return ownOrCollected(r, r.Prospect.Event, func(e *Event) string { return e.EventName })
}

func listVendor(r Record) string {
	return ownOrCollected(r, r.Prospect.ListVendor, func(e *Event) string { return e.ListVendor })
}

// ownOrCollected is the prospect's own value when it is set, else the first
// one a collected event of its ledger recorded (a record written before the
// prospect carried the field), else the zero value.
func ownOrCollected[T comparable](r Record, own T, field func(*Event) T) T {
	var zero T
	if own != zero {
		return own
	}
	for i := range r.Events {
		if r.Events[i].Kind != KindCollected {
			continue
		}
		if v := field(&r.Events[i]); v != zero {
			return v
		}
	}
	return zero
}
