package consent

import "time"

// Team blocks (issue 15): what another member of the sales team recorded
// about a person, shared company-wide because the company, not the rep, is
// the controller. The store assembles them from the person's blind hashes
// (Record.TeamBlocks); Decide honours them with the existing rule names and
// a sentence naming where the block came from. A block carries only what
// naming its origin needs: no other member's data.

// Team block kinds, the same strings as package team's BlockKind.
const (
	TeamErasure    = "erasure"
	TeamObjection  = "objection"
	TeamWithdrawal = "withdrawal"
	TeamDoNotCall  = "do-not-call"
	TeamDeclined   = "declined"
	TeamRegister   = "register"
)

// TeamBlock is one company-wide block that matches this person.
type TeamBlock struct {
	Kind     string    `json:"kind"`
	Rep      string    `json:"rep"`                // the member who recorded it
	Time     time.Time `json:"time"`               // when they recorded it (shown as a day)
	Channel  Channel   `json:"channel,omitempty"`  // a withdrawal: empty means every channel
	Purpose  Purpose   `json:"purpose,omitempty"`  // a withdrawal: empty means every purpose
	Register string    `json:"register,omitempty"` // a register entry: the register's own name
}

// The team's sentences (reasons.*.json translates them like the others).
var (
	tTeamErased    = reason("Blocked: this person asked {{.Rep}} to be erased on {{.Day}} (recorded by the team); only a suppression entry remains, so they may not be contacted or re-added.")
	tTeamObjection = reason("Blocked: {{.Who}} objected to {{.Rep}} on {{.Day}} (recorded by the team). Do not contact them on any channel.")
	tTeamNoCalls   = reason("Blocked: {{.Who}} told {{.Rep}} on the call of {{.Day}} not to be called again (recorded by the team). Do not contact them on any channel.")
	tTeamDeclined  = reason("Blocked: {{.Who}} declined an introduction to {{.Rep}} on {{.Day}} (recorded by the team). Do not contact them.")
	tTeamWithdrawn = reason("Blocked: {{.Who}} withdrew consent for {{.Purpose}} by {{.Channel}} from {{.Rep}} on {{.Day}} (recorded by the team).")
)

// teamBlock is the first block of one of kinds, nil when none.
func (r Record) teamBlock(kinds ...string) *TeamBlock {
	for i := range r.TeamBlocks {
		for _, k := range kinds {
			if r.TeamBlocks[i].Kind == k {
				return &r.TeamBlocks[i]
			}
		}
	}
	return nil
}

// teamBlocked is Decide's step 2b: an objection, a "do not call me" or a
// declined introduction recorded by any member blocks on every channel and
// purpose, whatever this laptop holds (the team's erasure is step 1b).
func teamBlocked(r Record, f reasonFmt) (Decision, bool) {
	if b := r.teamBlock(TeamObjection, TeamDoNotCall); b != nil {
		t := tTeamObjection
		if b.Kind == TeamDoNotCall {
			t = tTeamNoCalls
		}
		return block(RuleObjection, Msg(t, "Who", f.who, "Rep", b.Rep, "Day", f.day(b.Time))), true
	}
	if b := r.teamBlock(TeamDeclined); b != nil {
		return block(RuleSourceReferralDecline, Msg(tTeamDeclined, "Who", f.who, "Rep", b.Rep, "Day", f.day(b.Time))), true
	}
	return Decision{}, false
}

// TeamWithdrew tells whether a withdrawal another member recorded for
// (p, ch) stands: no confirmed grant was recorded here after it. Decide
// blocks on it (step 4); the read model's consent state says withdrawn.
func (r Record) TeamWithdrew(p Purpose, ch Channel) bool {
	return teamWithdrawn(r, latestConsent(r.Events, p, ch), p, ch) != nil
}

// teamWithdrawn is the latest team withdrawal covering (p, ch) that the
// local ledger has not overtaken: a confirmed grant recorded here after it
// is fresh consent and wins, as the latest consent event wins locally. A
// local refusal or withdrawal (local non-nil, not a grant) is answered by
// the local sentence instead.
func teamWithdrawn(r Record, local *Event, p Purpose, ch Channel) *TeamBlock {
	if local != nil && local.Kind != KindConsentGranted {
		return nil
	}
	var out *TeamBlock
	for i := range r.TeamBlocks {
		b := &r.TeamBlocks[i]
		if b.Kind != TeamWithdrawal || (b.Purpose != "" && b.Purpose != p) || (b.Channel != "" && b.Channel != ch) {
			continue
		}
		if local != nil && local.Time.After(b.Time) {
			continue
		}
		if out == nil || b.Time.After(out.Time) {
			out = b
		}
	}
	return out
}

// Objected tells whether the person objected, here (an objection, or "do
// not call me" said on a call) or to another member of the team: nothing
// may be sent or called after it (Decide's steps 2 and 2b), and only the
// end of retention stays due.
func (r Record) Objected() bool {
	return objection(r.Events) != nil || r.teamBlock(TeamObjection, TeamDoNotCall) != nil
}

// DNCHit is the do-not-call hit Decide's step 6 uses: the local register's,
// else a register the manager published to the team (named by the
// register, dated when it was published).
func (r Record) DNCHit() *DNCHit {
	if r.DNC != nil {
		return r.DNC
	}
	if b := r.teamBlock(TeamRegister); b != nil {
		return &DNCHit{Register: b.Register, Imported: b.Time}
	}
	return nil
}
