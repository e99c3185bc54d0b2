package team

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"warmlead/team/teamtest"
)

// fixture is one team on a private cluster: the manager and two reps,
// each connected, with their invitations (credentials and keys).
type fixture struct {
	pg                 *teamtest.Cluster
	manager, ann, bert *Client
	inv                map[string]Invitation // by member name
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	pg := teamtest.Start(t)
	return teamOn(t, pg, "Sales North")
}

// teamOn creates a team on pg with a manager (Maria) and reps Ann and Bert.
func teamOn(t testing.TB, pg *teamtest.Cluster, name string) *fixture {
	t.Helper()
	ctx := testCtx(t)
	inv, err := Create(ctx, pg.URL, name, "Maria Manager")
	if err != nil {
		t.Fatal(err)
	}
	// The manager's URL is the admin's (socket); members log in over TCP
	// with passwords, as against a real server.
	inv.Credentials.URL = pg.MemberURL
	f := &fixture{pg: pg, inv: map[string]Invitation{"Maria Manager": inv}}
	f.manager = f.connect(t, inv)
	f.ann = f.join(t, "Ann Rep")
	f.bert = f.join(t, "Bert Rep")
	return f
}

func (f *fixture) connect(t testing.TB, inv Invitation) *Client {
	t.Helper()
	c, err := Connect(testCtx(t), inv.Credentials, inv.Keys)
	if err != nil {
		t.Fatalf("connect %s: %v", inv.Credentials.Member, err)
	}
	t.Cleanup(c.Close)
	return c
}

// join invites a rep through the invitation file and its code, as
// `team invite` and `team join` do.
func (f *fixture) join(t testing.TB, member string) *Client {
	t.Helper()
	inv, err := f.manager.Invite(testCtx(t), member, false)
	if err != nil {
		t.Fatalf("invite %s: %v", member, err)
	}
	file, code, err := WriteInvitation(inv)
	if err != nil {
		t.Fatal(err)
	}
	read, err := ReadInvitation(file, code)
	if err != nil {
		t.Fatal(err)
	}
	f.inv[member] = read
	return f.connect(t, read)
}

// raw is a plain connection under a member's own login, for the tests that
// try what the client never does (forged rows, reading others' rows).
func (f *fixture) raw(t testing.TB, member string) *pgx.Conn {
	t.Helper()
	c := f.inv[member].Credentials
	cfg, err := connConfig(c.URL, c.Login, c.Password)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.ConnectConfig(testCtx(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// freeClosedPort is a port nothing listens on.
func freeClosedPort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	return port
}

// rawAdmin is the cluster's superuser, to count rows past every policy.
func (f *fixture) rawAdmin(t testing.TB) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(testCtx(t), f.pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
