package usecase

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/team"
)

// closedPort is a loopback URL nobody listens on: the server is "down".
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "postgres://" + addr + "/postgres"
}

// joinOffline writes an invitation as a manager would and joins app with
// it; no server is needed to join.
func joinOffline(t *testing.T, app *App, manager bool) string {
	t.Helper()
	inv := team.Invitation{
		Credentials: team.Credentials{URL: closedPort(t), Team: "Sales North", Member: "Rita Rep", Login: "wl_x", Password: "pw", Manager: manager},
		Keys:        team.NewKeys(),
	}
	file, code, err := team.WriteInvitation(inv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rita.invite")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Team.Join(context.Background(), path, "WRONG-CODE-0000-0000-0000"); CodeOf(err) != CodeInvalid {
		t.Fatalf("join with a wrong code: %v (code %q)", err, CodeOf(err))
	}
	info, err := app.Team.Join(context.Background(), path, code)
	if err != nil {
		t.Fatal(err)
	}
	if info.Team != "Sales North" || info.Member != "Rita Rep" || info.Manager != manager || strings.Contains(info.Server, "pw") {
		t.Fatalf("info %+v", info)
	}
	if _, err := app.Team.Join(context.Background(), path, code); CodeOf(err) != CodePrecondition {
		t.Fatalf("second join: %v", err)
	}
	return path
}

// Joining needs no server; offline, status still answers with the local
// figures and sync fails fast with the unreachable error, nothing lost.
func TestTeamJoinOfflineStatusAndSync(t *testing.T) {
	app, db := newTestApp(t)
	if _, ok := app.Team.Info(); ok {
		t.Fatal("a fresh database is in a team")
	}
	if _, err := app.Team.Status(context.Background()); CodeOf(err) != CodePrecondition {
		t.Fatalf("status outside a team: %v", err)
	}
	joinOffline(t, app, false)
	p, err := app.Prospects.Add(consent.Prospect{Name: "Jane Doe", Email: "jane@acme.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(p.ID, "asked by email", "Rita Rep", testNow); err != nil {
		t.Fatal(err)
	}
	app.Prospects.Add(consent.Prospect{Name: "Kim Kept", Email: "kim@acme.example", Source: consent.SourceCard}, AddOptions{})
	st, err := app.Team.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The erasure block, the removal, and Kim's record wait.
	if st.Online || st.Pending != 3 || st.Info.Team != "Sales North" {
		t.Fatalf("offline status %+v", st)
	}
	start := time.Now()
	_, err = app.Team.Sync(context.Background())
	if !isTeamOffline(err) || CodeOf(err) != CodeFailed || time.Since(start) > 10*time.Second {
		t.Fatalf("sync with the server down: %v after %v", err, time.Since(start))
	}
	if st, _ := app.Team.Status(context.Background()); st.Pending != 3 {
		t.Fatalf("pending after a failed sync: %d", st.Pending)
	}
	if seen, err := app.Team.Seen(context.Background(), p); err != nil || seen != nil {
		t.Fatalf("seen offline: %v %v", seen, err)
	}
}

// A manager's register import is queued for the team as blocks of the
// numbers' team hashes naming the register; a rep's is not.
func TestTeamPublishRegister(t *testing.T) {
	for _, manager := range []bool{true, false} {
		app, db := newTestApp(t)
		joinOffline(t, app, manager)
		reg := filepath.Join(t.TempDir(), "dnc.txt")
		os.WriteFile(reg, []byte("+31205550177\n+31205550178\n"), 0o600)
		if _, err := app.DNC.Import(reg, "NL Bel-me-niet"); err != nil {
			t.Fatal(err)
		}
		out, err := db.TeamOutbox()
		if err != nil {
			t.Fatal(err)
		}
		if !manager {
			if len(out) != 0 {
				t.Fatalf("a rep published %+v", out)
			}
			continue
		}
		if len(out) != 1 || out[0].Block.Kind != consent.TeamRegister || out[0].Block.Register != "NL Bel-me-niet" || len(out[0].Hashes) != 2 {
			t.Fatalf("published %+v", out)
		}
	}
}

// Create refuses a URL with a password in it before touching the network.
func TestTeamCreateRefusesPasswordInURL(t *testing.T) {
	app, _ := newTestApp(t)
	for _, u := range []string{"postgres://admin:secret@db.example/postgres", "postgres://db.example/postgres?password=secret", "http://db.example"} {
		if _, err := app.Team.Create(context.Background(), u, "Sales"); CodeOf(err) != CodeInvalid {
			t.Errorf("%s: %v", u, err)
		}
	}
}

// The anchor: the server's head must be in the local ledger.
func TestTeamAnchorProblem(t *testing.T) {
	evs := []consent.Event{{Seq: 1, Hash: "h1"}, {Seq: 2, Hash: "h2"}}
	r := consent.Record{Prospect: consent.Prospect{ID: 4}, Events: evs}
	cases := []struct {
		name     string
		head     team.Record
		onServer bool
		kind     string
	}{
		{"not on the server", team.Record{}, false, ""},
		{"same head", team.Record{Seq: 2, Head: []byte("h2")}, true, ""},
		{"server behind (not pushed yet)", team.Record{Seq: 1, Head: []byte("h1")}, true, ""},
		{"server ahead: cut short", team.Record{Seq: 3, Head: []byte("h3")}, true, "truncated"},
		{"other hash at that seq", team.Record{Seq: 2, Head: []byte("hX")}, true, "rolled-back"},
	}
	for _, c := range cases {
		a, bad := anchorProblem(r, c.head, c.onServer)
		if bad != (c.kind != "") || a.Kind != c.kind {
			t.Errorf("%s: %+v %v", c.name, a, bad)
		}
		if bad && !strings.Contains(a.Message.String(), "prospect 4") {
			t.Errorf("%s: message %q", c.name, a.Message.String())
		}
	}
}

// The events that become company-wide blocks, and only those.
func TestTeamBlockOf(t *testing.T) {
	cases := []struct {
		ev   consent.Event
		kind string
	}{
		{consent.Event{Kind: consent.KindObjection}, consent.TeamObjection},
		{consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeDoNotCall}, consent.TeamDoNotCall},
		{consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeNotInterested}, ""},
		{consent.Event{Kind: consent.KindConsentWithdrawn, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}, consent.TeamWithdrawal},
		{consent.Event{Kind: consent.KindConsentGranted}, ""},
	}
	for _, c := range cases {
		b, ok := blockOf(c.ev, "Rita Rep")
		if ok != (c.kind != "") || (ok && (b.Kind != c.kind || b.Rep != "Rita Rep" || b.Purpose != c.ev.Purpose || b.Channel != c.ev.Channel)) {
			t.Errorf("%+v: %+v %v", c.ev, b, ok)
		}
	}
}
