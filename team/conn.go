package team

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ConnectTimeout bounds every connection attempt: a laptop at a fair with
// a captive portal must hear "unreachable", not hang.
const ConnectTimeout = 10 * time.Second

// ErrTeamExists: Create met a team of that name (its schema or roles).
var ErrTeamExists = errors.New("a team of that name already exists on this server")

// ErrLoginRefused: the server refused this member's login for another
// reason than a revocation (a wrong password, pg_hba.conf, another server
// at that address). Not ErrRevoked: the laptop must not drop its team data
// on a doubt.
var ErrLoginRefused = errors.New("the team server refused this member's login")

// unreachable wraps the network error behind ErrUnreachable with a short
// reason (never the full driver message, which names the login).
type unreachable struct{ cause error }

func (u unreachable) Error() string {
	var op *net.OpError
	var dns *net.DNSError
	switch {
	case errors.As(u.cause, &dns):
		return ErrUnreachable.Error() + ": host not found"
	case pgconn.Timeout(u.cause) || errors.Is(u.cause, context.DeadlineExceeded):
		return ErrUnreachable.Error() + ": no answer in time"
	case errors.As(u.cause, &op):
		return ErrUnreachable.Error() + ": " + op.Err.Error()
	case strings.Contains(u.cause.Error(), "tls"), strings.Contains(u.cause.Error(), "x509"):
		return ErrUnreachable.Error() + ": the server's TLS certificate could not be verified"
	}
	return ErrUnreachable.Error() + ": connection lost"
}

func (u unreachable) Unwrap() []error { return []error{ErrUnreachable, u.cause} }

// isLocal says whether host needs no TLS: loopback or a unix socket folder.
func isLocal(host string) bool {
	switch host {
	case "", "localhost", "127.0.0.1", "::1":
		return true
	}
	return strings.HasPrefix(host, "/")
}

// connConfig parses a server URL, forcing sslmode=verify-full for any host
// that is not local (whatever the URL says: a member's URL comes from a
// file, and a downgrade there must not leak the password), and bounding the
// connect time. user/password, when given, replace the URL's and the
// environment's.
func connConfig(rawURL, user, password string) (*pgx.ConnConfig, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, errors.New("team: the server address must be a postgres:// URL")
	}
	q := u.Query()
	host := u.Hostname()
	if h := q.Get("host"); h != "" {
		host = h
	}
	if !isLocal(host) {
		q.Set("sslmode", "verify-full")
	}
	q.Set("connect_timeout", fmt.Sprint(int(ConnectTimeout/time.Second)))
	u.RawQuery = q.Encode()
	cfg, err := pgx.ParseConfig(u.String())
	if err != nil {
		return nil, errors.New("team: the server address cannot be read as a PostgreSQL URL")
	}
	cfg.ConnectTimeout = ConnectTimeout
	if user != "" {
		cfg.User, cfg.Password = user, password
	}
	cfg.RuntimeParams["application_name"] = "warmlead"
	return cfg, nil
}

// stripCredentials gives the URL members log in with: no user, no password.
func stripCredentials(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	u.User = nil
	q := u.Query()
	q.Del("user")
	q.Del("password")
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgreSQL's answers the client maps to the contract's errors.
const (
	pgInvalidPassword       = "28P01"
	pgInvalidAuthorization  = "28000" // "role … is not permitted to log in"
	pgInsufficientPrivilege = "42501" // also a row refused by row-level security
	pgUniqueViolation       = "23505"
	pgAdminShutdown         = "57P01" // the session was ended (a revocation, a restart)
	pgCannotConnectNow      = "57P03"
)

// classify maps a driver error to the contract's: a login refused as not
// permitted is a revocation (Revoke sets NOLOGIN; see functions.sql), any
// other refusal ErrLoginRefused, a network failure or a server going away
// unreachable. A caller's own cancellation stays what it is.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, ErrRevoked) || errors.Is(err, ErrUnreachable) {
		return err
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case pgInvalidAuthorization:
			if strings.Contains(pg.Message, "not permitted to log in") {
				return ErrRevoked
			}
			return ErrLoginRefused
		case pgInvalidPassword:
			return ErrLoginRefused
		case pgAdminShutdown, pgCannotConnectNow, "57P02":
			return unreachable{err}
		}
		return err
	}
	return unreachable{err}
}

