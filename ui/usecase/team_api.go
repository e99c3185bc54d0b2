package usecase

// THIS FILE IS THE CONTRACT between the team's use cases (the Team family,
// built on package team and the store's team side) and their adapters: the
// Team screen, setup's "Join a team", the team scope of Prospects, Reports
// and Today (package ui) and `warmlead team …`, `list --team`,
// `report --team` (package ui/cli). Types and signatures do not change
// without both sides agreeing; the ErrNotBuilt bodies are replaced by the
// implementation (team.go and its neighbours).

import (
	"context"
	"errors"
	"time"

	"warmlead/consent"
	"warmlead/team"
)

// errTeamNotBuilt marks the contract's placeholders (never shipped).
var errTeamNotBuilt = errors.New("team use cases not built yet")

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
}

// teamStore is the part of the store the Team family needs (the
// implementation widens it).
type teamStore interface {
	Path() string
}

// Info tells whether this database is in a team, and as whom.
func (t *Team) Info() (TeamInfo, bool) { return TeamInfo{}, false }

// Create makes a new team on server (the manager's PostgreSQL URL) and
// joins this database to it as the manager.
func (t *Team) Create(ctx context.Context, server, name string) (TeamInfo, error) {
	return TeamInfo{}, errTeamNotBuilt
}

// Invite writes an invitation file for a new member to out and returns its
// one-time code (manager only).
func (t *Team) Invite(ctx context.Context, member string, manager bool, out string) (code string, err error) {
	return "", errTeamNotBuilt
}

// Join links this database to the team of an invitation file.
func (t *Team) Join(ctx context.Context, file, code string) (TeamInfo, error) {
	return TeamInfo{}, errTeamNotBuilt
}

// Revoke shuts a member out and rotates the team key (manager only).
func (t *Team) Revoke(ctx context.Context, member string) error { return errTeamNotBuilt }

// Sync pushes what is pending, pulls the team's blocks (erasing local
// copies the team erased), checks the ledger anchors and, for the manager,
// updates the team mirror. A revoked member's sync locks and removes the
// team data from this database and answers the revoked error.
func (t *Team) Sync(ctx context.Context) (SyncResult, error) { return SyncResult{}, errTeamNotBuilt }

// Status reports the team; offline it still answers with the local figures
// (Online false).
func (t *Team) Status(ctx context.Context) (TeamStatus, error) { return TeamStatus{}, errTeamNotBuilt }

// Live keeps an online window in step: a sync at once, then LISTEN and a
// sync at each notification (a change reaches an online rep in under 2 s),
// reconnecting with a back-off while offline. done is called after each
// sync attempt (from Live's goroutine: the window hops to its UI bridge).
// It returns when ctx ends.
func (t *Team) Live(ctx context.Context, done func(SyncResult, error)) {}

// Seen tells which other members already have this person ("also a
// prospect of Rita Jansen since 2 Mar"): nothing more of their data. An
// offline or solo database answers nil.
func (t *Team) Seen(ctx context.Context, p consent.Prospect) ([]team.Sighting, error) {
	return nil, nil
}

// MirrorApp is the manager's team scope: the use cases over the team
// mirror (a second encrypted database beside this one), for the team's
// list, report, register and insight. Only reads are meant through it.
func (t *Team) MirrorApp() (*App, error) { return nil, errTeamNotBuilt }

// Rows is the team scope's list: the mirror's prospects matching query
// (empty: all) with their rep, rep "" meaning every member.
func (t *Team) Rows(query, rep string) ([]TeamRow, error) { return nil, errTeamNotBuilt }
