package team

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// PullBlocks: see api.go. The rows stream (no slice of 100,000 blocks in
// memory); the member's name comes from the members table.
func (c *Client) pullBlocks(ctx context.Context, since int64, fn func(Block) error) (int64, error) {
	rows, err := c.pool.Query(ctx, `SELECT b.seq, b.key, b.kind, b.hashes, b.note, coalesce(m.name, ''), b.time
		FROM `+c.n.schema+`.blocks b LEFT JOIN `+c.n.schema+`.members m ON m.login = b.login
		WHERE b.seq > $1 ORDER BY b.seq`, since)
	if err != nil {
		return since, c.revokedErr(ctx, err)
	}
	defer rows.Close()
	last := since
	for rows.Next() {
		var b Block
		var kind string
		if err := rows.Scan(&b.Seq, &b.Key, &kind, &b.Hashes, &b.Note, &b.Member, &b.Time); err != nil {
			return last, err
		}
		b.Kind = BlockKind(kind)
		if err := fn(b); err != nil {
			return last, err
		}
		last = b.Seq
	}
	return last, classify(rows.Err())
}

// Heads: see api.go. Snapshots stay on the server: the anchor needs only
// the head and its seq.
func (c *Client) heads(ctx context.Context) (map[uint64]Record, error) {
	rows, err := c.pool.Query(ctx, `SELECT prospect, hashes, since, head, seq, consents FROM `+c.n.schema+`.records
		WHERE login = current_user`)
	if err != nil {
		return nil, c.revokedErr(ctx, err)
	}
	out := map[uint64]Record{}
	var r Record
	var prospect, seq int64
	var since *time.Time
	_, err = pgx.ForEachRow(rows, []any{&prospect, &r.Hashes, &since, &r.Head, &seq, &r.Consents}, func() error {
		rec := Record{Member: c.cred.Member, Prospect: uint64(prospect), Hashes: r.Hashes, Head: r.Head,
			Seq: uint64(seq), Consents: r.Consents}
		if since != nil {
			rec.Since = *since
		}
		out[rec.Prospect] = rec
		return nil
	})
	return out, classify(err)
}

// Seen: see api.go (a SECURITY DEFINER function: the member cannot read the
// other records themselves).
func (c *Client) seen(ctx context.Context, hashes [][]byte) ([]Sighting, error) {
	if len(hashes) == 0 {
		return nil, nil
	}
	rows, err := c.pool.Query(ctx, "SELECT member, since FROM "+c.n.schema+".seen($1)", hashes)
	if err != nil {
		return nil, c.revokedErr(ctx, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Sighting, error) {
		var s Sighting
		var since *time.Time
		err := r.Scan(&s.Member, &since)
		if since != nil {
			s.Since = *since
		}
		return s, err
	})
	return out, classify(err)
}

// Listen: see api.go. A dedicated connection (LISTEN holds it); the
// server's notifications are coalesced per transaction, so one sync per
// call of fn is enough.
func (c *Client) listen(ctx context.Context, fn func()) error {
	cctx, cancel := context.WithTimeout(ctx, ConnectTimeout)
	conn, err := pgx.ConnectConfig(cctx, c.cfg.Copy())
	cancel()
	if err != nil {
		return classify(err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{c.n.channel}.Sanitize()); err != nil {
		return classify(err)
	}
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return classify(err)
		}
		fn()
	}
}
