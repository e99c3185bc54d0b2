package consent

import (
	"slices"
	"time"
)

// The sentences the policy (Decide) and the deadlines (DueItems) tell a rep,
// as Message templates. Each is one complete sentence in English, which is
// also its translation key (assets/translations/reasons.*.json), so a
// translator always sees a whole sentence: optional parts such as ", recorded
// by Rita" get a template of their own instead of being glued on.
//
// Fields, by name:
//
//	Who        the prospect's name (string), or the phrase "this person"
//	Day, ...   days (time.Time, in the caller's location)
//	Purpose    Purpose; Channel, Approved: Channel; Source; Method
//	Rep        the rep who recorded the event (string)
//	Phone      the formatted number (string), or the phrase "the phone number of"
//	Register   a do-not-call register's own name ("NL Bel-me-niet"); Event, Vendor: names
//	Count      the retention period in months (int; the translations have plural forms)

var reasonTemplates []string

// reason registers a template, so ReasonTemplates can list it.
func reason(template string) string {
	reasonTemplates = append(reasonTemplates, template)
	return template
}

// ReasonTemplates lists every template Decide and DueItems can produce,
// nested phrases included, in the order they are declared here.
func ReasonTemplates() []string { return slices.Clone(reasonTemplates) }

// recorded is a sentence with and without the rep who recorded the event.
type recorded struct{ plain, byRep string }

func withRep(plain, byRep string) recorded { return recorded{reason(plain), reason(byRep)} }

// msg builds the sentence for event e: with Rep when e names one.
func (t recorded) msg(e *Event, kv ...any) Message {
	if e.Rep == "" {
		return Msg(t.plain, kv...)
	}
	return Msg(t.byRep, append(kv, "Rep", e.Rep)...)
}

// Phrases used as values inside other sentences.
var (
	tThisPerson = reason("this person")
	tPhoneOf    = reason("the phone number of {{.Who}}")
)

// Decide, steps 1 to 6 and 8 (policy.go).
var (
	tErased = reason("Blocked: this person asked to be erased; only a suppression entry remains, so they may not be contacted or re-added.")

	tObjection = withRep(
		"Blocked: {{.Who}} asked not to be contacted at all (on {{.Day}}). Do not contact them on any channel.",
		"Blocked: {{.Who}} asked not to be contacted at all (on {{.Day}}, recorded by {{.Rep}}). Do not contact them on any channel.")
	tObjectionOnCall = withRep(
		"Blocked: {{.Who}} asked not to be contacted at all (said on the call of {{.Day}}). Do not contact them on any channel.",
		"Blocked: {{.Who}} asked not to be contacted at all (said on the call of {{.Day}}, recorded by {{.Rep}}). Do not contact them on any channel.")

	tRetentionExpired = reason("Blocked: the {{.Count}}-month retention period for {{.Who}} ended on {{.Ends}} (last activity {{.LastActivity}}). Erase them, or record a re-activation if they got in touch again.")

	tWithdrawn = withRep(
		"Blocked: {{.Who}} withdrew consent for {{.Purpose}} by {{.Channel}} on {{.Day}}.",
		"Blocked: {{.Who}} withdrew consent for {{.Purpose}} by {{.Channel}} on {{.Day}}, recorded by {{.Rep}}.")
	tRefused = withRep(
		"Blocked: {{.Who}} refused {{.Purpose}} by {{.Channel}} on {{.Day}}.",
		"Blocked: {{.Who}} refused {{.Purpose}} by {{.Channel}} on {{.Day}}, recorded by {{.Rep}}.")
	tGranted = withRep(
		"Allowed: {{.Who}} gave consent for {{.Purpose}} by {{.Channel}} on {{.Day}} ({{.Method}}).",
		"Allowed: {{.Who}} gave consent for {{.Purpose}} by {{.Channel}} on {{.Day}} ({{.Method}}, recorded by {{.Rep}}).")
	tGrantedUntil = withRep(
		"Allowed: {{.Who}} gave consent for {{.Purpose}} by {{.Channel}} on {{.Day}} ({{.Method}}), valid until {{.Until}}.",
		"Allowed: {{.Who}} gave consent for {{.Purpose}} by {{.Channel}} on {{.Day}} ({{.Method}}, recorded by {{.Rep}}), valid until {{.Until}}.")

	// The do-not-call register, keyed by {has its name, has its import day}.
	tDoNotCall = map[[2]bool]string{
		{true, true}:   reason("Blocked: {{.Phone}} is on the do-not-call register {{.Register}} (imported {{.Imported}}). Ask for phone consent by email first."),
		{true, false}:  reason("Blocked: {{.Phone}} is on the do-not-call register {{.Register}}. Ask for phone consent by email first."),
		{false, true}:  reason("Blocked: {{.Phone}} is on the do-not-call register (imported {{.Imported}}). Ask for phone consent by email first."),
		{false, false}: reason("Blocked: {{.Phone}} is on the do-not-call register. Ask for phone consent by email first."),
	}

	tConsentExpired = reason("Blocked: consent from {{.Who}} for {{.Purpose}} by {{.Channel}} expired on {{.Expired}} (given {{.Given}}). Ask them again.")
	tTracking       = reason("Blocked: {{.Who}} has not consented to tracking by {{.Channel}}, so emails to them carry no tracking pixel or tracked link.")
	tNoBasis        = reason("Blocked: no lawful basis to contact {{.Who}} for {{.Purpose}} by {{.Channel}}: silence is not consent, so record their consent first.")
)

