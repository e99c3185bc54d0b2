package team

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestPullMirror(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	k := f.ann.Keys()
	a1, a2 := newPerson(k, 1, "a1@example.com", 3), newPerson(k, 2, "a2@example.com", 1)
	b1 := newPerson(k, 1, "b1@example.com", 2) // the same local id at another rep
	if err := f.ann.Push(ctx, Batch{Records: []Record{a1.rec, a2.rec}, Events: append(a1.events, a2.events...)}); err != nil {
		t.Fatal(err)
	}
	if err := f.bert.Push(ctx, b1.batch()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ann.PullMirror(ctx, 0, func(MirrorChange) error { return nil }); !errors.Is(err, ErrNotManager) {
		t.Fatalf("a rep pulling the mirror: %v", err)
	}
	pull := func(since int64) (map[string]MirrorChange, int64) {
		t.Helper()
		got := map[string]MirrorChange{}
		last, err := f.manager.PullMirror(ctx, since, func(c MirrorChange) error {
			got[fmt.Sprintf("%s/%d", c.Record.Member, c.Record.Prospect)] = c
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got, last
	}
	first, cursor := pull(0)
	if len(first) != 3 || len(first["Ann Rep/1"].Events) != 3 || len(first["Bert Rep/1"].Events) != 2 {
		t.Fatalf("first mirror pull: %+v", first)
	}
	if c := first["Ann Rep/1"]; !bytes.Equal(c.Record.Snapshot, a1.rec.Snapshot) || c.Record.Seq != 3 || c.Removed {
		t.Fatalf("Ann's record in the mirror: %+v", c.Record)
	}
	if again, last := pull(cursor); len(again) != 0 || last != cursor {
		t.Fatalf("a pull with nothing new gave %d changes, cursor %d -> %d", len(again), cursor, last)
	}
	// One more event at Ann, and Bert's record removed.
	a1 = newPerson(k, 1, "a1@example.com", 4)
	if err := f.ann.Push(ctx, Batch{Records: []Record{a1.rec}, Events: a1.events[3:]}); err != nil {
		t.Fatal(err)
	}
	if err := f.bert.Push(ctx, Batch{Removed: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	next, _ := pull(cursor)
	if len(next) != 2 {
		t.Fatalf("incremental pull: %d changes, want 2: %+v", len(next), next)
	}
	if c := next["Ann Rep/1"]; len(c.Events) != 1 || c.Events[0].Seq != 4 || c.Record.Seq != 4 {
		t.Fatalf("Ann's change: only the new event expected, got %+v", c)
	}
	if c := next["Bert Rep/1"]; !c.Removed {
		t.Fatalf("Bert's removal: %+v", c)
	}
	members, err := f.manager.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		want := map[string]int{"Ann Rep": 2}[m.Name]
		if m.Prospects != want {
			t.Errorf("%s: %d prospects, want %d", m.Name, m.Prospects, want)
		}
	}
}

func TestListenDeliversUnderTwoSeconds(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(testCtx(t))
	defer cancel()
	got := make(chan time.Time, 16)
	done := make(chan error, 1)
	go func() { done <- f.bert.Listen(ctx, func() { got <- time.Now() }) }()
	time.Sleep(300 * time.Millisecond) // LISTEN in place
	start := time.Now()
	if err := f.ann.Push(ctx, Batch{Blocks: []Block{{Key: "k", Kind: BlockObjection, Hashes: [][]byte{{1}}}}}); err != nil {
		t.Fatal(err)
	}
	select {
	case at := <-got:
		if d := at.Sub(start); d > 2*time.Second {
			t.Fatalf("notification after %v", d)
		}
		t.Logf("push to notification: %v", at.Sub(start))
	case <-time.After(2 * time.Second):
		t.Fatal("no notification within 2 s")
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Listen ended with %v, want context.Canceled", err)
	}
}
