// Package team is Warmlead's link to the team's PostgreSQL server: the
// schema, the roles and row-level security that decide who may read and
// write what, the team keys, the invitation file, and the client every
// laptop uses to push its changes, pull the team's blocks and (the
// manager) mirror every rep's ledgers. It knows nothing of bbolt or Fyne:
// the store keeps the local side, ui/usecase's Team family joins the two.
//
// What the server holds is never personal data in clear: ciphertext sealed
// under the team's Seal key (XChaCha20-Poly1305), blind indexes under the
// team's Index key (HMAC-SHA256), ids, sequence numbers and hashes.
//
// THIS FILE IS THE CONTRACT between the server side (package team) and the
// local side (store, ui/usecase). Its types and signatures do not change
// without both sides agreeing; each body hands over to the implementation
// in the file named after it (keys.go, invitation.go, create.go, conn.go,
// members.go, push.go, pull.go, mirror.go), the schema is in sql/.
package team

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotBuilt was returned by the contract's placeholders before the server
// side landed; nothing returns it now (kept: other packages may name it).
var ErrNotBuilt = errors.New("team: server side not built yet")

// Typed errors the local side maps to exit codes and sentences.
var (
	// ErrUnreachable: the server did not answer within the connect timeout
	// (10 s at most), or the connection broke mid-way. Nothing was lost:
	// the caller keeps its outbox and tries again later.
	ErrUnreachable = errors.New("team server unreachable")
	// ErrRevoked: this member's login was revoked by the manager.
	ErrRevoked = errors.New("this member's access to the team was revoked")
	// ErrNotManager: the call needs the manager's role.
	ErrNotManager = errors.New("only the team's manager may do this")
	// ErrBadCode: the invitation's one-time code does not open the file.
	ErrBadCode = errors.New("the invitation code does not match this invitation file")
	// ErrMemberExists / ErrNoMember: invite of a taken name, revoke of an unknown one.
	ErrMemberExists = errors.New("a member of that name is already in the team")
	ErrNoMember     = errors.New("no member of that name in the team")
)

// Keys are the team's secrets, held by every member and never by the
// server in clear. Seal rotates on every revocation (a new Epoch); old
// epochs stay so older rows can still be read. Index never rotates: the
// blind indexes on the server must stay comparable (the README says so:
// a revoked rep who kept the index key could test a known email against a
// dump of the server, not read anything).
type Keys struct {
	Index   []byte         // 32 bytes: HMAC-SHA256 key of the blind indexes
	Seal    map[int][]byte // epoch -> 32-byte XChaCha20-Poly1305 key
	Current int            // the epoch new rows are sealed under
}

// Blind is the blind index of one normalised value of a kind ("email",
// "phone" (E.164), "phone-raw" (digits), "name" (name+company key)).
func (k Keys) Blind(kind, normalized string) []byte { return k.blind(kind, normalized) }

// SealNote seals plaintext under the current epoch; ad binds it to its row
// (e.g. the block's idempotency key). The epoch travels in the result.
func (k Keys) SealNote(plaintext, ad []byte) []byte { return k.sealNote(plaintext, ad) }

// OpenNote opens what SealNote sealed under any epoch the member holds.
func (k Keys) OpenNote(sealed, ad []byte) ([]byte, error) { return k.openNote(sealed, ad) }

// Credentials are what a laptop needs to log in. They live sealed in the
// local database (whose key is in the OS keyring or behind the passphrase),
// never in clear, never in argv or the environment.
type Credentials struct {
	URL      string // postgres://host:port/dbname?sslmode=… without user or password
	Team     string // the team's name as created
	Member   string // this member's display name ("Rita Jansen")
	Login    string // the PostgreSQL login role
	Password string
	Manager  bool
	// MemberKey is this member's X25519 private key: the manager seals each
	// new Seal epoch to every remaining member's public key at a revocation.
	MemberKey []byte
}

