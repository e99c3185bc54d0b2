package team

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Each benchmark runs beside PostgreSQL's own floor in the same run: a
// plain COPY of the same row count into a scratch table (the fastest a
// client can put rows on this server), or for pulls a plain COPY TO of the
// same rows (the fastest it can get them out). Run: make bench-team.

// floorCopyIn times a COPY of n rows shaped like width bytes into a scratch table.
func floorCopyIn(b *testing.B, conn *pgx.Conn, n, width int) time.Duration {
	b.Helper()
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "DROP TABLE IF EXISTS scratch; CREATE TABLE scratch (a bigint, b bigint, c bytea, d bytea)"); err != nil {
		b.Fatal(err)
	}
	pad := make([]byte, width)
	start := time.Now()
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"scratch"}, []string{"a", "b", "c", "d"},
		pgx.CopyFromSlice(n, func(i int) ([]any, error) { return []any{int64(i), int64(i), pad[:32], pad}, nil })); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// floorCopyOut times reading a query's rows raw (COPY TO, no decoding).
func floorCopyOut(b *testing.B, conn *pgx.Conn, query string) time.Duration {
	b.Helper()
	start := time.Now()
	if _, err := conn.PgConn().CopyTo(context.Background(), discard{}, "COPY ("+query+") TO STDOUT"); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func reportFloor(b *testing.B, floor time.Duration) {
	b.ReportMetric(float64(floor.Microseconds())/1000, "floor-ms")
}

// batchOf makes n records with events events each, ids from first.
func batchOf(k Keys, first, n, events int) Batch {
	var out Batch
	for i := range n {
		p := newPerson(k, uint64(first+i), fmt.Sprintf("p%d@example.com", first+i), events)
		out.Records, out.Events = append(out.Records, p.rec), append(out.Events, p.events...)
	}
	return out
}

func BenchmarkPush5000Events(b *testing.B) {
	f := newFixture(b)
	admin := f.rawAdmin(b)
	k := f.ann.Keys()
	var floor time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		batch := batchOf(k, 1+i*500, 500, 10) // 500 records, 5,000 events
		b.StartTimer()
		if err := f.ann.Push(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		floor += floorCopyIn(b, admin, 5000, len(batch.Events[0].Sealed))
		b.StartTimer()
	}
	reportFloor(b, floor/time.Duration(b.N))
}

func BenchmarkFirstPull100000Blocks(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	k := f.ann.Keys()
	for chunk := range 10 {
		var batch Batch
		for i := range 10000 {
			id := chunk*10000 + i
			batch.Blocks = append(batch.Blocks, Block{Key: fmt.Sprintf("b%d", id), Kind: BlockErasure,
				Hashes: [][]byte{k.Blind("email", fmt.Sprint(id)), k.Blind("phone", fmt.Sprint(id))},
				Note:   k.SealNote([]byte(`{"rep":"Ann Rep","day":"2026-03-03"}`), []byte(fmt.Sprintf("b%d", id)))})
		}
		if err := f.ann.Push(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	benchFullPull(b, f, 100000, "SELECT seq, key, kind, hashes, note, time FROM wl_sales_north.blocks", func() (int, error) {
		n := 0
		_, err := f.bert.PullBlocks(ctx, 0, func(Block) error { n++; return nil })
		return n, err
	})
}

// benchFullPull times pull (which must give want rows) against a COPY TO
// of the floor query, each iteration.
func benchFullPull(b *testing.B, f *fixture, want int, floorQuery string, pull func() (int, error)) {
	admin := f.rawAdmin(b)
	var floor time.Duration
	b.ResetTimer()
	for range b.N {
		if n, err := pull(); err != nil || n != want {
			b.Fatalf("pulled %d rows, want %d: %v", n, want, err)
		}
		b.StopTimer()
		floor += floorCopyOut(b, admin, floorQuery)
		b.StartTimer()
	}
	reportFloor(b, floor/time.Duration(b.N))
}

// mirrorTeam seeds 20 members × 5,000 records (2 events each).
func mirrorTeam(b *testing.B) *fixture {
	f := newFixture(b)
	ctx := context.Background()
	reps := []*Client{f.ann, f.bert}
	for i := len(reps); i < 20; i++ {
		reps = append(reps, f.join(b, fmt.Sprintf("Rep %02d", i)))
	}
	k := f.ann.Keys()
	for _, r := range reps {
		if err := r.Push(ctx, batchOf(k, 1, 5000, 2)); err != nil {
			b.Fatal(err)
		}
	}
	return f
}

func BenchmarkMirrorFirstPull20x5000(b *testing.B) {
	f := mirrorTeam(b)
	ctx := context.Background()
	benchFullPull(b, f, 100000, "SELECT r.*, e.* FROM wl_sales_north.records r JOIN wl_sales_north.events e USING (login, prospect)",
		func() (int, error) {
			n := 0
			_, err := f.manager.PullMirror(ctx, 0, func(MirrorChange) error { n++; return nil })
			return n, err
		})
}

func BenchmarkMirrorIncrementalAfterOneChange(b *testing.B) {
	f := mirrorTeam(b)
	ctx := context.Background()
	cursor, err := f.manager.PullMirror(ctx, 0, func(MirrorChange) error { return nil })
	if err != nil {
		b.Fatal(err)
	}
	k := f.ann.Keys()
	admin := f.rawAdmin(b)
	var floor time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		p := newPerson(k, 17, "p17@example.com", 3+i)
		if err := f.ann.Push(ctx, Batch{Records: []Record{p.rec}, Events: p.events[len(p.events)-1:]}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n := 0
		if cursor, err = f.manager.PullMirror(ctx, cursor, func(MirrorChange) error { n++; return nil }); err != nil || n != 1 {
			b.Fatalf("incremental pull: %d changes, %v", n, err)
		}
		b.StopTimer()
		floor += floorCopyIn(b, admin, 1, 200)
		b.StartTimer()
	}
	reportFloor(b, floor/time.Duration(b.N))
}