// Connect: see api.go.
func connect(ctx context.Context, c Credentials, k Keys) (*Client, error) {
	n, ok := teamNames(c.Team)
	if !ok || c.Login == "" {
		return nil, errors.New("team: these credentials name no team or login")
	}
	cfg, err := connConfig(c.URL, c.Login, c.Password)
	if err != nil {
		return nil, err
	}
	pcfg, err := pgxpool.ParseConfig("")
	if err != nil {
		return nil, err
	}
	pcfg.ConnConfig = cfg
	pcfg.MaxConns = 3 // sync, status and the screen at once; Listen has its own
	pcfg.MinConns = 0
	pcfg.MaxConnIdleTime = time.Minute
	ctx, cancel := context.WithTimeout(ctx, ConnectTimeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, classify(err)
	}
	cl := &Client{pool: pool, cfg: cfg, cred: c, keys: k.clone(), n: n}
	if err := cl.start(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return cl, nil
}

// start checks the member is still in the team and takes any Seal epochs
// sealed to them since the keys they hold.
func (c *Client) start(ctx context.Context) error {
	var revoked *time.Time
	err := c.pool.QueryRow(ctx, "SELECT revoked FROM "+c.n.schema+".members WHERE login = current_user").Scan(&revoked)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && revoked != nil) {
		return ErrRevoked
	}
	if err != nil {
		return classify(err)
	}
	rows, err := c.pool.Query(ctx, "SELECT epoch, sealed_key FROM "+c.n.schema+".team_keys WHERE login = current_user")
	if err != nil {
		return classify(err)
	}
	type sealedEpoch struct {
		epoch int
		key   []byte
	}
	epochs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sealedEpoch, error) {
		var s sealedEpoch
		return s, r.Scan(&s.epoch, &s.key)
	})
	if err != nil {
		return classify(err)
	}
	for _, s := range epochs {
		if _, held := c.keys.Seal[s.epoch]; held {
			continue
		}
		key, err := openEpoch(c.cred.MemberKey, s.key)
		if err != nil {
			return fmt.Errorf("team: the key of epoch %d sealed to this member does not open: %w", s.epoch, err)
		}
		if c.keys.Seal == nil {
			c.keys.Seal = map[int][]byte{}
		}
		c.keys.Seal[s.epoch] = key
		if s.epoch > c.keys.Current {
			c.keys.Current = s.epoch
		}
	}
	return nil
}

// revokedErr tells a refusal by row-level security apart: a member revoked
// meanwhile is ErrRevoked; anything else stays the server's refusal.
func (c *Client) revokedErr(ctx context.Context, err error) error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == pgAdminShutdown && ctx.Err() == nil {
		// The session was ended by the server: a revocation ends the
		// member's sessions, so a fresh login tells which it was.
		pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if perr := classify(c.pool.Ping(pctx)); errors.Is(perr, ErrRevoked) {
			return ErrRevoked
		}
		return classify(err)
	}
	if !errors.As(err, &pg) || pg.Code != pgInsufficientPrivilege {
		return classify(err)
	}
	var revoked *time.Time
	qerr := c.pool.QueryRow(ctx, "SELECT revoked FROM "+c.n.schema+".members WHERE login = current_user").Scan(&revoked)
	if errors.Is(qerr, pgx.ErrNoRows) || (qerr == nil && revoked != nil) {
		return ErrRevoked
	}
	// The functions and tables only managers may use answer "permission
	// denied" to anyone else (the manager flag in the credentials is the
	// laptop's claim; the server's grants decide).
	if pg.Message == "not manager" || strings.HasPrefix(pg.Message, "permission denied") {
		return ErrNotManager
	}
	return err
}
