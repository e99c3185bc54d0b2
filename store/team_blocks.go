package store

import (
	"bytes"
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/team"
)

// TeamBlockIn is one block pulled from the team, its note already opened
// by the use cases: Key and Member make it unique (a block pulled twice is
// kept once).
type TeamBlockIn struct {
	Key    string
	Member string
	Hashes [][]byte
	Block  consent.TeamBlock
}

// teamBlockEntry is one element of a team_blocks value.
type teamBlockEntry struct {
	Key    string            `json:"key"`
	Member string            `json:"member"`
	Block  consent.TeamBlock `json:"block"`
}

// TeamMatch is a local prospect an erasure (or declined) block names.
type TeamMatch struct {
	ID    uint64
	Block consent.TeamBlock
}

// ApplyTeamBlocks stores pulled blocks under each of their hashes and
// moves the blocks cursor to cursor, in one transaction: cut off, the
// blocks come again and are kept once. It returns the local prospects an
// erasure block names: the use cases erase each (EraseFromTeam).
func (db *DB) ApplyTeamBlocks(bs []TeamBlockIn, cursor int64) ([]TeamMatch, error) {
	var out []TeamMatch
	err := db.update(func(tx *bolt.Tx) error {
		k, ok := db.teamKeys(tx)
		if !ok {
			return ErrNoTeam
		}
		erasures := map[string]consent.TeamBlock{}
		for _, b := range bs {
			for _, h := range b.Hashes {
				if err := db.addTeamBlock(tx, h, teamBlockEntry{Key: b.Key, Member: b.Member, Block: b.Block}); err != nil {
					return err
				}
				if b.Block.Kind == consent.TeamErasure {
					erasures[string(h)] = b.Block
				}
			}
		}
		if err := db.put(tx, bTeam, []byte(CursorBlocks), cursor); err != nil {
			return err
		}
		if len(erasures) == 0 {
			return nil
		}
		var err error
		out, err = db.teamMatches(tx, k, erasures)
		return err
	})
	return out, err
}

// TeamMatchesErased are the local prospects any held erasure block names:
// after a backup restore they are back, and the next sync erases them
// again. The erasure hashes have an index of their own in the team bucket
// (erasureKey), so a team with many register blocks walks none of them.
func (db *DB) TeamMatchesErased() ([]TeamMatch, error) {
	var out []TeamMatch
	err := db.view(func(tx *bolt.Tx) error {
		k, ok := db.teamKeys(tx)
		if !ok {
			return nil
		}
		erasures := map[string]consent.TeamBlock{}
		c := tx.Bucket(bTeam).Cursor()
		for key, v := c.Seek(erasurePrefix); key != nil && bytes.HasPrefix(key, erasurePrefix); key, v = c.Next() {
			var b consent.TeamBlock
			if err := db.decode(bTeam, key, v, &b, "a team erasure"); err != nil {
				return err
			}
			erasures[string(key[len(erasurePrefix):])] = b
		}
		if len(erasures) == 0 {
			return nil
		}
		var err error
		out, err = db.teamMatches(tx, k, erasures)
		return err
	})
	return out, err
}

var erasurePrefix = []byte("erasure\x00")

// teamMatches walks the prospects for those with a hash in erasures. A
// block holds hashes only, so there is no index to look them up by; the
// decrypted prospects of the read model are walked, not the file.
func (db *DB) teamMatches(tx *bolt.Tx, k team.Keys, erasures map[string]consent.TeamBlock) ([]TeamMatch, error) {
	var out []TeamMatch
	db.mu.RLock()
	var ps []consent.Prospect
	if db.index != nil {
		for _, e := range db.index.byID {
			ps = append(ps, e.p)
		}
	}
	db.mu.RUnlock()
	for _, p := range ps {
		if tx.Bucket(bProspects).Get(u64(p.ID)) == nil {
			continue
		}
		for _, h := range teamHashes(k, p) {
			if b, ok := erasures[string(h.hash)]; ok && h.matches(b.Kind) {
				out = append(out, TeamMatch{ID: p.ID, Block: b})
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b TeamMatch) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (db *DB) addTeamBlock(tx *bolt.Tx, h []byte, e teamBlockEntry) error {
	list, err := db.teamBlockList(tx, h)
	if err != nil {
		return err
	}
	for _, old := range list {
		if old.Key == e.Key && old.Member == e.Member {
			return nil
		}
	}
	if e.Block.Kind == consent.TeamErasure {
		if err := db.put(tx, bTeam, join(erasurePrefix, h), e.Block); err != nil {
			return err
		}
	}
	return db.put(tx, bTeamBlocks, h, append(list, e))
}

func (db *DB) teamBlockList(tx *bolt.Tx, h []byte) ([]teamBlockEntry, error) {
	var list []teamBlockEntry
	b := tx.Bucket(bTeamBlocks)
	if b == nil || b.Get(h) == nil {
		return nil, nil
	}
	err := db.get(tx, bTeamBlocks, h, &list, "a team block")
	return list, err
}

// teamBlocksFor are the team blocks naming any of p's hashes, each once.
func (db *DB) teamBlocksFor(tx *bolt.Tx, k team.Keys, p consent.Prospect) []consent.TeamBlock {
	var out []consent.TeamBlock
	seen := map[[2]string]bool{}
	for _, h := range teamHashes(k, p) {
		list, err := db.teamBlockList(tx, h.hash)
		if err != nil {
			continue // damaged: verify reports it
		}
		for _, e := range list {
			if id := [2]string{e.Member, e.Key}; !seen[id] && h.matches(e.Block.Kind) {
				seen[id] = true
				out = append(out, e.Block)
			}
		}
	}
	return out
}

// TeamBlockCount is the number of team blocks held (each once).
func (db *DB) TeamBlockCount() int {
	seen := map[[2]string]bool{}
	db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bTeamBlocks).ForEach(func(h, v []byte) error {
			var list []teamBlockEntry
			if db.decode(bTeamBlocks, h, v, &list, "a team block") == nil {
				for _, e := range list {
					seen[[2]string{e.Member, e.Key}] = true
				}
			}
			return nil
		})
	})
	return len(seen)
}

// checkTeamSuppressed refuses a new prospect whom the team erased or who
// declined an introduction, as a local suppression is refused.
func (db *DB) checkTeamSuppressed(tx *bolt.Tx, p consent.Prospect) error {
	k, ok := db.teamKeys(tx)
	if !ok {
		return nil
	}
	for _, h := range teamHashes(k, p) {
		list, err := db.teamBlockList(tx, h.hash)
		if err != nil {
			return err
		}
		for _, e := range list {
			if (e.Block.Kind == consent.TeamErasure || e.Block.Kind == consent.TeamDeclined) && h.matches(e.Block.Kind) {
				field := h.field
				if e.Block.Kind == consent.TeamDeclined {
					field = fieldDeclined
				}
				return &SuppressedError{Field: field}
			}
		}
	}
	return nil
}
