package consent

import "time"

// This file answers "may I contact this person on CHANNEL for PURPOSE now?"
// (consent-rules.md section 4). The answer is derived from the ledger every
// time instead of being stored, so a rule change or a newly recorded event can
// never leave a stale "allowed" behind. Every function here is pure: the
// caller passes "now" and the retention setting.

// Call outcomes a rep picks after a call (cli.md, `warmlead call --outcome`).
// Fixed outcomes instead of free text keep the ledger minimal (section 8) and
// let the policy read them.
const (
	OutcomeReached       = "reached"
	OutcomeNoAnswer      = "no-answer"
	OutcomeVoicemail     = "voicemail"
	OutcomeCallBack      = "call-back"
	OutcomeNotInterested = "not-interested"
	OutcomeDoNotCall     = "do-not-call"
)

// Outcomes lists the call outcomes in the order the UI offers them.
var Outcomes = []string{OutcomeReached, OutcomeNoAnswer, OutcomeVoicemail, OutcomeCallBack, OutcomeNotInterested, OutcomeDoNotCall}

// ParseOutcome validates a call outcome.
func ParseOutcome(s string) (string, error) { return parse(s, Outcomes, "call outcome") }

// Rule names a Decision carries. They are stable: scripts read them from
// `warmlead can-contact --json`, so add new ones but never rename these.
const (
	RuleErased                = "erased"
	RuleObjection             = "objection"
	RuleRetentionExpired      = "retention-expired"
	RuleWithdrawn             = "withdrawn"
	RuleRefused               = "refused"
	RuleConsent               = "consent"
	RuleDoNotCall             = "do-not-call"
	RuleNotInterested         = "not-interested"
	RuleSourceCard            = "source-card"
	RuleSourceInbound         = "source-inbound"
	RuleSourceCustomer        = "source-customer"
	RuleSourceColdCall        = "source-cold-call"
	RuleSourceColdCallPending = "source-cold-call-not-reached"
	RuleSourceReferral        = "source-referral"
	RuleSourceReferralPending = "source-referral-pending"
	RuleSourceReferralDecline = "source-referral-declined"
	RuleSourceReferralChannel = "source-referral-channel"
	RuleSourceList            = "source-list"
	RuleSourceListNoProof     = "source-list-no-proof"
	RuleSourceSocial          = "source-social"
	RuleSoftOptIn             = "soft-opt-in"
	RuleConsentExpired        = "consent-expired"
	RuleTracking              = "tracking"
	RuleNoBasis               = "no-basis"
	RuleSourceAddressBook     = "source-address-book"
	RulePhoneUnread           = "phone-no-country-code"
)

// DefaultRetentionMonths applies when the setting is missing (section 6).
const DefaultRetentionMonths = 12

// DNCHit says the prospect's phone number is on an imported national
// do-not-call register (NL Bel-me-niet, NO Reservasjonsregisteret, SE NIX).
type DNCHit struct {
	Register string
	Imported time.Time
}

// Record is everything the policy needs about one prospect: the store
// assembles it, the policy only reads it.
type Record struct {
	Prospect Prospect
	Events   []Event // the ledger in order; "latest" means last in this slice
	DNC      *DNCHit // nil: the number is on no register
	// Suppressed marks an erased person, or data that matches a suppression
	// entry (a re-import or a new referral of someone who was erased).
	Suppressed bool
	// TeamBlocks are the team's blocks matching this person (team.go):
	// empty outside a team.
	TeamBlocks []TeamBlock `json:",omitempty"`
}

// Decision is the policy's answer. Rule is a stable machine name; Reason is a
// sentence for the rep that starts with "Allowed:" or "Blocked:".
type Decision struct {
	Allowed bool   `json:"allowed"`
	Rule    string `json:"rule"`
	Reason  string `json:"reason"`
	// Message is Reason with its values kept apart, for translated screens.
	Message Message `json:"-"`
}

