package team

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// person is a test prospect: its blind hashes under the team key, a
// sealed snapshot and a ledger of n sealed events.
type person struct {
	rec    Record
	events []Event
}

func newPerson(k Keys, id uint64, email string, n int) person {
	p := person{rec: Record{Prospect: id, Since: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Hashes:   [][]byte{k.Blind("email", email), k.Blind("name", "anna berg|acme")},
		Snapshot: k.SealNote([]byte(`{"name":"Anna Berg","email":"`+email+`"}`), []byte(fmt.Sprint(id)))}}
	for s := 1; s <= n; s++ {
		h := []byte(fmt.Sprintf("hash-%s-%d", email, s))
		p.events = append(p.events, Event{Prospect: id, Seq: uint64(s), Hash: h, Sealed: k.SealNote(h, h)})
	}
	if n > 0 {
		p.rec.Head, p.rec.Seq = p.events[n-1].Hash, uint64(n)
	}
	return p
}

func (p person) batch() Batch { return Batch{Records: []Record{p.rec}, Events: p.events} }

func count(t *testing.T, f *fixture, table, where string) int {
	t.Helper()
	var n int
	conn := f.rawAdmin(t)
	if err := conn.QueryRow(testCtx(t), "SELECT count(*) FROM wl_sales_north."+table+" WHERE "+where).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRowLevelSecurity(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	bert := newPerson(f.bert.Keys(), 7, "bert-only@example.com", 2)
	if err := f.bert.Push(ctx, bert.batch()); err != nil {
		t.Fatal(err)
	}
	if err := f.bert.Push(ctx, Batch{Blocks: []Block{{Key: "b1", Kind: BlockObjection, Hashes: bert.rec.Hashes}}}); err != nil {
		t.Fatal(err)
	}
	annLogin, bertLogin := f.inv["Ann Rep"].Credentials.Login, f.inv["Bert Rep"].Credentials.Login
	ann := f.raw(t, "Ann Rep")
	forged := []struct{ name, sql string }{
		{"record under Bert's login", "INSERT INTO wl_sales_north.records (login, prospect, hashes) VALUES ('" + bertLogin + "', 99, '{}')"},
		{"block under Bert's login", "INSERT INTO wl_sales_north.blocks (login, key, kind, hashes, time) VALUES ('" + bertLogin + "', 'x', 'erasure', '{}', now())"},
		{"event under Bert's login", "INSERT INTO wl_sales_north.events (login, prospect, seq, hash, sealed) VALUES ('" + bertLogin + "', 7, 3, '\\x00', '\\x00')"},
		{"Ann's record moved to Bert", "INSERT INTO wl_sales_north.records (prospect, hashes) VALUES (5, '{}'); UPDATE wl_sales_north.records SET login = '" + bertLogin + "' WHERE prospect = 5"},
		{"Ann making herself manager", "UPDATE wl_sales_north.members SET manager = true WHERE login = current_user"},
		{"Ann sealing a key for herself", "INSERT INTO wl_sales_north.team_keys (epoch, login, sealed_key) VALUES (9, '" + annLogin + "', '\\x00')"},
		{"Ann deleting a block", "DELETE FROM wl_sales_north.blocks"},
		{"Ann reading the change feed", "SELECT * FROM wl_sales_north.changes"},
	}
	for _, c := range forged {
		_, err := ann.Exec(ctx, c.sql)
		var pg *pgconn.PgError
		if !errors.As(err, &pg) || pg.Code != pgInsufficientPrivilege {
			t.Errorf("%s: %v, want refused (42501)", c.name, err)
		}
	}
	// Deleting or updating another member's rows finds nothing to touch.
	for _, sql := range []string{
		"DELETE FROM wl_sales_north.records WHERE login = '" + bertLogin + "'",
		"UPDATE wl_sales_north.records SET snapshot = NULL WHERE login = '" + bertLogin + "'",
	} {
		if tag, err := ann.Exec(ctx, sql); err != nil || tag.RowsAffected() != 0 {
			t.Errorf("%s: %v rows, %v", sql, tag.RowsAffected(), err)
		}
	}
	reads := []struct {
		name, sql string
		want      int
	}{
		{"Bert's records", "SELECT count(*) FROM wl_sales_north.records WHERE login = '" + bertLogin + "'", 0},
		{"Bert's events", "SELECT count(*) FROM wl_sales_north.events WHERE login = '" + bertLogin + "'", 0},
		{"the team's blocks", "SELECT count(*) FROM wl_sales_north.blocks", 1},
		{"the members", "SELECT count(*) FROM wl_sales_north.members", 3},
		{"others' sealed keys", "SELECT count(*) FROM wl_sales_north.team_keys WHERE login <> current_user", 0},
	}
	for _, r := range reads {
		var n int
		if err := ann.QueryRow(ctx, r.sql).Scan(&n); err != nil || n != r.want {
			t.Errorf("Ann reading %s: %d rows (%v), want %d", r.name, n, err, r.want)
		}
	}
	if got := count(t, f, "records", "login = '"+bertLogin+"'"); got != 1 {
		t.Fatalf("Bert's records after Ann's attempts: %d, want 1", got)
	}
	// The manager reads everyone's.
	var n int
	if err := f.manager.pool.QueryRow(ctx, "SELECT count(*) FROM wl_sales_north.events").Scan(&n); err != nil || n != 2 {
		t.Fatalf("the manager reads %d events (%v), want 2", n, err)
	}
}

func TestPushIsIdempotent(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	p := newPerson(f.ann.Keys(), 1, "anna@example.com", 5)
	b := p.batch()
	b.Blocks = []Block{{Key: "obj-1", Kind: BlockObjection, Hashes: p.rec.Hashes, Note: []byte("n")}}
	for range 2 {
		if err := f.ann.Push(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	for table, want := range map[string]int{"records": 1, "events": 5, "blocks": 1} {
		if got := count(t, f, table, "true"); got != want {
			t.Errorf("%s after the same batch twice: %d, want %d", table, got, want)
		}
	}
	var seqs []int64
	last, err := f.bert.PullBlocks(ctx, 0, func(b Block) error { seqs = append(seqs, b.Seq); return nil })
	if err != nil || len(seqs) != 1 || last != seqs[0] {
		t.Fatalf("blocks pulled %v, last %d, %v", seqs, last, err)
	}
	// The ledger grows: two more events and the new head.
	more := newPerson(f.ann.Keys(), 1, "anna@example.com", 7)
	if err := f.ann.Push(ctx, Batch{Records: []Record{more.rec}, Events: more.events[5:]}); err != nil {
		t.Fatal(err)
	}
	heads, err := f.ann.Heads(ctx)
	if err != nil || heads[1].Seq != 7 || !bytes.Equal(heads[1].Head, more.rec.Head) {
		t.Fatalf("heads %+v, %v", heads, err)
	}
	if got := count(t, f, "events", "true"); got != 7 {
		t.Fatalf("events %d, want 7", got)
	}
	// Removed: the record and its events go.
	if err := f.ann.Push(ctx, Batch{Removed: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	if r, e := count(t, f, "records", "true"), count(t, f, "events", "true"); r+e != 0 {
		t.Fatalf("after removal: %d records, %d events", r, e)
	}
}

func TestPushCutMidwayLosesAndDoublesNothing(t *testing.T) {
	f := newFixture(t)
	k := f.ann.Keys()
	var b Batch
	for i := range 300 {
		p := newPerson(k, uint64(i+1), fmt.Sprintf("p%d@example.com", i), 10)
		b.Records, b.Events = append(b.Records, p.rec), append(b.Events, p.events...)
	}
	// Cut by the caller: a context that ends while the batch is on its way.
	for _, after := range []time.Duration{time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(testCtx(t), after)
		err := f.ann.Push(ctx, b)
		cancel()
		t.Logf("push cut after %v: %v", after, err)
		if err == nil {
			continue // it made it in time: fine, the next sends must change nothing
		}
		if got := count(t, f, "events", "true"); got != 0 && got != 3000 {
			t.Fatalf("a cut push left %d of 3000 events", got)
		}
	}
	// Cut by the server: stopped while the push runs, started again.
	done := make(chan error, 1)
	go func() { done <- f.ann.Push(testCtx(t), b) }()
	time.Sleep(2 * time.Millisecond)
	f.pg.Stop()
	err := <-done
	f.pg.Restart()
	t.Logf("push with the server stopped: %v", err)
	if err != nil && !errors.Is(err, ErrUnreachable) {
		t.Fatalf("push with the server gone: %v, want ErrUnreachable", err)
	}
	// Sent again until it goes through (the pool reconnects).
	ctx := testCtx(t)
	for try := 0; ; try++ {
		if err = f.ann.Push(ctx, b); err == nil || try == 5 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if r, e := count(t, f, "records", "true"), count(t, f, "events", "true"); r != 300 || e != 3000 {
		t.Fatalf("after the cuts and the resend: %d records, %d events; want 300 and 3000", r, e)
	}
}

func TestErasureEverywhere(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	k := f.ann.Keys()
	anna := newPerson(k, 1, "anna@example.com", 3)
	annaAtBert := newPerson(k, 40, "anna@example.com", 2)
	other := newPerson(k, 41, "other@example.com", 2)
	other.rec.Hashes = [][]byte{k.Blind("email", "other@example.com")}
	if err := f.ann.Push(ctx, anna.batch()); err != nil {
		t.Fatal(err)
	}
	both := Batch{Records: []Record{annaAtBert.rec, other.rec}, Events: append(annaAtBert.events, other.events...)}
	if err := f.bert.Push(ctx, both); err != nil {
		t.Fatal(err)
	}
	seen, err := f.bert.Seen(ctx, [][]byte{k.Blind("email", "anna@example.com")})
	if err != nil || len(seen) != 1 || seen[0].Member != "Ann Rep" || !seen[0].Since.Equal(anna.rec.Since) {
		t.Fatalf("Bert sees %+v (%v), want Ann Rep since 2 Mar", seen, err)
	}
	if seen, _ := f.bert.Seen(ctx, other.rec.Hashes); len(seen) != 0 {
		t.Fatalf("Bert's own record reported as another's: %+v", seen)
	}
	// Ann erases Anna: her local prospect is gone (Removed) and the erasure
	// block carries the hashes, in one batch.
	erasure := Block{Key: "erase-1", Kind: BlockErasure, Hashes: [][]byte{k.Blind("email", "anna@example.com")}}
	if err := f.ann.Push(ctx, Batch{Blocks: []Block{erasure}, Removed: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, f, "records", "true"); n != 1 {
		t.Fatalf("%d records after the erasure, want only Bert's other person", n)
	}
	// Bert, not yet synced, pushes Anna again: the server drops it.
	annaAtBert.rec.Seq++
	if err := f.bert.Push(ctx, annaAtBert.batch()); err != nil {
		t.Fatal(err)
	}
	if n := count(t, f, "records", "prospect = 40"); n != 0 {
		t.Fatal("a record meeting an erasure landed")
	}
	dump := f.pg.Dump()
	for _, gone := range [][]byte{anna.rec.Snapshot, annaAtBert.rec.Snapshot, anna.events[0].Sealed, annaAtBert.events[1].Sealed, anna.rec.Head} {
		if bytes.Contains(dump, []byte(hex.EncodeToString(gone))) {
			t.Fatal("pg_dump still holds the erased person's rows")
		}
	}
	if !bytes.Contains(dump, []byte(hex.EncodeToString(other.rec.Snapshot))) {
		t.Fatal("the dump lost the other person's record (is the check looking at the right text?)")
	}
	if bytes.Contains(dump, []byte("anna@example.com")) || bytes.Contains(dump, []byte("Anna Berg")) {
		t.Fatal("the dump holds the person in clear")
	}
}
