package consent

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func teamBlock(kind string, d int) TeamBlock {
	return TeamBlock{Kind: kind, Rep: "Anna Berg", Time: day(d)}
}

func withTeam(r Record, bs ...TeamBlock) Record {
	r.TeamBlocks = append(r.TeamBlocks, bs...)
	return r
}

// teamRecords are the records whose decisions TestTeamBlocks checks; the
// reason samples (reasons_test.go) decide them too, so every team sentence
// is listed and translated.
func teamRecords() []Record {
	withdrawal := teamBlock(TeamWithdrawal, 5)
	withdrawal.Purpose, withdrawal.Channel = PurposeNewsletter, ChannelEmail
	register := teamBlock(TeamRegister, 2)
	register.Register = "NL Bel-me-niet"
	return []Record{
		withTeam(rec(SourceCard), teamBlock(TeamErasure, 3)),
		withTeam(rec(SourceCard), teamBlock(TeamObjection, 3)),
		withTeam(rec(SourceCard), teamBlock(TeamDoNotCall, 3)),
		withTeam(rec(SourceCard), teamBlock(TeamDeclined, 3)),
		withTeam(rec(SourceCard, grant(1, PurposeNewsletter, ChannelEmail)), withdrawal),
		withTeam(rec(SourceCard), register),
	}
}

// Each team block kind blocks with the rule a local block of its kind
// has, and its sentence names the member and the day, with no field the
// block does not need.
func TestTeamBlocks(t *testing.T) {
	recs := teamRecords()
	cases := []struct {
		name    string
		r       Record
		ch      Channel
		p       Purpose
		rule    string
		reason  string
		fields  []string
		allowed bool
	}{
		{"erasure", recs[0], ChannelEmail, PurposeFollowUp, RuleErased,
			"Blocked: this person asked Anna Berg to be erased on 2026-01-13 (recorded by the team)", []string{"Day", "Rep"}, false},
		{"objection", recs[1], ChannelPhone, PurposeFollowUp, RuleObjection,
			"Blocked: Jane Doe objected to Anna Berg on 2026-01-13 (recorded by the team)", []string{"Day", "Rep", "Who"}, false},
		{"do-not-call blocks email too", recs[2], ChannelEmail, PurposeFollowUp, RuleObjection,
			"Blocked: Jane Doe told Anna Berg on the call of 2026-01-13 not to be called again", []string{"Day", "Rep", "Who"}, false},
		{"declined", recs[3], ChannelEmail, PurposeFollowUp, RuleSourceReferralDecline,
			"Blocked: Jane Doe declined an introduction to Anna Berg on 2026-01-13", []string{"Day", "Rep", "Who"}, false},
		{"withdrawal after a local grant", recs[4], ChannelEmail, PurposeNewsletter, RuleWithdrawn,
			"Blocked: Jane Doe withdrew consent for newsletter by email from Anna Berg on 2026-01-15 (recorded by the team).", []string{"Channel", "Day", "Purpose", "Rep", "Who"}, false},
		{"withdrawal covers its channel only", recs[4], ChannelPhone, PurposeFollowUp, RuleSourceCard, "Allowed:", nil, true},
		{"register entry is a do-not-call hit", recs[5], ChannelPhone, PurposeFollowUp, RuleDoNotCall,
			"Blocked: +31 20 555 0100 is on the do-not-call register NL Bel-me-niet (imported 2026-01-12)", []string{"Imported", "Phone", "Register"}, false},
		{"register entry leaves email alone", recs[5], ChannelEmail, PurposeFollowUp, RuleSourceCard, "Allowed:", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.r, c.ch, c.p, defaultNow, 12)
			if d.Allowed != c.allowed || d.Rule != c.rule || !strings.HasPrefix(d.Reason, c.reason) {
				t.Fatalf("got %v %s %q, want %v %s %q", d.Allowed, d.Rule, d.Reason, c.allowed, c.rule, c.reason)
			}
			if c.fields != nil {
				if got := slices.Sorted(maps.Keys(d.Message.Data)); !slices.Equal(got, c.fields) {
					t.Errorf("message fields %v, want only %v", got, c.fields)
				}
			}
		})
	}
}

// The order of the rules holds with team blocks: a local suppression
// still answers first, a local objection keeps its own sentence, a team
// erasure outranks a local consent, and fresh consent recorded here after
// a team withdrawal is honoured.
func TestTeamBlockOrder(t *testing.T) {
	withdrawal := teamBlock(TeamWithdrawal, 5) // every purpose and channel
	cases := []struct {
		name string
		r    Record
		rule string
		tpl  string
	}{
		{"local erasure first", func() Record {
			r := withTeam(rec(SourceCard), teamBlock(TeamObjection, 3))
			r.Suppressed = true
			return r
		}(), RuleErased, tErased},
		{"team erasure beats a local grant", withTeam(rec(SourceCard, grant(1, PurposeFollowUp, ChannelEmail)), teamBlock(TeamErasure, 9)), RuleErased, tTeamErased},
		{"local objection keeps its sentence", withTeam(rec(SourceCard, Event{Time: day(2), Kind: KindObjection}), teamBlock(TeamObjection, 3)), RuleObjection, tObjection.byRep},
		{"team objection beats a local grant", withTeam(rec(SourceCard, grant(1, PurposeFollowUp, ChannelEmail)), teamBlock(TeamObjection, 3)), RuleObjection, tTeamObjection},
		{"grant after the team withdrawal wins", withTeam(rec(SourceCard, grant(8, PurposeFollowUp, ChannelEmail)), withdrawal), RuleConsent, tGranted.byRep},
		{"grant before it does not", withTeam(rec(SourceCard, grant(4, PurposeFollowUp, ChannelEmail)), withdrawal), RuleWithdrawn, tTeamWithdrawn},
		{"local refusal keeps its sentence", withTeam(rec(SourceCard, refuse(4, PurposeFollowUp, ChannelEmail)), withdrawal), RuleRefused, tRefused.byRep},
		{"empty withdrawal covers every pair", withTeam(rec(SourceCard), withdrawal), RuleWithdrawn, tTeamWithdrawn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.r, ChannelEmail, PurposeFollowUp, defaultNow, 12)
			if d.Rule != c.rule || d.Message.Template != c.tpl {
				t.Fatalf("got %s %q, want %s from %q", d.Rule, d.Reason, c.rule, c.tpl)
			}
		})
	}
}