// Decide follows the decision order of consent-rules.md section 4 exactly;
// the first step that has an answer wins, so a block higher up can never be
// overruled by a permission lower down.
func Decide(r Record, ch Channel, p Purpose, now time.Time, retentionMonths int) Decision {
	f := newFmt(r, now)

	// 1. Erased: the person asked to be forgotten.
	if r.Suppressed {
		return block(RuleErased, Msg(tErased))
	}
	// 1b. Erased through the team: another member erased this person.
	if b := r.teamBlock(TeamErasure); b != nil {
		return block(RuleErased, Msg(tTeamErased, "Rep", b.Rep, "Day", f.day(b.Time)))
	}

	// 2. Global objection ("do not contact me"), on any channel and purpose.
	if e := objection(r.Events); e != nil {
		t := tObjection
		if e.Kind == KindCallLogged {
			t = tObjectionOnCall
		}
		return block(RuleObjection, t.msg(e, "Who", f.who, "Day", f.day(e.Time)))
	}
	// 2b. An objection, a "do not call me" or a declined introduction
	// recorded by another member of the team (team.go).
	if d, ok := teamBlocked(r, f); ok {
		return d
	}

	// 3. Retention over: the data is kept too long to be used.
	if ends := RetentionEnds(r, retentionMonths); !ends.IsZero() && !now.Before(ends) {
		return block(RuleRetentionExpired, Msg(tRetentionExpired, "Count", months(retentionMonths), "Who", f.who,
			"Ends", f.day(ends), "LastActivity", f.day(LastActivity(r))))
	}

	// 3b. A number kept as written (no country code, not readable in the
	// country setting) cannot be checked against a do-not-call register,
	// nor dialled with certainty: no consent or source gets past it until
	// the rep corrects it (consent-rules.md section 10).
	if ch == ChannelPhone && r.Prospect.PhoneUnread() {
		return block(RulePhoneUnread, Msg(tPhoneUnread, "Who", f.who, "Phone", r.Prospect.PhoneRaw))
	}

	// 4 and 5. The latest confirmed consent event for exactly this purpose
	// and channel. Pending grants are skipped: a verbal yes is not proof
	// until its confirming email is stored (section 2).
	var expired *Event
	e := latestConsent(r.Events, p, ch)
	if b := teamWithdrawn(r, e, p, ch); b != nil {
		return block(RuleWithdrawn, Msg(tTeamWithdrawn, "Who", f.who, "Purpose", p, "Channel", ch, "Rep", b.Rep, "Day", f.day(b.Time)))
	}
	if e != nil {
		switch e.Kind {
		case KindConsentWithdrawn:
			return block(RuleWithdrawn, tWithdrawn.msg(e, "Who", f.who, "Purpose", p, "Channel", ch, "Day", f.day(e.Time)))
		case KindConsentRefused:
			return block(RuleRefused, tRefused.msg(e, "Who", f.who, "Purpose", p, "Channel", ch, "Day", f.day(e.Time)))
		case KindConsentGranted:
			if e.Expires.IsZero() || now.Before(e.Expires) {
				kv := []any{"Who", f.who, "Purpose", p, "Channel", ch, "Day", f.day(e.Time), "Method", e.Method}
				if e.Expires.IsZero() {
					return allow(RuleConsent, tGranted.msg(e, kv...))
				}
				return allow(RuleConsent, tGrantedUntil.msg(e, append(kv, "Until", f.day(e.Expires))...))
			}
			expired = e
		}
	}

	// 6. Do-not-call register: only a phone consent for this purpose (step
	// 5) gets past it.
	if hit := r.DNCHit(); ch == ChannelPhone && hit != nil {
		named, imported := hit.Register != "", !hit.Imported.IsZero()
		kv := []any{"Phone", f.phone()}
		if named {
			kv = append(kv, "Register", hit.Register)
		}
		if imported {
			kv = append(kv, "Imported", f.day(hit.Imported))
		}
		return block(RuleDoNotCall, Msg(tDoNotCall[[2]bool{named, imported}], kv...))
	}

	// 7. What the source allows without consent (section 1).
	d, decided := sourceRule(r, f, ch, p)
	if decided && d.Allowed {
		return d
	}
	if expired != nil {
		return block(RuleConsentExpired, Msg(tConsentExpired, "Who", f.who, "Purpose", p, "Channel", ch,
			"Expired", f.day(expired.Expires), "Given", f.day(expired.Time)))
	}
	if decided {
		return d
	}

	// 8. No lawful basis.
	if p == PurposeTracking {
		return block(RuleTracking, Msg(tTracking, "Who", f.who, "Channel", ch))
	}
	return block(RuleNoBasis, Msg(tNoBasis, "Who", f.who, "Purpose", p, "Channel", ch))
}

