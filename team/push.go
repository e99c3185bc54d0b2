package team

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Push: see api.go. One transaction, in this order: this member's removed
// records, the blocks, each erasure's deletion everywhere, the records
// (a record meeting an erasure is dropped by the server's trigger), then
// the events. Rows travel by COPY into temporary tables and are merged with
// ON CONFLICT, so a batch sent twice changes nothing the second time.
//
// Every push takes the team's advisory lock first: writers are serialised,
// so the sequence numbers of blocks and changes are handed out in commit
// order and a reader's cursor can never skip a row committed late.
func (c *Client) push(ctx context.Context, b Batch) error {
	s := c.n.schema
	err := pgx.BeginFunc(ctx, c.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext($1))", s); err != nil {
			return err
		}
		if len(b.Removed) > 0 {
			if _, err := tx.Exec(ctx, "DELETE FROM "+s+".records WHERE login = current_user AND prospect = ANY ($1)",
				toInt64s(b.Removed)); err != nil {
				return err
			}
		}
		if err := pushBlocks(ctx, tx, s, b.Blocks); err != nil {
			return err
		}
		if err := pushRecords(ctx, tx, s, b.Records); err != nil {
			return err
		}
		return pushEvents(ctx, tx, s, b.Events)
	})
	return c.revokedErr(ctx, err)
}

func pushBlocks(ctx context.Context, tx pgx.Tx, s string, blocks []Block) error {
	if len(blocks) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE push_blocks (key text, kind text, hashes bytea[], note bytea, time timestamptz) ON COMMIT DROP`); err != nil {
		return err
	}
	now := time.Now()
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"push_blocks"}, []string{"key", "kind", "hashes", "note", "time"},
		pgx.CopyFromSlice(len(blocks), func(i int) ([]any, error) {
			bl := blocks[i]
			if bl.Key == "" {
				return nil, fmt.Errorf("team: block %d has no idempotency key", i+1)
			}
			t := bl.Time
			if t.IsZero() {
				t = now
			}
			return []any{bl.Key, string(bl.Kind), nonNil(bl.Hashes), bl.Note, t}, nil
		})); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+s+`.blocks (login, key, kind, hashes, note, time)
		SELECT current_user, key, kind, hashes, note, time FROM push_blocks ORDER BY time, key
		ON CONFLICT (login, key) DO NOTHING`); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, "SELECT "+s+".erase(key) FROM push_blocks WHERE kind = 'erasure'")
	return err
}

func pushRecords(ctx context.Context, tx pgx.Tx, s string, records []Record) error {
	if len(records) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE push_records (prospect bigint, hashes bytea[], snapshot bytea,
		since timestamptz, head bytea, seq bigint, consents integer) ON COMMIT DROP`); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"push_records"},
		[]string{"prospect", "hashes", "snapshot", "since", "head", "seq", "consents"},
		pgx.CopyFromSlice(len(records), func(i int) ([]any, error) {
			r := records[i]
			var since *time.Time
			if !r.Since.IsZero() {
				since = &r.Since
			}
			return []any{int64(r.Prospect), nonNil(r.Hashes), r.Snapshot, since, r.Head, int64(r.Seq), r.Consents}, nil
		})); err != nil {
		return err
	}
	// DISTINCT ON: a batch naming a prospect twice keeps its last state.
	_, err := tx.Exec(ctx, `INSERT INTO `+s+`.records AS r (login, prospect, hashes, snapshot, since, head, seq, consents)
		SELECT DISTINCT ON (prospect) current_user, prospect, hashes, snapshot, since, head, seq, consents
		FROM push_records ORDER BY prospect, seq DESC
		ON CONFLICT (login, prospect) DO UPDATE SET hashes = excluded.hashes, snapshot = excluded.snapshot,
			since = excluded.since, head = excluded.head, seq = excluded.seq, consents = excluded.consents
		WHERE (r.hashes, r.snapshot, r.since, r.head, r.seq, r.consents)
			IS DISTINCT FROM (excluded.hashes, excluded.snapshot, excluded.since, excluded.head, excluded.seq, excluded.consents)`)
	return err
}

func pushEvents(ctx context.Context, tx pgx.Tx, s string, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE push_events (prospect bigint, seq bigint, hash bytea, sealed bytea) ON COMMIT DROP`); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"push_events"}, []string{"prospect", "seq", "hash", "sealed"},
		pgx.CopyFromSlice(len(events), func(i int) ([]any, error) {
			e := events[i]
			return []any{int64(e.Prospect), int64(e.Seq), nonNilBytes(e.Hash), nonNilBytes(e.Sealed)}, nil
		})); err != nil {
		return err
	}
	// Events travel with their record (in this batch or an earlier one).
	// Those whose record is not on the server went with it: erased here or
	// by another member's erasure, or dropped as meeting one.
	_, err := tx.Exec(ctx, `INSERT INTO `+s+`.events (login, prospect, seq, hash, sealed)
		SELECT current_user, t.prospect, t.seq, t.hash, t.sealed FROM push_events t
		WHERE EXISTS (SELECT 1 FROM `+s+`.records r WHERE r.login = current_user AND r.prospect = t.prospect)
		ORDER BY t.prospect, t.seq
		ON CONFLICT (login, prospect, seq) DO NOTHING`)
	return err
}

func toInt64s(ids []uint64) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

// nonNil: PostgreSQL's NOT NULL arrays want '{}' for none.
func nonNil(h [][]byte) [][]byte {
	if h == nil {
		return [][]byte{}
	}
	return h
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
