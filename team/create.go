package team

import (
	"context"
	"embed"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// schemaSQL gives the team's schema script with its names filled in (slugs:
// see names.go, so the splice is safe).
func schemaSQL(n names) string {
	r := strings.NewReplacer("{{S}}", n.schema, "{{M}}", n.members, "{{G}}", n.managers, "{{C}}", n.channel)
	var b strings.Builder
	for _, f := range []string{"sql/schema.sql", "sql/functions.sql"} {
		text, err := sqlFiles.ReadFile(f)
		if err != nil {
			panic("team: embedded " + f + " missing")
		}
		b.WriteString(r.Replace(string(text)))
		b.WriteString("\n")
	}
	return b.String()
}

// Create: see api.go. Everything happens in one transaction: a failure
// leaves no half-made team behind.
func create(ctx context.Context, adminURL, teamName, managerName string) (Invitation, error) {
	n, ok := teamNames(teamName)
	if !ok {
		return Invitation{}, errors.New("team: the team's name needs at least one letter or digit")
	}
	if strings.TrimSpace(managerName) == "" {
		return Invitation{}, errors.New("team: the manager needs a name")
	}
	cfg, err := connConfig(adminURL, "", "")
	if err != nil {
		return Invitation{}, err
	}
	cctx, cancel := context.WithTimeout(ctx, ConnectTimeout)
	conn, err := pgx.ConnectConfig(cctx, cfg)
	cancel()
	if err != nil {
		var pg *pgconn.PgError
		if errors.As(err, &pg) {
			return Invitation{}, errors.New("team: the server refused the admin login (check PGPASSWORD or ~/.pgpass): " + pg.Message)
		}
		return Invitation{}, classify(err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	var taken bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)
		OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ANY ($2))`,
		n.schema, []string{n.members, n.managers}).Scan(&taken); err != nil {
		return Invitation{}, classify(err)
	}
	if taken {
		return Invitation{}, ErrTeamExists
	}
	keys := NewKeys()
	cred, pub := newMember(n, adminURL, teamName, managerName, true)
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, schemaSQL(n)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SELECT "+n.schema+".add_member($1, $2, $3, true, $4)",
			managerName, cred.Login, scramVerifier(cred.Password), pub); err != nil {
			return err
		}
		sealed, err := sealEpoch(pub, keys.Seal[keys.Current])
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "INSERT INTO "+n.schema+".team_keys (epoch, login, sealed_key) VALUES ($1, $2, $3)",
			keys.Current, cred.Login, sealed)
		return err
	})
	if err != nil {
		var pg *pgconn.PgError
		if errors.As(err, &pg) && (pg.Code == "42710" || pg.Code == "42P06") { // role or schema made meanwhile
			return Invitation{}, ErrTeamExists
		}
		return Invitation{}, classify(err)
	}
	return Invitation{Credentials: cred, Keys: keys}, nil
}

// newMember makes a member's credentials (login, password, key pair); the
// public key goes to the server.
func newMember(n names, serverURL, teamName, member string, manager bool) (Credentials, []byte) {
	priv, pub := NewMemberKey()
	return Credentials{
		URL: stripCredentials(serverURL), Team: teamName, Member: member, Login: n.loginFor(member),
		Password: newPassword(), Manager: manager, MemberKey: priv,
	}, pub
}