// allow and block make a Decision from its sentence (consent/reasons.go):
// the templates start with "Allowed:" or "Blocked:" themselves.
func allow(rule string, m Message) Decision {
	return Decision{Allowed: true, Rule: rule, Reason: m.String(), Message: m}
}

func block(rule string, m Message) Decision {
	return Decision{Allowed: false, Rule: rule, Reason: m.String(), Message: m}
}

func months(m int) int {
	if m <= 0 {
		return DefaultRetentionMonths
	}
	return m
}

// objection returns the first global objection: an objection event, or a call
// that ended in "do not call me". Objection events are global whatever
// Purpose or Channel they carry (section 3 calls it a global objection), and
// nothing later lifts them: the person has to be re-added with fresh consent.
func objection(events []Event) *Event {
	for i := range events {
		e := &events[i]
		if e.Kind == KindObjection || (e.Kind == KindCallLogged && e.Outcome == OutcomeDoNotCall) {
			return e
		}
	}
	return nil
}

// covers says whether consent event e applies to purpose p on channel ch. A
// refusal or withdrawal with an empty purpose or channel applies to all of
// them (an "unsubscribe from everything" must never be narrowed), but a grant
// must name both: consent is per purpose and channel (section 2).
func covers(e *Event, p Purpose, ch Channel) bool {
	if e.Kind == KindConsentGranted {
		return e.Purpose == p && e.Channel == ch
	}
	return (e.Purpose == "" || e.Purpose == p) && (e.Channel == "" || e.Channel == ch)
}

func isConsentKind(k EventKind) bool {
	return k == KindConsentGranted || k == KindConsentRefused || k == KindConsentWithdrawn
}

// latestConsent is the last grant, refusal or withdrawal covering (p, ch),
// ignoring pending grants.
func latestConsent(events []Event, p Purpose, ch Channel) *Event {
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if isConsentKind(e.Kind) && !(e.Kind == KindConsentGranted && e.Pending) && covers(e, p, ch) {
			return e
		}
	}
	return nil
}

// ConsentStatus is what a cell of the consent matrix shows.
type ConsentStatus string

// The consent matrix statuses.
const (
	StatusNone      ConsentStatus = "none"
	StatusGranted   ConsentStatus = "granted"
	StatusPending   ConsentStatus = "pending"
	StatusRefused   ConsentStatus = "refused"
	StatusWithdrawn ConsentStatus = "withdrawn"
	StatusExpired   ConsentStatus = "expired"
)

// ConsentCell is the state of one (purpose, channel) pair and the event that
// set it; the zero times and empty strings mean "no such event".
type ConsentCell struct {
	Status   ConsentStatus `json:"status"`
	Time     time.Time     `json:"time,omitzero"`
	Method   Method        `json:"method,omitempty"`
	Rep      string        `json:"rep,omitempty"`
	Expires  time.Time     `json:"expires,omitzero"`
	AskAgain time.Time     `json:"ask_again,omitzero"`
}