// Invitation is what `team invite` writes (sealed) and `team join` reads,
// and what Create returns for the manager.
type Invitation struct {
	Credentials Credentials
	Keys        Keys
}

// WriteInvitation seals inv under a fresh one-time code (Argon2id of the
// code); the code is returned for the manager to pass on apart from the
// file (it is printed as the last word of stdout's last line).
func WriteInvitation(inv Invitation) (file []byte, code string, err error) {
	return writeInvitation(inv)
}

// ReadInvitation opens an invitation file with its code (ErrBadCode).
func ReadInvitation(file []byte, code string) (Invitation, error) {
	return readInvitation(file, code)
}

// Create makes a team on the server reached by adminURL (a role that may
// create roles and schemas; its password, if any, comes from PGPASSWORD or
// ~/.pgpass, never argv): the schema, its tables and row-level security,
// the team keys, and the manager's own login. It returns the manager's
// invitation (kept sealed in the manager's database, never written out).
func Create(ctx context.Context, adminURL, teamName, managerName string) (Invitation, error) {
	return create(ctx, adminURL, teamName, managerName)
}

// Connect logs in with c: at most 10 s to connect (ErrUnreachable), TLS
// verify-full for any host that is not local, ErrRevoked for a login the
// manager revoked. It refreshes the member's Keys from the server (new
// epochs sealed to the member since the last connect).
func Connect(ctx context.Context, c Credentials, k Keys) (*Client, error) {
	return connect(ctx, c, k)
}

// Client is one member's session with the server.
type Client struct {
	pool *pgxpool.Pool
	cfg  *pgx.ConnConfig // for Listen's own connection
	cred Credentials
	keys Keys
	n    names
}

// Keys are the member's team keys, as refreshed at Connect.
func (c *Client) Keys() Keys { return c.keys.clone() }

// Close ends the session.
func (c *Client) Close() { c.pool.Close() }

// Invite adds a member (manager only): a new login and its password, the
// member's key pair (public half on the server). The result goes through
// WriteInvitation.
func (c *Client) Invite(ctx context.Context, member string, manager bool) (Invitation, error) {
	return c.invite(ctx, member, manager)
}

// Revoke shuts a member out (manager only): the login can no longer log in
// and its sessions end, the member is marked revoked (their next Connect
// answers ErrRevoked), and a new Seal epoch is sealed to each remaining
// member. It returns the rotated Keys.
func (c *Client) Revoke(ctx context.Context, member string) (Keys, error) {
	return c.revoke(ctx, member)
}

// BlockKind says what a block forbids.
type BlockKind string

const (
	BlockErasure    BlockKind = "erasure"     // the person asked to be forgotten: every copy goes
	BlockObjection  BlockKind = "objection"   // "do not contact me", any channel and purpose
	BlockWithdrawal BlockKind = "withdrawal"  // consent withdrawn for one channel and purpose (in the note)
	BlockDoNotCall  BlockKind = "do-not-call" // a call that ended "do not call me"
	BlockDeclined   BlockKind = "declined"    // a referral who declined the introduction
	BlockRegister   BlockKind = "register"    // a do-not-call register entry published by the manager
)

// Block is one company-wide block. Hashes are Keys.Blind values of the
// person's email, phone and name+company (a register entry: its phone).
// Note is sealed (Keys.SealNote, ad = Key) and holds only what the block
// needs to name its origin (the local side defines its JSON: rep, day,
// channel, purpose, register name).
type Block struct {
	Seq    int64  // set by the server: the order of the team's blocks
	Key    string // idempotency key, unique per member: a second push is a no-op
	Kind   BlockKind
	Hashes [][]byte
	Note   []byte
	Member string    // who recorded it (set by the server from the login)
	Time   time.Time // when the member recorded it
}

