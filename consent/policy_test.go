package consent

import (
	"strings"
	"testing"
	"time"
)

// t0 is when every test prospect was collected; day(n) is n days later.
var t0 = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)

func day(n int) time.Time { return t0.AddDate(0, 0, n) }

// defaultNow is a month after collection: inside retention, past the Art. 14
// deadline.
var defaultNow = day(30)

// rec builds a sealed record: Jane Doe, collected from src at t0 by "anna",
// followed by evs in order.
func rec(src Source, evs ...Event) Record {
	p := Prospect{ID: 7, Name: "Jane Doe", Company: "Acme", Email: "jane@acme.example", Phone: "+31205550100", Source: src, Created: t0}
	collected := Event{Time: t0, Kind: KindCollected, Source: src}
	switch src {
	case SourceCard:
		p.Event, collected.EventName = "Vakbeurs Utrecht", "Vakbeurs Utrecht"
	case SourceList:
		p.ListVendor, collected.ListVendor = "LeadCo", "LeadCo"
	case SourceReferral:
		p.Introducer, collected.Introducer = 3, 3
	}
	all := append([]Event{collected}, evs...)
	var prev *Event
	for i := range all {
		all[i].Prospect = p.ID
		if all[i].Rep == "" {
			all[i].Rep = "anna"
		}
		all[i].Seal(prev)
		prev = &all[i]
	}
	return Record{Prospect: p, Events: all}
}

func consentEv(kind EventKind, d int, p Purpose, ch Channel) Event {
	e := Event{Time: day(d), Kind: kind, Purpose: p, Channel: ch, Evidence: "reply.eml"}
	if kind == KindConsentGranted {
		e.Method = MethodEmailReply
	}
	return e
}

func grant(d int, p Purpose, ch Channel) Event    { return consentEv(KindConsentGranted, d, p, ch) }
func refuse(d int, p Purpose, ch Channel) Event   { return consentEv(KindConsentRefused, d, p, ch) }
func withdraw(d int, p Purpose, ch Channel) Event { return consentEv(KindConsentWithdrawn, d, p, ch) }

func vendorGrant(d int, p Purpose, ch Channel) Event {
	e := grant(d, p, ch)
	e.Method = MethodVendorProof
	return e
}

func pending(d int, p Purpose, ch Channel) Event {
	e := grant(d, p, ch)
	e.Method, e.Pending = MethodVerbalEmail, true
	return e
}

func expiring(e Event, d int) Event { e.Expires = day(d); return e }
func askAgain(e Event, d int) Event { e.AskAgain = day(d); return e }

func call(d int, outcome string) Event {
	return Event{Time: day(d), Kind: KindCallLogged, Outcome: outcome}
}

func callBack(d int, outcome string, back int) Event {
	e := call(d, outcome)
	e.Callback = day(back)
	return e
}

func ev(kind EventKind, d int) Event { return Event{Time: day(d), Kind: kind} }

func approve(d int, ch Channel) Event {
	return Event{Time: day(d), Kind: KindReferralApproved, Channel: ch, Evidence: "reply.eml"}
}

func withDNC(r Record) Record {
	r.DNC = &DNCHit{Register: "NL Bel-me-niet", Imported: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	return r
}

func erased(r Record) Record { r.Suppressed = true; return r }

const (
	email = ChannelEmail
	phone = ChannelPhone
)

type decideCase struct {
	name    string
	r       Record
	ch      Channel
	p       Purpose
	now     time.Time // zero: defaultNow
	months  int       // zero: the default 12
	allowed bool
	rule    string
	has     []string // facts the reason must name
}

func runDecide(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := c.now
			if now.IsZero() {
				now = defaultNow
			}
			d := Decide(c.r, c.ch, c.p, now, c.months)
			if d.Allowed != c.allowed || d.Rule != c.rule {
				t.Fatalf("Decide = allowed %v rule %q, want allowed %v rule %q\nreason: %s", d.Allowed, d.Rule, c.allowed, c.rule, d.Reason)
			}
			prefix := "Blocked: "
			if c.allowed {
				prefix = "Allowed: "
			}
			if !strings.HasPrefix(d.Reason, prefix) || len(d.Reason) < len(prefix)+20 {
				t.Errorf("reason %q should start with %q and explain", d.Reason, prefix)
			}
			for _, s := range c.has {
				if !strings.Contains(d.Reason, s) {
					t.Errorf("reason %q does not name %q", d.Reason, s)
				}
			}
		})
	}
}