// ConsentState is ConsentStateAt with the current time, for the consent
// matrix screen. Use ConsentStateAt where the time must be controlled.
func (r Record) ConsentState(p Purpose, ch Channel) ConsentCell {
	return r.ConsentStateAt(p, ch, time.Now())
}

// ConsentStateAt gives the latest consent status for (p, ch) as Decide sees
// it at now. A pending grant shows only where nothing confirmed grants the
// pair, so the matrix never shows "pending" where Decide says "consent".
func (r Record) ConsentStateAt(p Purpose, ch Channel, now time.Time) ConsentCell {
	cell := ConsentCell{Status: StatusNone}
	e := latestConsent(r.Events, p, ch)
	if e != nil {
		cell = ConsentCell{Time: e.Time, Method: e.Method, Rep: e.Rep, Expires: e.Expires, AskAgain: e.AskAgain}
		switch {
		case e.Kind == KindConsentWithdrawn:
			cell.Status = StatusWithdrawn
		case e.Kind == KindConsentRefused:
			cell.Status = StatusRefused
		case !e.Expires.IsZero() && !now.Before(e.Expires):
			cell.Status = StatusExpired
		default:
			cell.Status = StatusGranted
			return cell
		}
	}
	for i := len(r.Events) - 1; i >= 0; i-- {
		pe := &r.Events[i]
		if e != nil && pe == e {
			break // nothing pending after the confirmed event
		}
		if pe.Kind == KindConsentGranted && pe.Pending && covers(pe, p, ch) {
			return ConsentCell{Status: StatusPending, Time: pe.Time, Method: pe.Method, Rep: pe.Rep, Expires: pe.Expires, AskAgain: pe.AskAgain}
		}
	}
	return cell
}

// LastActivity is the time of the last meaningful activity: collection, a
// grant (pending too: the person said yes), a call that reached them, a
// generated email, an approved referral or a re-activation. Refusals,
// withdrawals, views and exports do not keep data alive. Prospect.Created
// counts as collection for records without a collected event.
func LastActivity(r Record) time.Time {
	last := r.Prospect.Created
	for i := range r.Events {
		e := &r.Events[i]
		switch e.Kind {
		case KindCollected, KindConsentGranted, KindEmailGenerated, KindReferralApproved, KindReactivated:
		case KindCallLogged:
			if e.Outcome != OutcomeReached {
				continue
			}
		default:
			continue
		}
		if e.Time.After(last) {
			last = e.Time
		}
	}
	return last
}

// RetentionEnds is when the prospect's data expires: months (default 12)
// after the last activity; zero if there was no activity at all.
func RetentionEnds(r Record, months int) time.Time {
	return RetentionEndsAfter(LastActivity(r), months)
}

// RetentionEndsAfter is RetentionEnds for a last activity known without
// the ledger (the read model keeps it): zero for none.
func RetentionEndsAfter(last time.Time, months int) time.Time {
	if last.IsZero() {
		return time.Time{}
	}
	if months <= 0 {
		months = DefaultRetentionMonths
	}
	return last.AddDate(0, months, 0)
}

// Informed returns when the person was first sent the privacy notice (an
// informed event, e.g. after `warmlead notice`).
func Informed(r Record) (time.Time, bool) {
	for i := range r.Events {
		if r.Events[i].Kind == KindInformed {
			return r.Events[i].Time, true
		}
	}
	return time.Time{}, false
}

// Collected returns when the prospect's data was stored: the first collected
// event, else Prospect.Created.
func Collected(r Record) time.Time {
	for i := range r.Events {
		if r.Events[i].Kind == KindCollected {
			return r.Events[i].Time
		}
	}
	return r.Prospect.Created
}

// SourceOf is the prospect's source, falling back to the collected event.
func SourceOf(r Record) Source {
	return ownOrCollected(r, r.Prospect.Source, func(e *Event) Source { return e.Source })
}