// Record is one prospect of one member as the server keeps it: for the
// manager's mirror, duplicates across reps, erasure everywhere and the
// ledger anchor. Snapshot is the sealed prospect; Hashes its blind indexes.
type Record struct {
	Member   string // set by the server from the login
	Prospect uint64 // the member's local id
	Hashes   [][]byte
	Snapshot []byte
	Since    time.Time // when the member collected the person
	Head     []byte    // hash of the member's last event of this prospect
	Seq      uint64    // that event's seq: the ledger's length
	// Consents is how many consent-granted events the ledger holds (added
	// after the contract: the server cannot read the sealed events, and the
	// Team screen counts consents per rep from this).
	Consents int
}

// Event is one sealed ledger event of a member's prospect.
type Event struct {
	Member   string // set by the server
	Prospect uint64
	Seq      uint64
	Hash     []byte
	Sealed   []byte
}

// Batch is what one push sends, written in ONE server transaction and
// idempotent: blocks by (member, Key), events by (member, prospect, seq),
// records upserted by (member, prospect). An erasure block also deletes, in
// that transaction, every member's records and events whose hashes meet
// the block's (a SECURITY DEFINER function: a rep cannot otherwise touch
// another rep's rows), so the server keeps only the suppression hashes.
// Removed lists this member's prospects gone locally (erased or merged):
// their record and events go.
type Batch struct {
	Blocks  []Block
	Records []Record
	Events  []Event
	Removed []uint64
}

// Push writes b (see Batch). The caller marks its outbox sent only after
// Push returns nil; a push cut off mid-way is simply sent again.
func (c *Client) Push(ctx context.Context, b Batch) error { return c.push(ctx, b) }

// PullBlocks streams the team's blocks after seq `since` in order and
// returns the last seq seen (the caller's next cursor).
func (c *Client) PullBlocks(ctx context.Context, since int64, fn func(Block) error) (int64, error) {
	return c.pullBlocks(ctx, since, fn)
}

// Heads gives this member's records as the server holds them (prospect ->
// head hash and seq): the anchor that shows a rolled-back or truncated
// local ledger, or a record removed without an erasure.
func (c *Client) Heads(ctx context.Context) (map[uint64]Record, error) { return c.heads(ctx) }

// Sighting says another member already has a person: who and since when,
// nothing else.
type Sighting struct {
	Member string
	Since  time.Time
}

// Seen tells which other members hold a record with any of these hashes.
func (c *Client) Seen(ctx context.Context, hashes [][]byte) ([]Sighting, error) {
	return c.seen(ctx, hashes)
}

// MirrorChange is one change for the manager's mirror, in server order.
type MirrorChange struct {
	Seq     int64   // the server's change counter: the mirror's cursor
	Record  *Record // a record upserted (with its snapshot)
	Events  []Event // events appended to it since the cursor
	Removed bool    // the record is gone (erased, merged): Record.Member/Prospect name it
}

// PullMirror (manager only) streams every member's changes after `since`.
func (c *Client) PullMirror(ctx context.Context, since int64, fn func(MirrorChange) error) (int64, error) {
	return c.pullMirror(ctx, since, fn)
}

// Member is one row of the team's members, for `team status` and the Team
// screen (counts from the server's rows, no personal data).
type Member struct {
	Name      string
	Manager   bool
	Revoked   time.Time // zero while active
	Joined    time.Time
	LastSync  time.Time
	Prospects int
	Consents  int // consent-granted events pushed
}

// Members lists the team (every member may read it).
func (c *Client) Members(ctx context.Context) ([]Member, error) { return c.members(ctx) }

// Synced records that this member finished a sync now (Member.LastSync).
func (c *Client) Synced(ctx context.Context) error { return c.synced(ctx) }

// Listen waits for the team's notifications (LISTEN/NOTIFY on the team's
// channel: a block, a record or a member change) and calls fn for each,
// until ctx ends or the connection breaks (then it returns the error; the
// caller reconnects with a back-off).
func (c *Client) Listen(ctx context.Context, fn func()) error { return c.listen(ctx, fn) }
