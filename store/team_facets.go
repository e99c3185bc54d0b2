package store

import (
	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/team"
)

// The team's blocks in the read model. The company is the controller, so
// what another member recorded binds this laptop: consent.Decide already
// blocks on it, and the ledger facets say so too (summarise). An objection
// or "do not call me" reads as objected in the table's consent column and
// its filter, and puts the person with the barred on the call list; a
// register the manager published marks the number do-not-call; a
// withdrawal reads as withdrawn. A declined introduction is left to its own
// rule, as a local one is; an erasure erases the person.
//
// A block holds hashes only, so it is matched to prospects by their hashes:
// per ledger read (teamFacetReader), and for the prospects a pulled block
// names (staleForTeamBlocks marks them to be read again).

// bindsFacets says whether a team block kind changes a facet (summarise).
func bindsFacets(kind string) bool {
	switch kind {
	case consent.TeamObjection, consent.TeamDoNotCall, consent.TeamRegister, consent.TeamWithdrawal:
		return true
	}
	return false
}

// teamFacetReader finds, inside one read transaction, the team blocks that
// name a prospect. Outside a team, or with no block held, it finds none
// without hashing anything.
type teamFacetReader struct {
	db   *DB
	tx   *bolt.Tx
	keys team.Keys
	on   bool
}

func (db *DB) newTeamFacetReader(tx *bolt.Tx) teamFacetReader {
	k, linked := db.teamKeys(tx)
	held := false
	if linked {
		first, _ := tx.Bucket(bTeamIndex).Cursor().First()
		held = first != nil
	}
	return teamFacetReader{db: db, tx: tx, keys: k, on: linked && held}
}

// of is the team blocks naming the prospect's email, phone or number kept
// as written. The contact details are copied from the index under its
// lock: a facet job carries only what the deadline hint reads.
func (r teamFacetReader) of(ix *searchIndex, id uint64) []consent.TeamBlock {
	if !r.on {
		return nil
	}
	var p consent.Prospect
	r.db.mu.RLock()
	if e := ix.byID[id]; e != nil {
		p = consent.Prospect{Email: e.p.Email, Phone: e.p.Phone, PhoneRaw: e.p.PhoneRaw}
	}
	r.db.mu.RUnlock()
	return r.db.teamBlocksFor(r.tx, r.keys, p)
}

// teamWalkMax is how many facet-changing blocks one pull matches against
// every prospect; a larger pull (a register published, a team's history at
// joining) has every ledger read again once instead, which is cheaper than
// hashing every prospect per chunk.
const teamWalkMax = 1000

// staleForTeamBlocks has, once the transaction commits, the facets that
// bs can change read again: those of the local prospects the blocks name,
// or all of them after a large pull. Erasures are matched (and erased) by
// the use cases instead.
func (db *DB) staleForTeamBlocks(tx *bolt.Tx, k team.Keys, bs []TeamBlockIn) {
	named := map[string]consent.TeamBlock{}
	n := 0
	for _, b := range bs {
		if !bindsFacets(b.Block.Kind) {
			continue
		}
		if n++; n > teamWalkMax {
			tx.OnCommit(db.facetsRereadAll)
			return
		}
		for _, h := range b.Hashes {
			named[string(h)] = b.Block
		}
	}
	matches := db.teamMatches(tx, k, named)
	if len(matches) == 0 {
		return
	}
	tx.OnCommit(func() {
		db.mu.Lock()
		defer db.mu.Unlock()
		if db.index != nil {
			for _, m := range matches {
				db.index.facets.markStale(m.ID)
			}
		}
	})
}

// facetsRereadAll has every facet read again by the next refresh, the
// current ones answering until then: after a large pull, or after leaving
// the team, whose blocks go with it.
func (db *DB) facetsRereadAll() {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.index != nil {
		db.index.facets.rereadAll = true
	}
}
