//go:build ci

package ui

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// An objection another member recorded binds the open window as soon as
// Live's sync has pulled it: the person goes to the bottom of Calls, with
// Call disabled and the team's reason, and the table's Consent column
// reads Objected. The block is stored as the real pull stores it; the fake
// team only reports the sync.
func TestTeamObjectionReachesTheLists(t *testing.T) {
	i18n.Use("en")
	g := openMain(t,
		consent.Prospect{Name: "Anna Alpha", Company: "Alpha BV", Phone: "+31 20 555 0101", Email: "anna@alpha.example", Source: consent.SourceColdCall},
		consent.Prospect{Name: "Bram Beta", Company: "Beta BV", Phone: "+31 20 555 0102", Email: "bram@beta.example", Source: consent.SourceColdCall})
	keys := team.Keys{Index: bytes.Repeat([]byte{7}, 32)}
	if err := g.db.SetTeamLink(store.TeamLink{Index: keys.Index, Blob: []byte(`{"secret":1}`)}, store.AuditEntry{Rep: "Rita Rep", Action: "team-joined"}); err != nil {
		t.Fatal(err)
	}
	f := useFakeTeam(t, g, managerTeam(t))
	g.shell.show("calls")
	g.wait()
	cs := g.shell.calls
	order := func() []uint64 {
		var ids []uint64
		for _, r := range cs.rows {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := order(); !slices.Equal(got, []uint64{1, 2}) {
		t.Fatalf("before the pull: calls in order %v, want by name", got)
	}

	anna, _ := g.db.Index().Cached(1)
	objection := store.TeamBlockIn{Key: "k1", Member: "Bert Rep", Hashes: store.TeamHashes(keys, anna),
		Block: consent.TeamBlock{Kind: consent.TeamObjection, Rep: "Bert Rep", Time: time.Now()}}
	if _, err := g.db.ApplyTeamBlocks([]store.TeamBlockIn{objection}, 1); err != nil {
		t.Fatal(err)
	}
	f.set(func(f *fakeTeam) { f.sync = usecase.SyncResult{When: time.Now(), Pulled: 1} })
	f.notify <- struct{}{}
	waitFor(t, g, func() bool { return slices.Equal(order(), []uint64{2, 1}) })
	waitFor(t, g, func() bool { _, ok := cs.decisions[1]; return ok })
	row := cs.newRow()
	cs.updateRow(1, row)
	if !hasText(row, "objected to Bert Rep") || !hasDisabledButton(row, "Call") {
		t.Fatal("Anna's row does not disable Call with the team's reason")
	}

	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	waitFor(t, g, func() bool { return len(p.results) == 2 && cellText(p, 0, 6) != "…" })
	for i, id := range p.results {
		want := map[uint64]string{1: "Objected", 2: "No consent"}[id]
		if got := cellText(p, i, 6); got != want {
			t.Errorf("prospect %d's consent column reads %q, want %q", id, got, want)
		}
	}
}
