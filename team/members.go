package team

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Invite: see api.go. The new member gets every Seal epoch the manager
// holds, sealed to their public key, so they can read the team's older notes.
func (c *Client) invite(ctx context.Context, member string, manager bool) (Invitation, error) {
	if !c.cred.Manager {
		return Invitation{}, ErrNotManager
	}
	if strings.TrimSpace(member) == "" {
		return Invitation{}, errors.New("team: the member needs a name")
	}
	cred, pub := newMember(c.n, c.cred.URL, c.cred.Team, member, manager)
	err := pgx.BeginFunc(ctx, c.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT "+c.n.schema+".invite($1, $2, $3, $4, $5)",
			member, cred.Login, scramVerifier(cred.Password), manager, pub); err != nil {
			return err
		}
		return sealEpochsTo(ctx, tx, c.n, c.keys, map[string][]byte{cred.Login: pub}, nil)
	})
	if err != nil {
		var pg *pgconn.PgError
		if errors.As(err, &pg) && pg.Code == pgUniqueViolation {
			return Invitation{}, ErrMemberExists
		}
		return Invitation{}, c.revokedErr(ctx, err)
	}
	return Invitation{Credentials: cred, Keys: c.keys.clone()}, nil
}

// sealEpochsTo stores the Seal keys of the given epochs (all when nil)
// sealed to each login's public key.
func sealEpochsTo(ctx context.Context, tx pgx.Tx, n names, k Keys, pubs map[string][]byte, epochs []int) error {
	if epochs == nil {
		for e := range k.Seal {
			epochs = append(epochs, e)
		}
	}
	var es []int32
	var logins []string
	var sealed [][]byte
	for login, pub := range pubs {
		for _, e := range epochs {
			s, err := sealEpoch(pub, k.Seal[e])
			if err != nil {
				return err
			}
			es, logins, sealed = append(es, int32(e)), append(logins, login), append(sealed, s)
		}
	}
	// Row-level security forbids COPY into team_keys: one INSERT of arrays.
	_, err := tx.Exec(ctx, "INSERT INTO "+n.schema+".team_keys (epoch, login, sealed_key) SELECT * FROM unnest($1::int[], $2::name[], $3::bytea[])",
		es, logins, sealed)
	return err
}

// Revoke: see api.go. The revocation and the new epoch are one
// transaction: no moment where the member is out but the key unchanged.
func (c *Client) revoke(ctx context.Context, member string) (Keys, error) {
	if !c.cred.Manager {
		return Keys{}, ErrNotManager
	}
	next := c.keys.clone()
	err := pgx.BeginFunc(ctx, c.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext($1))", c.n.schema); err != nil {
			return err
		}
		var found bool
		if err := tx.QueryRow(ctx, "SELECT "+c.n.schema+".revoke($1)", member).Scan(&found); err != nil {
			return err
		}
		if !found {
			return ErrNoMember
		}
		var top int
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(epoch), 0) FROM "+c.n.schema+".team_keys").Scan(&top); err != nil {
			return err
		}
		epoch := max(top, next.Current) + 1
		next.Seal[epoch] = randomKey()
		next.Current = epoch
		rows, err := tx.Query(ctx, "SELECT login, pubkey FROM "+c.n.schema+".members WHERE revoked IS NULL")
		if err != nil {
			return err
		}
		pubs := map[string][]byte{}
		var login string
		var pub []byte
		_, err = pgx.ForEachRow(rows, []any{&login, &pub}, func() error {
			pubs[login] = append([]byte(nil), pub...)
			return nil
		})
		if err != nil {
			return err
		}
		return sealEpochsTo(ctx, tx, c.n, next, pubs, []int{epoch})
	})
	if errors.Is(err, ErrNoMember) {
		return Keys{}, ErrNoMember
	}
	if err != nil {
		var pg *pgconn.PgError
		if errors.As(err, &pg) && pg.Code == "22023" {
			return Keys{}, errors.New("team: a manager cannot revoke themselves")
		}
		return Keys{}, c.revokedErr(ctx, err)
	}
	c.keys = next
	return next.clone(), nil
}

// members: see api.go (Members).
func (c *Client) members(ctx context.Context) ([]Member, error) {
	rows, err := c.pool.Query(ctx, "SELECT name, manager, revoked, joined, last_sync, prospects, consents FROM "+c.n.schema+".member_stats()")
	if err != nil {
		return nil, c.revokedErr(ctx, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Member, error) {
		var m Member
		var revoked, synced *time.Time
		var prospects, consents int64
		err := r.Scan(&m.Name, &m.Manager, &revoked, &m.Joined, &synced, &prospects, &consents)
		if revoked != nil {
			m.Revoked = *revoked
		}
		if synced != nil {
			m.LastSync = *synced
		}
		m.Prospects, m.Consents = int(prospects), int(consents)
		return m, err
	})
	return out, classify(err)
}

// synced: see api.go (Synced).
func (c *Client) synced(ctx context.Context) error {
	// No row updated: the policy shut this login out (revoked meanwhile).
	tag, err := c.pool.Exec(ctx, "UPDATE "+c.n.schema+".members SET last_sync = now() WHERE login = current_user")
	if err == nil && tag.RowsAffected() == 0 {
		return ErrRevoked
	}
	return c.revokedErr(ctx, err)
}