// Section 3 and steps 1-3 of section 4: the blocks that beat everything.
func TestDecideBlocks(t *testing.T) {
	runDecide(t, []decideCase{
		{name: "erased beats everything", r: erased(rec(SourceCustomer, grant(1, PurposeFollowUp, email), ev(KindReactivated, 2))),
			ch: email, p: PurposeFollowUp, rule: RuleErased, has: []string{"erase"}},
		{name: "erased beats an objection", r: erased(rec(SourceCard, ev(KindObjection, 1))),
			ch: phone, p: PurposeFollowUp, rule: RuleErased},
		{name: "objection beats a grant", r: rec(SourceCard, grant(1, PurposeNewsletter, email), ev(KindObjection, 5)),
			ch: email, p: PurposeNewsletter, rule: RuleObjection, has: []string{"Jane Doe", "2026-01-15", "anna"}},
		{name: "objection beats a later grant", r: rec(SourceInbound, ev(KindObjection, 5), grant(6, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, rule: RuleObjection, has: []string{"2026-01-15"}},
		{name: "objection beats the source rule", r: rec(SourceCustomer, ev(KindObjection, 5)),
			ch: phone, p: PurposeFollowUp, rule: RuleObjection, has: []string{"any channel"}},
		{name: "objection scoped to a channel is still global", r: rec(SourceCard, Event{Time: day(5), Kind: KindObjection, Channel: phone}),
			ch: email, p: PurposeFollowUp, rule: RuleObjection},
		{name: "do-not-call call outcome is an objection", r: rec(SourceColdCall, call(1, OutcomeReached), call(4, OutcomeDoNotCall)),
			ch: email, p: PurposeFollowUp, rule: RuleObjection, has: []string{"said on the call of 2026-01-14", "2026-01-14"}},
		{name: "objection beats retention", r: rec(SourceCard, ev(KindObjection, 5)), now: day(800),
			ch: email, p: PurposeFollowUp, rule: RuleObjection},
		{name: "retention expired", r: rec(SourceCard), now: t0.AddDate(0, 13, 0),
			ch: email, p: PurposeFollowUp, rule: RuleRetentionExpired, has: []string{"12-month", "2027-01-10", "2026-01-10"}},
		{name: "retention expired on the day it ends", r: rec(SourceCard), now: t0.AddDate(1, 0, 0),
			ch: email, p: PurposeFollowUp, rule: RuleRetentionExpired, has: []string{"2027-01-10"}},
		{name: "retention expired beats a grant", r: rec(SourceCard, grant(1, PurposeNewsletter, email)), now: t0.AddDate(1, 1, 0),
			ch: email, p: PurposeNewsletter, rule: RuleRetentionExpired, has: []string{"2027-01-11"}},
		{name: "retention setting is honoured", r: rec(SourceCard), now: t0.AddDate(0, 13, 0), months: 24,
			ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceCard},
		{name: "short retention setting", r: rec(SourceCard), now: t0.AddDate(0, 3, 0), months: 2,
			ch: email, p: PurposeFollowUp, rule: RuleRetentionExpired, has: []string{"2-month", "2026-03-10"}},
		{name: "reactivation restarts retention", r: rec(SourceCard, ev(KindReactivated, 360)), now: t0.AddDate(0, 13, 0),
			ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceCard},
		{name: "a reached call restarts retention", r: rec(SourceColdCall, call(300, OutcomeReached)), now: t0.AddDate(0, 13, 0),
			ch: phone, p: PurposeFollowUp, allowed: true, rule: RuleSourceColdCall},
		{name: "an unanswered call does not restart retention", r: rec(SourceCard, call(300, OutcomeNoAnswer)), now: t0.AddDate(0, 13, 0),
			ch: email, p: PurposeFollowUp, rule: RuleRetentionExpired},
		{name: "a withdrawal does not restart retention", r: rec(SourceCard, withdraw(300, PurposeNewsletter, email)), now: t0.AddDate(0, 13, 0),
			ch: email, p: PurposeFollowUp, rule: RuleRetentionExpired},
		{name: "do-not-call register", r: withDNC(rec(SourceCard)),
			ch: phone, p: PurposeFollowUp, rule: RuleDoNotCall, has: []string{"+31 20 555 0100", "NL Bel-me-niet", "2026-01-02", "phone consent by email"}},
		{name: "do-not-call register with phone consent", r: withDNC(rec(SourceCard, grant(1, PurposeFollowUp, phone))),
			ch: phone, p: PurposeFollowUp, allowed: true, rule: RuleConsent, has: []string{"2026-01-11"}},
		{name: "do-not-call register needs consent for this purpose", r: withDNC(rec(SourceCard, grant(1, PurposeNewsletter, phone))),
			ch: phone, p: PurposeFollowUp, rule: RuleDoNotCall},
		{name: "do-not-call register beats the soft opt-in source", r: withDNC(rec(SourceCustomer)),
			ch: phone, p: PurposeFollowUp, rule: RuleDoNotCall, has: []string{"+31 20 555 0100"}},
		{name: "do-not-call register does not stop email", r: withDNC(rec(SourceCard)),
			ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceCard},
		{name: "tracking needs consent", r: rec(SourceCustomer),
			ch: email, p: PurposeTracking, rule: RuleTracking, has: []string{"tracking pixel"}},
		{name: "tracking with consent", r: rec(SourceInbound, grant(1, PurposeTracking, email)),
			ch: email, p: PurposeTracking, allowed: true, rule: RuleConsent},
	})
}

// Steps 4 and 5: the latest consent event for exactly (purpose, channel).
func TestDecideConsentEvents(t *testing.T) {
	runDecide(t, []decideCase{
		{name: "grant", r: rec(SourceCard, grant(1, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent, has: []string{"newsletter by email", "2026-01-11", "email-reply", "anna"}},
		{name: "withdrawal after grant", r: rec(SourceCard, grant(1, PurposeNewsletter, email), withdraw(5, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, rule: RuleWithdrawn, has: []string{"withdrew", "2026-01-15"}},
		{name: "grant after withdrawal", r: rec(SourceCard, withdraw(5, PurposeNewsletter, email), grant(9, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent, has: []string{"2026-01-19"}},
		{name: "refusal", r: rec(SourceInbound, refuse(2, PurposeEvents, email)),
			ch: email, p: PurposeEvents, rule: RuleRefused, has: []string{"refused", "events by email", "2026-01-12"}},
		{name: "refusal of follow-up beats the card source", r: rec(SourceCard, refuse(2, PurposeFollowUp, phone)),
			ch: phone, p: PurposeFollowUp, rule: RuleRefused, has: []string{"2026-01-12"}},
		{name: "withdrawal on another channel leaves this one", r: rec(SourceCard, grant(1, PurposeNewsletter, email), withdraw(5, PurposeNewsletter, phone)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent},
		{name: "withdrawal for another purpose leaves this one", r: rec(SourceCard, grant(1, PurposeNewsletter, email), withdraw(5, PurposeEvents, email)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent},
		{name: "withdrawal from everything", r: rec(SourceCard, grant(1, PurposeNewsletter, email), withdraw(5, "", "")),
			ch: email, p: PurposeNewsletter, rule: RuleWithdrawn, has: []string{"2026-01-15"}},
		{name: "grant for another channel does not count", r: rec(SourceCard, grant(1, PurposeNewsletter, phone)),
			ch: email, p: PurposeNewsletter, rule: RuleNoBasis},
		{name: "unexpired grant", r: rec(SourceCard, expiring(grant(1, PurposeNewsletter, email), 200)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent, has: []string{"valid until 2026-07-29"}},
		{name: "expired grant", r: rec(SourceCard, expiring(grant(1, PurposeNewsletter, email), 20)),
			ch: email, p: PurposeNewsletter, rule: RuleConsentExpired, has: []string{"expired on 2026-01-30", "2026-01-11"}},
		{name: "expired grant, source still allows follow-up", r: rec(SourceCard, expiring(grant(1, PurposeFollowUp, email), 20)),
			ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceCard},
		{name: "pending grant not counted", r: rec(SourceCard, pending(1, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, rule: RuleNoBasis},
		{name: "pending grant does not lift a refusal", r: rec(SourceInbound, refuse(1, PurposeOffers, phone), pending(3, PurposeOffers, phone)),
			ch: phone, p: PurposeOffers, rule: RuleRefused, has: []string{"2026-01-11"}},
		{name: "pending grant confirmed", r: rec(SourceCard, pending(1, PurposeNewsletter, email), grant(2, PurposeNewsletter, email)),
			ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent, has: []string{"2026-01-12"}},
		{name: "pending grant does not pass the do-not-call register", r: withDNC(rec(SourceCard, pending(1, PurposeFollowUp, phone))),
			ch: phone, p: PurposeFollowUp, rule: RuleDoNotCall},
		{name: "no source and no consent", r: rec(""),
			ch: email, p: PurposeFollowUp, rule: RuleNoBasis, has: []string{"Jane Doe", "follow-up by email"}},
	})
}

// Step 7: every row of the source table in section 1.
func TestDecideSources(t *testing.T) {
	runDecide(t, []decideCase{
		// card: follow-up on legitimate interest, marketing only with consent.
		{name: "card follow-up by email", r: rec(SourceCard), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceCard, has: []string{"Vakbeurs Utrecht", "2026-01-10", "privacy statement"}},
		{name: "card follow-up by phone", r: rec(SourceCard), ch: phone, p: PurposeFollowUp, allowed: true, rule: RuleSourceCard},
		{name: "card follow-up by post needs consent", r: rec(SourceCard), ch: ChannelPost, p: PurposeFollowUp, rule: RuleNoBasis, has: []string{"by post"}},
		{name: "card follow-up by sms needs consent", r: rec(SourceCard), ch: ChannelSMS, p: PurposeFollowUp, rule: RuleNoBasis},
		{name: "card newsletter without consent", r: rec(SourceCard), ch: email, p: PurposeNewsletter, rule: RuleNoBasis, has: []string{"newsletter by email"}},
		{name: "card offers with consent", r: rec(SourceCard, grant(2, PurposeOffers, email)), ch: email, p: PurposeOffers, allowed: true, rule: RuleConsent},
		{name: "card follow-up after not interested", r: rec(SourceCard, call(3, OutcomeNotInterested)), ch: email, p: PurposeFollowUp,
			rule: RuleNotInterested, has: []string{"2026-01-13"}},

		// referral: nothing until approval, then only the approved channels.
		{name: "referral before approval", r: rec(SourceReferral), ch: email, p: PurposeFollowUp,
			rule: RuleSourceReferralPending, has: []string{"2026-01-10", "name only"}},
		{name: "referral before approval names the request", r: rec(SourceReferral, ev(KindReferralRequested, 2)), ch: phone, p: PurposeFollowUp,
			rule: RuleSourceReferralPending, has: []string{"2026-01-12"}},
		{name: "referral after approval by email", r: rec(SourceReferral, approve(4, "")), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceReferral, has: []string{"2026-01-14", "email and phone"}},
		{name: "referral after approval by phone", r: rec(SourceReferral, approve(4, "")), ch: phone, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceReferral},
		{name: "referral approved for email only, phone asked", r: rec(SourceReferral, approve(4, email)), ch: phone, p: PurposeFollowUp,
			rule: RuleSourceReferralChannel, has: []string{"2026-01-14", "email only"}},
		{name: "referral approved for email only, email asked", r: rec(SourceReferral, approve(4, email)), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceReferral, has: []string{"by email"}},
		{name: "referral approvals add up", r: rec(SourceReferral, approve(4, email), approve(6, phone)), ch: phone, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceReferral, has: []string{"2026-01-16"}},
		{name: "referral declined", r: rec(SourceReferral, ev(KindReferralDeclined, 4)), ch: email, p: PurposeFollowUp,
			rule: RuleSourceReferralDecline, has: []string{"2026-01-14"}},
		{name: "referral approved then declined", r: rec(SourceReferral, approve(4, ""), ev(KindReferralDeclined, 6)), ch: email, p: PurposeFollowUp,
			rule: RuleSourceReferralDecline, has: []string{"2026-01-16"}},
		{name: "referral newsletter after approval needs consent", r: rec(SourceReferral, approve(4, "")), ch: email, p: PurposeNewsletter, rule: RuleNoBasis},

		// cold-call: after a call that reached the person and was not refused.
		{name: "cold-call before any call", r: rec(SourceColdCall), ch: email, p: PurposeFollowUp, rule: RuleSourceColdCallPending, has: []string{"reached"}},
		{name: "cold-call after voicemail only", r: rec(SourceColdCall, call(1, OutcomeVoicemail), call(2, OutcomeNoAnswer)), ch: email, p: PurposeFollowUp,
			rule: RuleSourceColdCallPending},
		{name: "cold-call after reaching the person", r: rec(SourceColdCall, call(1, OutcomeReached)), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceColdCall, has: []string{"2026-01-11", "why you called"}},
		{name: "cold-call reached, later voicemail", r: rec(SourceColdCall, call(1, OutcomeReached), call(5, OutcomeVoicemail)), ch: phone, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceColdCall, has: []string{"2026-01-11"}},
		{name: "cold-call reached, then not interested", r: rec(SourceColdCall, call(1, OutcomeReached), call(5, OutcomeNotInterested)), ch: email, p: PurposeFollowUp,
			rule: RuleNotInterested, has: []string{"2026-01-15"}},
		{name: "cold-call not interested, later reached again", r: rec(SourceColdCall, call(1, OutcomeNotInterested), call(40, OutcomeReached)), now: day(41),
			ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceColdCall, has: []string{"2026-02-19"}},
		{name: "cold-call refused follow-up by email", r: rec(SourceColdCall, call(1, OutcomeReached), refuse(1, PurposeFollowUp, email)), ch: email, p: PurposeFollowUp,
			rule: RuleRefused},
		{name: "cold-call marketing needs documented consent", r: rec(SourceColdCall, call(1, OutcomeReached)), ch: email, p: PurposeOffers, rule: RuleNoBasis},
		{name: "cold-call marketing with recorded-call consent", r: rec(SourceColdCall, call(1, OutcomeReached), grant(1, PurposeOffers, email)), ch: email, p: PurposeOffers,
			allowed: true, rule: RuleConsent},

		// list: only what the vendor can prove.
		{name: "bought list without vendor proof", r: rec(SourceList), ch: email, p: PurposeFollowUp,
			rule: RuleSourceListNoProof, has: []string{"LeadCo", "vendor"}},
		{name: "bought list with vendor proof", r: rec(SourceList, vendorGrant(1, PurposeFollowUp, email)), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleConsent, has: []string{"vendor-proof", "2026-01-11"}},
		{name: "bought list, vendor proof for another channel", r: rec(SourceList, vendorGrant(1, PurposeFollowUp, email)), ch: phone, p: PurposeFollowUp,
			rule: RuleSourceListNoProof, has: []string{"by phone"}},
		{name: "bought list, vendor proof of contact by other companies", r: rec(SourceList, vendorGrant(1, PurposeThirdParty, email)), ch: email, p: PurposeFollowUp,
			allowed: true, rule: RuleSourceList, has: []string{"2026-01-11", "other companies"}},
		{name: "bought list, third-party consent without vendor proof", r: rec(SourceList, grant(1, PurposeThirdParty, email)), ch: email, p: PurposeFollowUp,
			rule: RuleSourceListNoProof},
		{name: "bought list, vendor proof withdrawn", r: rec(SourceList, vendorGrant(1, PurposeThirdParty, email), withdraw(3, PurposeThirdParty, email)),
			ch: email, p: PurposeFollowUp, rule: RuleSourceListNoProof},
		{name: "bought list newsletter covered by vendor proof", r: rec(SourceList, vendorGrant(1, PurposeNewsletter, email)), ch: email, p: PurposeNewsletter,
			allowed: true, rule: RuleConsent},
		{name: "bought list newsletter not covered", r: rec(SourceList, vendorGrant(1, PurposeFollowUp, email)), ch: email, p: PurposeNewsletter, rule: RuleNoBasis},

		// inbound: consent exactly as ticked, follow-up allowed.
		{name: "inbound follow-up", r: rec(SourceInbound), ch: email, p: PurposeFollowUp, allowed: true, rule: RuleSourceInbound, has: []string{"2026-01-10"}},
		{name: "inbound ticked newsletter", r: rec(SourceInbound, grant(0, PurposeNewsletter, email)), ch: email, p: PurposeNewsletter, allowed: true, rule: RuleConsent},
		{name: "inbound did not tick product info", r: rec(SourceInbound, grant(0, PurposeNewsletter, email)), ch: email, p: PurposeProductInfo, rule: RuleNoBasis},

		// customer: contract, plus the soft opt-in for similar offers by email.
		{name: "customer follow-up by phone", r: rec(SourceCustomer), ch: phone, p: PurposeFollowUp, allowed: true, rule: RuleSourceCustomer, has: []string{"contract"}},
		{name: "customer soft opt-in for offers by email", r: rec(SourceCustomer), ch: email, p: PurposeOffers,
			allowed: true, rule: RuleSoftOptIn, has: []string{"opt-out", "offers"}},
		{name: "customer soft opt-in for product info by email", r: rec(SourceCustomer), ch: email, p: PurposeProductInfo, allowed: true, rule: RuleSoftOptIn},
		{name: "customer soft opt-in not by phone", r: rec(SourceCustomer), ch: phone, p: PurposeOffers, rule: RuleNoBasis, has: []string{"email only"}},
		{name: "customer soft opt-in not by post", r: rec(SourceCustomer), ch: ChannelPost, p: PurposeProductInfo, rule: RuleNoBasis, has: []string{"email only"}},
		{name: "customer unrelated event needs consent", r: rec(SourceCustomer), ch: email, p: PurposeEvents, rule: RuleNoBasis, has: []string{"customer", "events"}},
		{name: "customer newsletter needs consent", r: rec(SourceCustomer), ch: email, p: PurposeNewsletter, rule: RuleNoBasis, has: []string{"newsletter"}},
		{name: "customer third-party sharing needs consent", r: rec(SourceCustomer), ch: email, p: PurposeThirdParty, rule: RuleNoBasis},
		{name: "customer event with consent", r: rec(SourceCustomer, grant(3, PurposeEvents, email)), ch: email, p: PurposeEvents, allowed: true, rule: RuleConsent},
		{name: "customer opted out of offers", r: rec(SourceCustomer, withdraw(3, PurposeOffers, email)), ch: email, p: PurposeOffers,
			rule: RuleWithdrawn, has: []string{"2026-01-13"}},

		// social: nothing outside the platform until consent.
		{name: "social follow-up without consent", r: rec(SourceSocial), ch: email, p: PurposeFollowUp, rule: RuleSourceSocial, has: []string{"platform"}},
		{name: "social follow-up with consent", r: rec(SourceSocial, grant(2, PurposeFollowUp, email)), ch: email, p: PurposeFollowUp, allowed: true, rule: RuleConsent},
		{name: "social consent by email does not cover phone", r: rec(SourceSocial, grant(2, PurposeFollowUp, email)), ch: phone, p: PurposeFollowUp, rule: RuleSourceSocial},
	})
}

func TestDecideShowsLocalDates(t *testing.T) {
	// 23:30 UTC on 14 January is already 15 January in Oslo.
	r := rec(SourceCard, Event{Time: time.Date(2026, 1, 14, 23, 30, 0, 0, time.UTC), Kind: KindObjection})
	oslo := time.FixedZone("CET", 3600)
	d := Decide(r, email, PurposeFollowUp, defaultNow.In(oslo), 12)
	if !strings.Contains(d.Reason, "2026-01-15") {
		t.Fatalf("reason %q should show the local date 2026-01-15", d.Reason)
	}
}

func TestConsentState(t *testing.T) {
	cases := []struct {
		name   string
		r      Record
		p      Purpose
		ch     Channel
		status ConsentStatus
		at     time.Time
		method Method
	}{
		{"none", rec(SourceCard), PurposeNewsletter, email, StatusNone, time.Time{}, ""},
		{"granted", rec(SourceCard, grant(1, PurposeNewsletter, email)), PurposeNewsletter, email, StatusGranted, day(1), MethodEmailReply},
		{"other cell untouched", rec(SourceCard, grant(1, PurposeNewsletter, email)), PurposeNewsletter, phone, StatusNone, time.Time{}, ""},
		{"pending", rec(SourceCard, pending(2, PurposeOffers, phone)), PurposeOffers, phone, StatusPending, day(2), MethodVerbalEmail},
		{"pending after refusal", rec(SourceCard, refuse(1, PurposeOffers, phone), pending(2, PurposeOffers, phone)), PurposeOffers, phone, StatusPending, day(2), MethodVerbalEmail},
		{"confirmed grant hides older pending", rec(SourceCard, pending(1, PurposeOffers, phone), grant(2, PurposeOffers, phone)), PurposeOffers, phone, StatusGranted, day(2), MethodEmailReply},
		{"granted stays granted with pending re-consent", rec(SourceCard, grant(1, PurposeOffers, phone), pending(2, PurposeOffers, phone)), PurposeOffers, phone, StatusGranted, day(1), MethodEmailReply},
		{"refused", rec(SourceCard, refuse(3, PurposeEvents, email)), PurposeEvents, email, StatusRefused, day(3), ""},
		{"withdrawn", rec(SourceCard, grant(1, PurposeEvents, email), withdraw(4, PurposeEvents, email)), PurposeEvents, email, StatusWithdrawn, day(4), ""},
		{"withdrawn from everything", rec(SourceCard, grant(1, PurposeEvents, email), withdraw(4, "", "")), PurposeEvents, email, StatusWithdrawn, day(4), ""},
		{"expired", rec(SourceCard, expiring(grant(1, PurposeEvents, email), 10)), PurposeEvents, email, StatusExpired, day(1), MethodEmailReply},
		{"not yet expired", rec(SourceCard, expiring(grant(1, PurposeEvents, email), 100)), PurposeEvents, email, StatusGranted, day(1), MethodEmailReply},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.r.ConsentStateAt(c.p, c.ch, defaultNow)
			if got.Status != c.status || !got.Time.Equal(c.at) || got.Method != c.method {
				t.Fatalf("ConsentStateAt = %+v, want status %s at %v method %q", got, c.status, c.at, c.method)
			}
			if c.status != StatusNone && got.Rep != "anna" {
				t.Errorf("Rep = %q, want anna", got.Rep)
			}
		})
	}
	// ConsentState uses the clock: a grant expiring in 2000 is expired now.
	r := rec(SourceCard, grant(1, PurposeEvents, email))
	r.Events[1].Expires = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := r.ConsentState(PurposeEvents, email).Status; got != StatusExpired {
		t.Errorf("ConsentState with an old expiry = %s, want expired", got)
	}
}

func TestLastActivityAndRetention(t *testing.T) {
	cases := []struct {
		name   string
		r      Record
		months int
		last   time.Time
		ends   time.Time
	}{
		{"collected only", rec(SourceCard), 12, t0, t0.AddDate(1, 0, 0)},
		{"default months", rec(SourceCard), 0, t0, t0.AddDate(1, 0, 0)},
		{"grant counts", rec(SourceCard, grant(5, PurposeEvents, email)), 6, day(5), day(5).AddDate(0, 6, 0)},
		{"pending grant counts", rec(SourceCard, pending(5, PurposeEvents, email)), 12, day(5), day(5).AddDate(1, 0, 0)},
		{"reached call counts", rec(SourceColdCall, call(9, OutcomeReached)), 12, day(9), day(9).AddDate(1, 0, 0)},
		{"voicemail does not count", rec(SourceColdCall, call(9, OutcomeVoicemail)), 12, t0, t0.AddDate(1, 0, 0)},
		{"email counts", rec(SourceCard, ev(KindEmailGenerated, 11)), 12, day(11), day(11).AddDate(1, 0, 0)},
		{"referral approval counts", rec(SourceReferral, approve(12, "")), 12, day(12), day(12).AddDate(1, 0, 0)},
		{"reactivation counts", rec(SourceCard, ev(KindReactivated, 13)), 12, day(13), day(13).AddDate(1, 0, 0)},
		{"refusal, export, rectification do not count", rec(SourceCard, refuse(3, PurposeEvents, email), ev(KindExported, 4), ev(KindRectified, 5), ev(KindInformed, 6)), 12, t0, t0.AddDate(1, 0, 0)},
		{"empty record", Record{}, 12, time.Time{}, time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := LastActivity(c.r); !got.Equal(c.last) {
				t.Errorf("LastActivity = %v, want %v", got, c.last)
			}
			if got := RetentionEnds(c.r, c.months); !got.Equal(c.ends) {
				t.Errorf("RetentionEnds = %v, want %v", got, c.ends)
			}
		})
	}
}

func TestInformed(t *testing.T) {
	if _, ok := Informed(rec(SourceReferral)); ok {
		t.Error("a new referral should not count as informed")
	}
	at, ok := Informed(rec(SourceReferral, ev(KindInformed, 3), ev(KindInformed, 9)))
	if !ok || !at.Equal(day(3)) {
		t.Errorf("Informed = %v, %v; want the first notice, %v", at, ok, day(3))
	}
}

func TestParseOutcome(t *testing.T) {
	if o, err := ParseOutcome(" Reached "); err != nil || o != OutcomeReached {
		t.Errorf("ParseOutcome(Reached) = %q, %v", o, err)
	}
	if _, err := ParseOutcome("maybe"); err == nil || !strings.Contains(err.Error(), "not-interested") {
		t.Errorf("ParseOutcome(maybe) error %v should list the outcomes", err)
	}
}

// FuzzDecide builds ledgers from arbitrary bytes and checks that every answer
// is well formed and that the top blocks hold whatever else is in the ledger.
func FuzzDecide(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, uint8(0), uint8(0), uint8(0), false)
	f.Add([]byte{5, 9, 13, 40, 2}, uint8(2), uint8(1), uint8(4), true)
	f.Add([]byte{7, 7, 7}, uint8(3), uint8(1), uint8(0), false)
	kinds := []EventKind{KindConsentGranted, KindConsentRefused, KindConsentWithdrawn, KindCallLogged, KindReferralApproved,
		KindReferralDeclined, KindReferralRequested, KindInformed, KindEmailGenerated, KindReactivated, KindObjection}
	f.Fuzz(func(t *testing.T, data []byte, src, ch, p uint8, dnc bool) {
		var evs []Event
		objected := false
		for i, b := range data {
			e := Event{Time: day(i), Kind: kinds[int(b)%len(kinds)], Pending: b&0x80 != 0,
				Purpose: Purposes[int(b>>2)%len(Purposes)], Channel: Channels[int(b>>4)%len(Channels)],
				Outcome: Outcomes[int(b>>3)%len(Outcomes)], Method: MethodEmailReply}
			if b&0x40 != 0 {
				e.Expires = day(i + int(b%40))
			}
			objected = objected || e.Kind == KindObjection || (e.Kind == KindCallLogged && e.Outcome == OutcomeDoNotCall)
			evs = append(evs, e)
		}
		r := rec(Sources[int(src)%len(Sources)], evs...)
		if dnc {
			r = withDNC(r)
		}
		c, pu := Channels[int(ch)%len(Channels)], Purposes[int(p)%len(Purposes)]
		d := Decide(r, c, pu, day(len(data)+1), 12)
		want := map[bool]string{true: "Allowed: ", false: "Blocked: "}[d.Allowed]
		if d.Rule == "" || !strings.HasPrefix(d.Reason, want) {
			t.Fatalf("malformed decision %+v", d)
		}
		if objected && d.Rule != RuleObjection {
			t.Fatalf("objection in the ledger but rule %q", d.Rule)
		}
		if dnc && c == ChannelPhone && d.Allowed && d.Rule != RuleConsent {
			t.Fatalf("number on a do-not-call register allowed by %q", d.Rule)
		}
		if e := erased(r); Decide(e, c, pu, day(len(data)+1), 12).Rule != RuleErased {
			t.Fatal("an erased record was not blocked as erased")
		}
	})
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Ångström": "angstrom", "Jørgen": "jorgen", "Łukasz Żółw": "lukasz zolw", "Schüller": "schuller",
		"Straße": "strasse", "ÆBLE": "aeble", "Zoë": "zoe", "安藤": "安藤", "ABC def": "abc def", "Çelik": "celik", "A\u030angstro\u0308m": "angstrom",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
