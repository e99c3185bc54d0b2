package usecase

// THIS FILE IS THE CONTRACT between the team's use cases (the Team family,
// built on package team and the store's team side) and their adapters: the
// Team screen, setup's "Join a team", the team scope of Prospects, Reports
// and Today (package ui) and `warmlead team …`, `list --team`,
// `report --team` (package ui/cli). Types and signatures do not change
// without both sides agreeing; the ErrNotBuilt bodies are replaced by the
// implementation (team.go and its neighbours).

import (
	"sync"
	"time"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
)

// TeamInfo says which team this database belongs to, as whom.
type TeamInfo struct {
	Team    string
	Member  string
	Server  string // host[:port]/db, never a password
	Manager bool
	Joined  time.Time
}

// SyncResult is what one sync did.
type SyncResult struct {
	When     time.Time
	Pushed   int // records, events and blocks sent
	Pulled   int // team blocks received
	Erased   int // local prospects erased because the team asked (tombstoned)
	Mirrored int // manager: mirror changes applied
	// Anchors lists local ledgers that disagree with the team's copy (rolled
	// back, truncated, or a record removed without an erasure): the sync
	// still ran; the screens and `team sync` show each.
	Anchors []AnchorProblem
}

// AnchorProblem is one ledger the server's head hash does not confirm.
type AnchorProblem struct {
	Prospect uint64
	Kind     string // "rolled-back", "truncated", "removed"
	Message  consent.Message
}

// TeamStatus is `team status` and the Team screen's content.
type TeamStatus struct {
	Info     TeamInfo
	Online   bool      // the server answered just now
	LastSync time.Time // this database's last finished sync
	Pending  int       // local changes not yet on the server
	Blocks   int       // team blocks held locally
	Members  []team.Member
}

// TeamRow is one prospect of the manager's team scope: the mirror's
// prospect and the member who holds it.
type TeamRow struct {
	Prospect consent.Prospect
	Rep      string
}

// Team is the team's use cases over this database (a field of App).
type Team struct {
	env Env
	st  teamStore

	// mu serialises syncs (Live's and a "Sync now"); mirrorMu guards the
	// mirror, which one process opens once (its file is locked while open).
	mu       sync.Mutex
	mirrorMu sync.Mutex
	mirror   *store.DB
	mapp     *App
}

// teamStore is the part of the store the Team family needs (*store.DB).
type teamStore interface {
	Path() string
	Settings() (consent.Settings, error)
	TeamLink() (store.TeamLink, bool, error)
	SetTeamLink(l store.TeamLink, a store.AuditEntry) error
	LeaveTeam(a store.AuditEntry) error
	TeamCursor(name string) int64
	SetTeamCursors(kv map[string]int64) error
	TeamOutbox() ([]store.TeamOutboxEntry, error)
	QueueTeamBlocks(es []store.TeamOutboxEntry) error
	TeamPushed(sent []uint64, marks map[uint64]store.TeamMark) error
	TeamMarks() (map[uint64]store.TeamMark, error)
	TeamBlockCount() int
	TeamHashesOf(p consent.Prospect) [][]byte
	ApplyTeamBlocks(bs []store.TeamBlockIn, cursor int64) ([]store.TeamMatch, error)
	TeamMatchesErased() ([]store.TeamMatch, error)
	EraseFromTeam(id uint64, reason, rep string, now time.Time) error
	ForEachRecord(fn func(consent.Record) error) ([]error, error)
	Events(id uint64) ([]consent.Event, error)
	Tombstone(id uint64) (store.Tombstone, error)
	Prospect(id uint64) (consent.Prospect, error)
	OpenMirror() (*store.DB, error)
	MirrorPath() string
	// Commit takes the audit entries of the team scope's documents (added
	// after the contract: the manager's log records the team's exports).
	Commit(c store.Change) ([]consent.Event, error)
}

// The Team family's methods: Info, Create, Invite, Join, Revoke, Status,
// Seen (team.go), Sync (team_sync.go), Live, MirrorApp, Rows and Close
// (team_live.go).
