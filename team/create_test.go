package team

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCreateInviteConnect(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	if !f.inv["Maria Manager"].Credentials.Manager || f.inv["Ann Rep"].Credentials.Manager {
		t.Fatal("manager flags wrong")
	}
	if strings.Contains(f.inv["Maria Manager"].Credentials.URL, "@") {
		t.Fatal("the manager's credentials URL carries the admin user")
	}
	// Ann's keys come from the invitation and the server: the same Index
	// and Seal keys as the manager's.
	mk, ak := f.manager.Keys(), f.ann.Keys()
	if !bytes.Equal(mk.Index, ak.Index) || !bytes.Equal(mk.Seal[1], ak.Seal[1]) || ak.Current != 1 {
		t.Fatal("Ann's keys differ from the manager's")
	}
	members, err := f.ann.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range members {
		names = append(names, m.Name)
		if m.Joined.IsZero() || !m.Revoked.IsZero() {
			t.Errorf("%s: joined %v revoked %v", m.Name, m.Joined, m.Revoked)
		}
	}
	if strings.Join(names, ",") != "Maria Manager,Ann Rep,Bert Rep" {
		t.Fatalf("members %v", names)
	}
	if _, err := f.manager.Invite(ctx, "Ann Rep", false); !errors.Is(err, ErrMemberExists) {
		t.Fatalf("second invite of Ann: %v, want ErrMemberExists", err)
	}
	if _, err := f.ann.Invite(ctx, "Carl", false); !errors.Is(err, ErrNotManager) {
		t.Fatalf("a rep inviting: %v, want ErrNotManager", err)
	}
	// A rep whose credentials claim the manager's role is still refused by the server.
	forged := f.inv["Ann Rep"]
	forged.Credentials.Manager = true
	c := f.connect(t, forged)
	if _, err := c.Invite(ctx, "Carl", false); !errors.Is(err, ErrNotManager) {
		t.Fatalf("a rep posing as manager inviting: %v, want ErrNotManager", err)
	}
	if _, err := c.PullMirror(ctx, 0, func(MirrorChange) error { return nil }); err == nil {
		t.Fatal("a rep posing as manager read the mirror")
	}
	if _, err := Create(ctx, f.pg.URL, "Sales North", "Someone"); !errors.Is(err, ErrTeamExists) {
		t.Fatalf("second create: %v, want ErrTeamExists", err)
	}
	if err := f.ann.Synced(ctx); err != nil {
		t.Fatal(err)
	}
	members, _ = f.manager.Members(ctx)
	if members[1].Name != "Ann Rep" || time.Since(members[1].LastSync) > time.Minute {
		t.Fatalf("Ann's last sync not recorded: %+v", members[1])
	}
}

func TestTwoTeamsOnOneServer(t *testing.T) {
	f := newFixture(t)
	g := teamOn(t, f.pg, "Sales South")
	if bytes.Equal(f.ann.Keys().Index, g.ann.Keys().Index) {
		t.Fatal("two teams share an Index key")
	}
	// The other team's rep cannot log in to this team with its credentials.
	cross := g.inv["Ann Rep"]
	cross.Credentials.Team = "Sales North"
	if _, err := Connect(testCtx(t), cross.Credentials, cross.Keys); err == nil {
		t.Fatal("a member of Sales South connected to Sales North")
	}
}

func TestConnectUnreachableWithinTimeout(t *testing.T) {
	l := freeClosedPort(t)
	cases := []struct{ name, url string }{
		{"closed local port", "postgres://127.0.0.1:" + l + "/postgres"},
		// A non-routable address: the connect must give up on its own.
		{"no answer", "postgres://10.255.255.1:5432/postgres"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Connect(testCtx(t), Credentials{URL: c.url, Team: "x", Login: "x", Password: "y"}, NewKeys())
		if !errors.Is(err, ErrUnreachable) {
			t.Errorf("%s: %v, want ErrUnreachable", c.name, err)
		}
		if d := time.Since(start); d > ConnectTimeout+time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
		if err != nil && strings.Contains(err.Error(), "x@") {
			t.Errorf("%s: the error names the login: %v", c.name, err)
		}
	}
}

func TestConnConfigForcesTLSForRemoteHosts(t *testing.T) {
	cases := []struct {
		url     string
		tls     bool
		comment string
	}{
		{"postgres://db.example.com/sales?sslmode=disable", true, "a downgrade in the URL is ignored"},
		{"postgres://db.example.com:6543/sales", true, "remote, no mode given"},
		{"postgres://localhost/sales?sslmode=disable", false, "loopback"},
		{"postgres://127.0.0.1:5432/sales?sslmode=disable", false, "loopback address"},
		{"postgres:///sales?host=/var/run/postgresql&sslmode=disable", false, "unix socket"},
	}
	for _, c := range cases {
		cfg, err := connConfig(c.url, "u", "p")
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.TLSConfig != nil && !cfg.TLSConfig.InsecureSkipVerify; got != c.tls {
			t.Errorf("%s (%s): verified TLS = %v, want %v", c.url, c.comment, got, c.tls)
		}
		if c.tls && cfg.TLSConfig.ServerName == "" {
			t.Errorf("%s: TLS without the host name to verify", c.url)
		}
		if cfg.ConnectTimeout != ConnectTimeout {
			t.Errorf("%s: connect timeout %v", c.url, cfg.ConnectTimeout)
		}
	}
	if _, err := connConfig("mysql://x", "", ""); err == nil {
		t.Error("a mysql URL was accepted")
	}
}