// Decide, step 7: what the source allows (sources.go).
var (
	tNotInterested = withRep(
		"Blocked: {{.Who}} said they were not interested on the call of {{.Day}}. Do not follow up unless they consent.",
		"Blocked: {{.Who}} said they were not interested on the call of {{.Day}}, recorded by {{.Rep}}. Do not follow up unless they consent.")

	tCard   = reason("Allowed: {{.Who}} handed over a business card on {{.Day}}; one-to-one follow-up rests on legitimate interest. Include the privacy statement in the first email.")
	tCardAt = reason("Allowed: {{.Who}} handed over a business card at {{.Event}} on {{.Day}}; one-to-one follow-up rests on legitimate interest. Include the privacy statement in the first email.")

	tAddressBook = reason("Allowed: {{.Who}} comes from your own address book (imported on {{.Day}}), an existing business contact; one-to-one follow-up rests on legitimate interest. Include the privacy statement in the first email.")
	tPhoneUnread = reason("Blocked: no country code: cannot check the do-not-call register. The number of {{.Who}} is kept as written ({{.Phone}}); correct it with its country code, e.g. +31 20 555 0100, before calling.")

	tInbound  = reason("Allowed: {{.Who}} contacted you themselves on {{.Day}}; follow up one-to-one as they asked, and send marketing only as they ticked it.")
	tCustomer = reason("Allowed: {{.Who}} is a customer; one-to-one follow-up rests on the contract.")
	tSocial   = reason("Blocked: {{.Who}} is a social network connection, which gives no basis outside the platform. Continue there until they agree to be contacted by {{.Channel}}, then record that consent.")

	tSoftOptIn          = reason("Allowed: {{.Who}} is a customer, so sending {{.Purpose}} by email about products like the ones they bought needs no consent (soft opt-in). Every message must carry an opt-out link.")
	tSoftOptInEmailOnly = reason("Blocked: the customer soft opt-in covers email only; ask {{.Who}} for consent to {{.Purpose}} by {{.Channel}} first.")
	tCustomerNoBasis    = reason(`Blocked: {{.Who}} is a customer, but the purpose "{{.Purpose}}" is outside the contract and the soft opt-in: record their consent for {{.Purpose}} by {{.Channel}} first.`)

	tColdCallNotReached = reason("Blocked: no logged call has reached {{.Who}} yet; a cold-call prospect may be followed up only after a call that reached them and did not end in a refusal.")
	tColdCall           = reason("Allowed: the call of {{.Day}} reached {{.Who}} and did not end in a refusal (legitimate interest). The follow-up email says why you called, what was agreed and why you follow up by email.")

	tReferralDeclined     = reason("Blocked: {{.Who}} declined the introduction on {{.Day}}. Do not contact them; erase the name.")
	tReferralPending      = reason("Blocked: {{.Who}} was referred on {{.Day}} and has not approved the introduction yet. Keep the name only until their approval is recorded.")
	tReferralApproved     = reason("Allowed: {{.Who}} approved the introduction on {{.Day}} for contact by email and phone.")
	tReferralApprovedBy   = reason("Allowed: {{.Who}} approved the introduction on {{.Day}} for contact by {{.Channel}}.")
	tReferralOtherChannel = reason("Blocked: {{.Who}} approved the introduction on {{.Day}} for {{.Approved}} only. Ask them by {{.Approved}} before using {{.Channel}}.")

	tListVendorProof = reason("Allowed: the vendor proof recorded on {{.Day}} shows {{.Who}} agreed to be contacted by other companies by {{.Channel}}.")
	tListNoProof     = reason("Blocked: {{.Who}} comes from a bought list and no vendor proof of consent covers follow-up by {{.Channel}}. Record the vendor's proof (vendor-proof) or ask for consent first.")
	tListNoProofFrom = reason("Blocked: {{.Who}} comes from a bought list from {{.Vendor}} and no vendor proof of consent covers follow-up by {{.Channel}}. Record the vendor's proof (vendor-proof) or ask for consent first.")
)

