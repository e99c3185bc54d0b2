package store

import (
	"encoding/hex"
	"errors"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/team"
)

// The local side of a team (issue 15). Every bucket here is covered by the
// authenticated state (state.go) and every value is sealed like the rest:
//
//	team         the link (the team's blind-index key and the use cases'
//	             opaque blob: credentials and keys) and the sync cursors
//	team_blocks  block id -> one pulled team block (sealed)
//	team_index   team blind hash | block id -> nothing: which blocks a hash names
//	team_outbox  seq -> a block or a removal waiting to be pushed
//	team_marks   prospect id -> what of it the server has (TeamMark)
//
// The link lives in a covered bucket rather than in meta, so removing it
// (or putting an older one back) by hand shows at verify.
var (
	bTeam       = []byte("team")
	bTeamBlocks = []byte("team_blocks")
	bTeamIndex  = []byte("team_index")
	bTeamOutbox = []byte("team_outbox")
	bTeamMarks  = []byte("team_marks")

	kTeamLink = []byte("link")

	teamBuckets = [][]byte{bTeam, bTeamBlocks, bTeamIndex, bTeamOutbox, bTeamMarks}
)

// ErrNoTeam: the database is not linked to a team.
var ErrNoTeam = errors.New("this database is not in a team")

// TeamLink is what the store keeps of the team: the Index key, so record
// assembly and the suppression checks can compute the person's team blind
// hashes, and Blob, which the use cases own (team.Invitation as JSON). It
// is sealed in the database file, whose key sits in the OS keyring or
// behind the passphrase.
type TeamLink struct {
	Index  []byte    `json:"index"`
	Blob   []byte    `json:"blob"`
	Joined time.Time `json:"joined"`
	// MirrorKey is the passphrase of the manager's mirror database (random,
	// only here), empty for a rep.
	MirrorKey string `json:"mirror_key,omitempty"`
}

// Team cursors kept in the team bucket (TeamCursor).
const (
	CursorBlocks   = "cursor.blocks"
	CursorMirror   = "cursor.mirror"
	CursorLastSync = "last-sync" // unix seconds of the last finished sync
)

// SetTeamLink links the database to a team (create, join) or replaces the
// link's blob (keys rotated at a revocation), with its audit entry.
func (db *DB) SetTeamLink(l TeamLink, a AuditEntry) error {
	return db.update(func(tx *bolt.Tx) error {
		if err := db.put(tx, bTeam, kTeamLink, l); err != nil {
			return err
		}
		if a.Action == "" {
			return nil
		}
		if a.Time.IsZero() {
			a.Time = time.Now()
		}
		return db.appendAudit(tx, a)
	})
}

// TeamLink is the team link; ok is false outside a team.
func (db *DB) TeamLink() (l TeamLink, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		var e error
		l, ok, e = db.teamLink(tx)
		return e
	})
	return l, ok, err
}

func (db *DB) teamLink(tx *bolt.Tx) (TeamLink, bool, error) {
	var l TeamLink
	b := tx.Bucket(bTeam)
	if b == nil || b.Get(kTeamLink) == nil {
		return l, false, nil
	}
	if err := db.get(tx, bTeam, kTeamLink, &l, "the team link"); err != nil {
		return l, false, err
	}
	return l, len(l.Index) > 0, nil
}

// teamKeys is the link's blind-index key as team.Keys, ok false outside a
// team (or when the link cannot be opened: verify reports that).
func (db *DB) teamKeys(tx *bolt.Tx) (team.Keys, bool) {
	l, ok, err := db.teamLink(tx)
	if err != nil || !ok {
		return team.Keys{}, false
	}
	return team.Keys{Index: l.Index}, true
}

// TeamHashes are the team blind hashes of p: its email, phone, number kept
// as written and name with company. The kinds are team.Keys.Blind's.
func TeamHashes(k team.Keys, p consent.Prospect) [][]byte {
	var out [][]byte
	for _, h := range teamHashes(k, p) {
		out = append(out, h.hash)
	}
	return out
}

// kindHash is a team blind hash with its kind: an erasure matches by the
// contact details (email, phone), a declined introduction by name and
// company too, as the local suppression does.
type kindHash struct {
	field string // the SuppressedError field a match is refused with
	hash  []byte
}

func teamHashes(k team.Keys, p consent.Prospect) []kindHash {
	var out []kindHash
	if p.Email != "" {
		out = append(out, kindHash{"email", k.Blind("email", p.Email)})
	}
	if p.Phone != "" {
		out = append(out, kindHash{"phone", k.Blind("phone", p.Phone)})
	}
	if raw := rawPhoneKey(p.PhoneRaw); raw != "" {
		out = append(out, kindHash{"phone", k.Blind("phone-raw", raw)})
	}
	if p.Name != "" {
		out = append(out, kindHash{fieldDeclined, k.Blind("name", nameCompanyKey(p.Name, p.Company))})
	}
	return out
}

// matches says whether a block found under hash h applies to the person:
// every kind by a contact detail, only a declined introduction by name and
// company (two people of one name at one company are not one erasure).
func (h kindHash) matches(kind string) bool {
	return h.field != fieldDeclined || kind == consent.TeamDeclined
}

// TeamHashesOf is TeamHashes under this database's team key (nil outside a
// team): for Seen and for the records pushed.
func (db *DB) TeamHashesOf(p consent.Prospect) [][]byte {
	var out [][]byte
	db.view(func(tx *bolt.Tx) error {
		if k, ok := db.teamKeys(tx); ok {
			out = TeamHashes(k, p)
		}
		return nil
	})
	return out
}

// TeamCursor reads a cursor (0 when never set).
func (db *DB) TeamCursor(name string) int64 {
	var v int64
	db.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bTeam) != nil && tx.Bucket(bTeam).Get([]byte(name)) != nil {
			return db.get(tx, bTeam, []byte(name), &v, "a team cursor")
		}
		return nil
	})
	return v
}

// SetTeamCursors writes cursors in one transaction.
func (db *DB) SetTeamCursors(kv map[string]int64) error {
	return db.update(func(tx *bolt.Tx) error {
		for k, v := range kv {
			if err := db.put(tx, bTeam, []byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// MirrorPath is where the manager's team mirror sits: beside the database.
func (db *DB) MirrorPath() string { return db.path + ".team" }

// LeaveTeam removes the link, the blocks, the outbox, the marks, the
// cursors and the mirror file from this laptop (a revoked member, or one
// leaving), with an audit entry saying why. Local prospects stay: they are
// this rep's own working copy, and every local block stays in its ledger.
func (db *DB) LeaveTeam(a AuditEntry) error {
	err := db.update(func(tx *bolt.Tx) error {
		for _, name := range teamBuckets {
			if err := db.clearTracked(tx, name); err != nil {
				return err
			}
		}
		if a.Time.IsZero() {
			a.Time = time.Now()
		}
		return db.appendAudit(tx, a)
	})
	if err != nil {
		return err
	}
	db.facetsRereadAll() // the team's blocks are gone (team_facets.go)
	for _, p := range []string{db.MirrorPath(), db.MirrorPath() + ".lock"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return db.compactPending()
}

// clearTracked deletes every record of a covered bucket, keeping the state.
func (db *DB) clearTracked(tx *bolt.Tx, bucket []byte) error {
	return db.deletePrefixTracked(tx, bucket, nil)
}

// newMirrorKey is a random passphrase for the manager's mirror database.
func newMirrorKey() string { return hex.EncodeToString(randomBytes(32)) }
