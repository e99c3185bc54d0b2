package usecase

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"warmlead/consent"
	"warmlead/team"
	"warmlead/team/invitetest"
	"warmlead/team/teamtest"
)

// pgManager is a manager's app whose team lives on a private PostgreSQL
// (skipped without PostgreSQL 15, unless WARMLEAD_REQUIRE_PG=1).
func pgManager(t *testing.T) (*App, *teamtest.Cluster) {
	t.Helper()
	pg := teamtest.Start(t)
	app, _ := newTestApp(t)
	if _, err := app.Team.Create(context.Background(), pg.URL, "Sales North"); err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(app.Team.Close)
	return app, pg
}

// The members' stats count each pushed prospect's consent-granted events:
// two grants on one prospect, none on the other, a refusal not counted;
// a later grant raises the count at the next sync.
func TestTeamStatusCountsConsents(t *testing.T) {
	app, pg := pgManager(t)
	ctx := context.Background()
	grant := func(id uint64, kind consent.EventKind, pu consent.Purpose) {
		t.Helper()
		a := consent.Answer{Kind: kind, Cell: consent.PurposeChannel{Purpose: pu, Channel: consent.ChannelEmail}}
		if kind == consent.KindConsentGranted {
			a.Method, a.Evidence = consent.MethodSigned, "form 3"
		}
		if _, err := app.Consents.Record(ConsentAnswer{Prospect: id, Answer: a}); err != nil {
			t.Fatal(err)
		}
	}
	jane, err := app.Prospects.Add(consent.Prospect{Name: "Jane Doe", Email: "jane@acme.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.Prospects.Add(consent.Prospect{Name: "Kim Kept", Email: "kim@acme.example", Source: consent.SourceCard}, AddOptions{}); err != nil {
		t.Fatal(err)
	}
	grant(jane.ID, consent.KindConsentGranted, consent.PurposeNewsletter)
	grant(jane.ID, consent.KindConsentGranted, consent.PurposeFollowUp)
	grant(jane.ID, consent.KindConsentRefused, consent.PurposeEvents)
	consents := func() int {
		t.Helper()
		if _, err := app.Team.Sync(ctx); err != nil {
			t.Fatalf("sync: %v", err)
		}
		st, err := app.Team.Status(ctx)
		if err != nil || !st.Online || len(st.Members) != 1 {
			t.Fatalf("status: %+v %v", st, err)
		}
		if m := st.Members[0]; m.Name != "Rita Rep" || m.Prospects != 2 {
			t.Fatalf("member %+v", m)
		}
		return st.Members[0].Consents
	}
	if n := consents(); n != 2 {
		t.Fatalf("consents after the first sync: %d, want 2", n)
	}
	grant(jane.ID, consent.KindConsentGranted, consent.PurposeEvents)
	if n := consents(); n != 3 {
		t.Fatalf("consents after a new grant: %d, want 3", n)
	}
	// Records pushed before the count existed say 0 on the server: the
	// next sync sends them again, unchanged otherwise.
	conn, err := pgx.Connect(ctx, pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "UPDATE wl_sales_north.records SET consents = 0"); err != nil {
		t.Fatal(err)
	}
	if n := consents(); n != 3 {
		t.Fatalf("consents after a sync over stale counts: %d, want 3", n)
	}
}

// A login the server refuses (a wrong password here), not a revocation:
// sync and status fail with their own sentence (exit 1 in the CLI), and
// the team link and the waiting changes stay: nothing is dropped on a doubt.
func TestTeamLoginRefusedIsNotRevoked(t *testing.T) {
	manager, _ := pgManager(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "ann.invite")
	code, err := manager.Team.Invite(ctx, "Ann Rep", false, file)
	if err != nil {
		t.Fatal(err)
	}
	code = invitetest.WrongPassword(t, file, code)
	ann, _ := newTestApp(t)
	if _, err := ann.Team.Join(ctx, file, code); err != nil {
		t.Fatal(err)
	}
	if _, err := ann.Prospects.Add(consent.Prospect{Name: "Jane Doe", Email: "jane@acme.example", Source: consent.SourceCard}, AddOptions{}); err != nil {
		t.Fatal(err)
	}
	_, syncErr := ann.Team.Sync(ctx)
	st, statusErr := ann.Team.Status(ctx)
	for what, err := range map[string]error{"sync": syncErr, "status": statusErr} {
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if CodeOf(err) != CodeFailed || IsRevoked(err) || !errors.Is(err, team.ErrLoginRefused) ||
			!strings.Contains(msg, "refused the login of Ann Rep") || strings.Contains(msg, "not-the-password") {
			t.Errorf("%s: %q (code %q), want the login-refused sentence, exit 1, not revoked", what, msg, CodeOf(err))
		}
	}
	if info, ok := ann.Team.Info(); !ok || info.Member != "Ann Rep" || st.Pending != 1 {
		t.Fatalf("after a refused login: link %+v %v, pending %d", info, ok, st.Pending)
	}
}