// DueItems (deadlines.go).
var (
	tDueRetentionEnded  = reason("Retention for {{.Who}} ended on {{.Ends}} (last activity {{.LastActivity}}): erase them, or record a re-activation if they got in touch again.")
	tDueRetentionEnding = reason("Retention for {{.Who}} ends on {{.Ends}} (last activity {{.LastActivity}}): send a re-activation email before then, or let it end and erase them.")
	tDueNotice          = reason("Send {{.Who}} the Art. 14 notice by {{.By}}: their data (source {{.Source}}) was stored on {{.Stored}}.")
	tDueNoticeOverdue   = reason("Send {{.Who}} the Art. 14 notice by {{.By}} (overdue): their data (source {{.Source}}) was stored on {{.Stored}}.")
	tDueCallBack        = reason("Call {{.Who}} back on {{.Day}} as agreed on the call of {{.CallDay}}.")
	tDueAskAgain        = reason("Ask {{.Who}} again about {{.Purpose}} by {{.Channel}} (ask-again date {{.Date}}; consent given {{.Given}}).")
	tDueConsentExpires  = reason("Ask {{.Who}} again about {{.Purpose}} by {{.Channel}} (consent expires {{.Date}}; consent given {{.Given}}).")
	tDueReferral        = reason("{{.Who}} has not answered the introduction asked for on {{.Asked}}: remind the introducer (due since {{.Since}}), or erase the name.")
)

// reasonFmt holds what every reason about one record names: who the person
// is and the location days are shown in (now's, so a caller passing local
// time gets local dates).
type reasonFmt struct {
	r   Record
	now time.Time
	loc *time.Location
	who any // the name, or the phrase "this person"
}

func newFmt(r Record, now time.Time) reasonFmt {
	var who any = r.Prospect.Name
	if r.Prospect.Name == "" {
		who = Msg(tThisPerson)
	}
	return reasonFmt{r: r, now: now, loc: now.Location(), who: who}
}

// day is t in the reasons' location; Message.String shows it as 2006-01-02.
func (f reasonFmt) day(t time.Time) time.Time { return t.In(f.loc) }

// phone is the formatted number, or a phrase naming the person's number.
func (f reasonFmt) phone() any {
	if f.r.Prospect.Phone == "" {
		return Msg(tPhoneOf, "Who", f.who)
	}
	return FormatPhone(f.r.Prospect.Phone)
}
