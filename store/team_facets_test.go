package store

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"warmlead/consent"
)

// What another member recorded binds this laptop's lists too, not only the
// decision: an objection or "do not call me" reads as objected and bars the
// person on the call list; a register the manager published marks the
// number do-not-call (and bars it); a withdrawal turns a local grant into
// withdrawn. A declined introduction does not (it blocks by its own rule).
// Checked for facets read before the block arrives (the pull marks the
// match stale, or everyone after a large pull) and for a full read after it
// (a later unlock); leaving the team lifts it.
func TestTeamBlocksReachTheFacets(t *testing.T) {
	at := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	type want struct {
		consent RowConsent
		dnc     bool
		barred  bool
	}
	granted := want{consent: RowConsented}
	for _, c := range []struct {
		name   string
		block  consent.TeamBlock
		byName bool // the block names the person by name and company
		large  bool // pulled among more blocks than are matched one by one
		want   want
	}{
		{"objection", consent.TeamBlock{Kind: consent.TeamObjection}, false, false, want{consent: RowObjected, barred: true}},
		{"do not call", consent.TeamBlock{Kind: consent.TeamDoNotCall}, false, false, want{consent: RowObjected, barred: true}},
		{"register", consent.TeamBlock{Kind: consent.TeamRegister, Register: "NIX"}, false, false, want{consent: RowConsented, dnc: true, barred: true}},
		{"withdrawal of the pair granted", consent.TeamBlock{Kind: consent.TeamWithdrawal, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}, false, false, want{consent: RowWithdrawn}},
		{"withdrawal of everything", consent.TeamBlock{Kind: consent.TeamWithdrawal}, false, false, want{consent: RowWithdrawn}},
		{"withdrawal of another pair", consent.TeamBlock{Kind: consent.TeamWithdrawal, Purpose: consent.PurposeOffers, Channel: consent.ChannelPhone}, false, false, want{consent: RowConsented, barred: false}},
		{"declined introduction", consent.TeamBlock{Kind: consent.TeamDeclined}, true, false, granted},
		{"objection in a large pull", consent.TeamBlock{Kind: consent.TeamObjection}, false, true, want{consent: RowObjected, barred: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, _ := newTestDB(t, Options{})
			jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "+31205550100")
			other := addTest(t, db, "John Roe", "Acme", "john@acme.example", "+31205550199")
			for _, p := range []consent.Prospect{jane, other} {
				grant := consent.Event{Time: at.Add(-time.Hour), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
					Channel: consent.ChannelEmail, Method: consent.MethodWebForm, Evidence: "form"}
				if _, err := db.Commit(Change{Prospect: p.ID, Events: []consent.Event{grant}}); err != nil {
					t.Fatal(err)
				}
			}
			linkTest(t, db)
			check := func(when string, w want) {
				t.Helper()
				if err := db.Index().ReadFacts(); err != nil {
					t.Fatal(err)
				}
				for _, p := range []consent.Prospect{jane, other} {
					ww := granted
					if p.ID == jane.ID {
						ww = w
					}
					f, ok := db.Index().Facts(p.ID, at)
					if !ok {
						t.Fatalf("%s: no facts for %s", when, p.Name)
					}
					e, _, err := db.Index().CallEntryOf(p.ID, 12)
					if err != nil {
						t.Fatal(err)
					}
					if got := (want{f.Consent, f.DoNotCall, e.Barred}); got != ww {
						t.Errorf("%s: %s reads %+v, want %+v", when, p.Name, got, ww)
					}
				}
			}
			check("before the pull", granted)
			key := consent.Prospect{Email: jane.Email, Phone: jane.Phone}
			if c.byName {
				key = consent.Prospect{Name: jane.Name, Company: jane.Company}
			}
			c.block.Rep, c.block.Time = "Anna Berg", at
			bs := []TeamBlockIn{{Key: "k1", Member: "Anna Berg", Hashes: TeamHashes(teamTestKeys, key), Block: c.block}}
			for i := 0; c.large && i <= teamWalkMax; i++ { // blocks naming nobody here
				h := sha256.Sum256(fmt.Appendf(nil, "nobody %d", i))
				bs = append(bs, TeamBlockIn{Key: fmt.Sprint("n", i), Member: "Anna Berg", Hashes: [][]byte{h[:]}, Block: c.block})
			}
			if _, err := db.ApplyTeamBlocks(bs, 1); err != nil {
				t.Fatal(err)
			}
			check("after the pull", c.want)
			db.Lock()
			if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
				t.Fatal(err)
			}
			check("after unlocking again", c.want)
			if err := db.LeaveTeam(AuditEntry{Rep: "Rita Rep", Action: "team-left"}); err != nil {
				t.Fatal(err)
			}
			check("after leaving the team", granted)
		})
	}
}
