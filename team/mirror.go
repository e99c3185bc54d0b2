package team

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// mirrorChunk is how many records one query of the mirror's pull fetches:
// small enough for the planner to walk the primary keys, large enough
// that a first pull of 100,000 records is twenty round trips.
const mirrorChunk = 5000

type changeKey struct {
	seq      int64
	login    string
	prospect int64
}

// PullMirror: see api.go. Two steps in one read-only snapshot (REPEATABLE
// READ: no push lands between them): the last change of each record after
// the cursor, in change order; then, by chunks, each record as it is now
// (none: removed) with the events that arrived after the cursor. Asking by
// key lets an incremental pull touch only the rows it names.
func (c *Client) pullMirror(ctx context.Context, since int64, fn func(MirrorChange) error) (int64, error) {
	if !c.cred.Manager {
		return since, ErrNotManager
	}
	last := since
	err := pgx.BeginTxFunc(ctx, c.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		keys, err := c.changedSince(ctx, tx, since)
		if err != nil {
			return err
		}
		for start := 0; start < len(keys); start += mirrorChunk {
			chunk := keys[start:min(start+mirrorChunk, len(keys))]
			if err := c.mirrorChunk(ctx, tx, since, chunk, func(ch MirrorChange) error {
				if err := fn(ch); err != nil {
					return err
				}
				last = ch.Seq
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	return last, c.revokedErr(ctx, err)
}

func (c *Client) changedSince(ctx context.Context, tx pgx.Tx, since int64) ([]changeKey, error) {
	rows, err := tx.Query(ctx, `SELECT DISTINCT ON (login, prospect) seq, login, prospect FROM `+c.n.schema+`.changes
		WHERE seq > $1 ORDER BY login, prospect, seq DESC`, since)
	if err != nil {
		return nil, err
	}
	var k changeKey
	var keys []changeKey
	if _, err := pgx.ForEachRow(rows, []any{&k.seq, &k.login, &k.prospect}, func() error {
		keys = append(keys, k)
		return nil
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(keys, func(a, b changeKey) int { return int(a.seq - b.seq) })
	return keys, nil
}

func (c *Client) mirrorChunk(ctx context.Context, tx pgx.Tx, since int64, keys []changeKey, fn func(MirrorChange) error) error {
	logins, prospects := make([]string, len(keys)), make([]int64, len(keys))
	for i, k := range keys {
		logins[i], prospects[i] = k.login, k.prospect
	}
	s := c.n.schema
	rows, err := tx.Query(ctx, `SELECT k.i, coalesce(m.name, ''), r.prospect IS NULL, r.hashes, r.snapshot, r.since, r.head,
			coalesce(r.seq, 0), coalesce(r.consents, 0), ev.seqs, ev.hashes, ev.sealed
		FROM unnest($1::name[], $2::bigint[]) WITH ORDINALITY AS k (login, prospect, i)
		LEFT JOIN `+s+`.members m ON m.login = k.login
		LEFT JOIN `+s+`.records r ON r.login = k.login AND r.prospect = k.prospect
		LEFT JOIN LATERAL (SELECT array_agg(e.seq ORDER BY e.seq) seqs, array_agg(e.hash ORDER BY e.seq) hashes,
			array_agg(e.sealed ORDER BY e.seq) sealed FROM `+s+`.events e
			WHERE r.prospect IS NOT NULL AND e.login = k.login AND e.prospect = k.prospect AND e.ch > $3) ev ON true
		ORDER BY k.i`, logins, prospects, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int64
		var ch MirrorChange
		var rec Record
		var seq int64
		var recSince *time.Time
		var evSeqs []int64
		var evHashes, evSealed [][]byte
		if err := rows.Scan(&i, &rec.Member, &ch.Removed, &rec.Hashes, &rec.Snapshot, &recSince,
			&rec.Head, &seq, &rec.Consents, &evSeqs, &evHashes, &evSealed); err != nil {
			return err
		}
		k := keys[i-1]
		ch.Seq, rec.Prospect, rec.Seq = k.seq, uint64(k.prospect), uint64(seq)
		if recSince != nil {
			rec.Since = *recSince
		}
		for j := range evSeqs {
			ch.Events = append(ch.Events, Event{Member: rec.Member, Prospect: rec.Prospect, Seq: uint64(evSeqs[j]),
				Hash: evHashes[j], Sealed: evSealed[j]})
		}
		ch.Record = &rec
		if err := fn(ch); err != nil {
			return err
		}
	}
	return rows.Err()
}
