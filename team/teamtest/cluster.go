// Package teamtest starts a private PostgreSQL cluster for tests: Debian's
// postgresql 15 binaries, a data folder and socket folder in a fresh temp
// dir, a free port on 127.0.0.1. Run as root (CI), it runs PostgreSQL as the
// postgres user, since PostgreSQL refuses to run as root. Without the
// binaries the test is skipped, unless WARMLEAD_REQUIRE_PG=1 (make test).
package teamtest

import (
	"bytes"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BinDir holds Debian's PostgreSQL 15 programs.
var BinDir = "/usr/lib/postgresql/15/bin"

// Cluster is one running private PostgreSQL.
type Cluster struct {
	Dir    string // the temp dir: data/ and sock/ inside
	Data   string
	Socket string // the unix socket folder
	Port   int
	// URL is the admin's URL: the postgres superuser over the unix socket,
	// trusted (no password) by this cluster's pg_hba.conf only.
	URL string
	// MemberURL is the URL members log in with (TCP on 127.0.0.1, password
	// auth), without user or password, as team.Credentials.URL holds it.
	MemberURL string

	tb      testing.TB
	asOwner []string // the command prefix that runs as the cluster's owner
	running bool
}

// Start initialises and starts a cluster, stopped and removed at cleanup.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(BinDir, "initdb")); err != nil {
		if os.Getenv("WARMLEAD_REQUIRE_PG") == "1" {
			tb.Fatalf("PostgreSQL 15 is required (WARMLEAD_REQUIRE_PG=1) but %s/initdb is missing: apt-get install postgresql", BinDir)
		}
		tb.Skipf("PostgreSQL 15 not installed (%s/initdb missing): apt-get install postgresql, or make test", BinDir)
	}
	dir, err := os.MkdirTemp("", "warmlead-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	c := &Cluster{Dir: dir, Data: filepath.Join(dir, "data"), Socket: filepath.Join(dir, "sock"), tb: tb}
	tb.Cleanup(func() {
		c.Stop()
		os.RemoveAll(dir)
	})
	for _, d := range []string{c.Data, c.Socket} {
		if err := os.Mkdir(d, 0o700); err != nil {
			tb.Fatal(err)
		}
	}
	if os.Geteuid() == 0 {
		if err := c.chownToPostgres(); err != nil {
			tb.Fatal(err)
		}
		c.asOwner = []string{"runuser", "-u", "postgres", "--"}
	}
	c.Port = freePort(tb)
	c.run("initdb", "-D", c.Data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
		"-E", "UTF8", "--locale=C", "--no-sync")
	// Only the superuser is trusted, only over the socket; members use
	// passwords over TCP, as they would against a real server.
	hba := "local all postgres trust\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(c.Data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		tb.Fatal(err)
	}
	c.chownData()
	c.URL = fmt.Sprintf("postgres://postgres@/postgres?host=%s&port=%d", url.QueryEscape(c.Socket), c.Port)
	c.MemberURL = fmt.Sprintf("postgres://127.0.0.1:%d/postgres", c.Port)
	c.Restart()
	return c
}

// Stop stops the cluster at once (immediate: like a crash or a pulled
// cable, for tests of a sync cut off mid-way). Start it again with Restart.
func (c *Cluster) Stop() {
	if !c.running {
		return
	}
	c.running = false
	c.run("pg_ctl", "-D", c.Data, "-m", "immediate", "-w", "stop")
}

// Restart starts a stopped cluster on the same port (and starts it the first time).
func (c *Cluster) Restart() {
	if c.running {
		return
	}
	opts := fmt.Sprintf("-p %d -k %s -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
		c.Port, c.Socket)
	c.run("pg_ctl", "-D", c.Data, "-l", filepath.Join(c.Data, "server.log"), "-o", opts, "-w", "-t", "60", "start")
	c.running = true
}

// Dump is pg_dump of the cluster's postgres database (plain SQL): what a
// thief of the server's disk or backups would read.
func (c *Cluster) Dump() []byte {
	c.tb.Helper()
	return c.run("pg_dump", "-h", c.Socket, "-p", strconv.Itoa(c.Port), "-U", "postgres", "postgres")
}

// Log is the server's log so far (to explain a failure).
func (c *Cluster) Log() string {
	b, _ := os.ReadFile(filepath.Join(c.Data, "server.log"))
	return string(b)
}

func (c *Cluster) run(prog string, args ...string) []byte {
	c.tb.Helper()
	argv := append(append(append([]string{}, c.asOwner...), filepath.Join(BinDir, prog)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		c.tb.Fatalf("%s: %v", prog, err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			c.tb.Fatalf("%s %s: %v\n%s%s", prog, strings.Join(args, " "), err, errOut.String(), c.Log())
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		c.tb.Fatalf("%s did not finish in 2 minutes", prog)
	}
	return out.Bytes()
}

// chownToPostgres lets the postgres user into the temp dir.
func (c *Cluster) chownToPostgres() error {
	uid, gid, err := postgresIDs()
	if err != nil {
		return err
	}
	if err := os.Chmod(c.Dir, 0o755); err != nil {
		return err
	}
	for _, d := range []string{c.Data, c.Socket} {
		if err := os.Chown(d, uid, gid); err != nil {
			return err
		}
	}
	return nil
}

// chownData hands files written as root (pg_hba.conf) back to postgres.
func (c *Cluster) chownData() {
	if c.asOwner == nil {
		return
	}
	uid, gid, err := postgresIDs()
	if err == nil {
		err = os.Chown(filepath.Join(c.Data, "pg_hba.conf"), uid, gid)
	}
	if err != nil {
		c.tb.Fatal(err)
	}
}

func postgresIDs() (int, int, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return 0, 0, fmt.Errorf("running as root needs a postgres user to run PostgreSQL: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return uid, gid, nil
}

func freePort(tb testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
