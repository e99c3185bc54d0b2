package usecase

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
)

// The team's refusals and failures (assets/translations/errors-team.*.json).
var (
	errTeamNone          = newTemplate(CodePrecondition, "this database is not in a team: join one with an invitation file, or create one")
	errTeamAlready       = newTemplate(CodePrecondition, "this database is already in the team {{.Team}}: a database belongs to one team")
	errTeamUnreachable   = newTemplate(CodeFailed, "the team server {{.Server}} did not answer: nothing was lost, the changes wait here for the next sync")
	errTeamRevoked       = newTemplate(CodeFailed, "your access to the team {{.Team}} was revoked by its manager: the team's data was removed from this laptop; your own prospects stay")
	errTeamLoginRefused  = newTemplate(CodeFailed, "the team server {{.Server}} refused the login of {{.Member}} (a wrong password or an unknown login, not a revocation): nothing was removed and the changes wait here; ask the team's manager to check your invitation")
	errTeamAdminRefused  = newTemplate(CodeFailed, "the server {{.Server}} refused the administrator's login: check the user in the URL and the password in PGPASSWORD or ~/.pgpass")
	errTeamNotManager    = newTemplate(CodePrecondition, "only the team's manager may do this")
	errTeamBadCode       = newTemplate(CodeInvalid, "the invitation code does not open this invitation file: check the code the manager gave you")
	errTeamMemberExists  = newTemplate(CodeInvalid, "a member called {{.Member}} is already in the team")
	errTeamNoMember      = newTemplate(CodeInvalid, "no member called {{.Member}} in the team")
	errTeamServer        = newTemplate(CodeFailed, "the team server refused: {{.Error}}")
	errTeamNameRequired  = newTemplate(CodeInvalid, "give the team a name")
	errTeamServerURL     = newTemplate(CodeInvalid, "the server must be a postgres:// URL without a password (the password comes from PGPASSWORD or ~/.pgpass)")
	errTeamMemberName    = newTemplate(CodeInvalid, "name the member to invite or revoke")
	errTeamRepRequired   = newTemplate(CodePrecondition, "set your name in the settings first: the team knows each member by name")
	errTeamReadInvite    = newTemplate(CodeFailed, "cannot read the invitation file: {{.Error}}")
	errTeamWriteInvite   = newTemplate(CodeFailed, "cannot write the invitation file: {{.Error}}")
	errTeamLinkUnusable  = newTemplate(CodeFailed, "the team link in this database cannot be read: {{.Error}}")
	errTeamMirrorFailed  = newTemplate(CodeFailed, "the team mirror cannot be opened: {{.Error}}")
	errTeamSelfRevoke    = newTemplate(CodeInvalid, "the manager cannot revoke their own access")
	tAnchorTruncated     = newTemplate(CodeFailed, "the ledger of prospect {{.ID}} is shorter here ({{.Local}} events) than the team's copy ({{.Server}}): it was cut short or rolled back; restore a backup")
	tAnchorRolledBack    = newTemplate(CodeFailed, "the ledger of prospect {{.ID}} differs from the team's copy at event {{.Seq}}: it was replaced since it was last synced")
	tAnchorRemoved       = newTemplate(CodeFailed, "prospect {{.ID}} is on the team server but gone here without an erasure or a merge")
	teamErasedReason     = "erasure requested through the team on "
	maxInvitationFileLen = int64(64 << 10)
)

// link is the team link with its blob opened: the invitation this
// database joined with (credentials and keys).
type link struct {
	store.TeamLink
	inv team.Invitation
}

func (t *Team) link() (link, error) {
	l, ok, err := t.st.TeamLink()
	if err != nil {
		return link{}, errTeamLinkUnusable.Wrap(err, "Error", err.Error())
	}
	if !ok {
		return link{}, errTeamNone.New()
	}
	out := link{TeamLink: l}
	if err := json.Unmarshal(l.Blob, &out.inv); err != nil {
		return link{}, errTeamLinkUnusable.Wrap(err, "Error", err.Error())
	}
	return out, nil
}

// saveLink writes the link back with its invitation (keys refreshed or
// rotated), with an audit entry when action is set.
func (t *Team) saveLink(l link, action, detail string) error {
	blob, err := json.Marshal(l.inv)
	if err != nil {
		return err
	}
	l.Blob, l.Index = blob, l.inv.Keys.Index
	var a store.AuditEntry
	if action != "" {
		a = store.AuditEntry{Time: t.env.now(), Rep: t.env.rep(), Action: action, Detail: detail}
	}
	return t.st.SetTeamLink(l.TeamLink, a)
}

func (l link) info() TeamInfo {
	c := l.inv.Credentials
	return TeamInfo{Team: c.Team, Member: c.Member, Server: serverName(c.URL), Manager: c.Manager, Joined: l.Joined}
}

// serverName is host[:port]/db of a URL, never its user or password; a
// unix socket (host= in the query) is named by its folder.
func serverName(raw string) string {
	u, err := url.Parse(raw)
	if err == nil && u.Host == "" && u.Query().Get("host") != "" {
		host := u.Query().Get("host")
		if port := u.Query().Get("port"); port != "" {
			host += ":" + port
		}
		return host + u.Path
	}
	if err != nil || u.Host == "" {
		if i := strings.IndexByte(raw, '@'); i >= 0 {
			raw = raw[i+1:]
		}
		return strings.TrimPrefix(strings.TrimPrefix(raw, "postgres://"), "postgresql://")
	}
	return u.Host + u.Path
}

// Info tells whether this database is in a team, and as whom.
func (t *Team) Info() (TeamInfo, bool) {
	l, err := t.link()
	if err != nil {
		return TeamInfo{}, false
	}
	return l.info(), true
}

// Create makes a new team on server (the manager's PostgreSQL URL) and
// joins this database to it as the manager.
func (t *Team) Create(ctx context.Context, server, name string) (TeamInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return TeamInfo{}, errTeamNameRequired.New()
	}
	if !adminURLOK(server) {
		return TeamInfo{}, errTeamServerURL.New()
	}
	if l, err := t.link(); err == nil {
		return TeamInfo{}, errTeamAlready.New("Team", l.inv.Credentials.Team)
	}
	rep := strings.TrimSpace(t.env.rep())
	if rep == "" {
		return TeamInfo{}, errTeamRepRequired.New()
	}
	inv, err := team.Create(ctx, server, name, rep)
	if err != nil {
		return TeamInfo{}, t.serverError(err, server)
	}
	return t.joined(inv, "team-created")
}

// adminURLOK: a postgres:// URL with no password in it (a user name is
// fine; the password comes from PGPASSWORD, ~/.pgpass or a prompt, never
// argv, where any process of the machine can read it).
func adminURLOK(server string) bool {
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return false
	}
	_, hasPass := u.User.Password()
	return !hasPass && u.Query().Get("password") == ""
}

// joined stores a new link from inv.
func (t *Team) joined(inv team.Invitation, action string) (TeamInfo, error) {
	l := link{TeamLink: store.TeamLink{Joined: t.env.now().UTC()}, inv: inv}
	if err := t.saveLink(l, action, inv.Credentials.Team); err != nil {
		return TeamInfo{}, err
	}
	return l.info(), nil
}

// Invite writes an invitation file for a new member to out and returns its
// one-time code (manager only).
func (t *Team) Invite(ctx context.Context, member string, manager bool, out string) (code string, err error) {
	member = strings.TrimSpace(member)
	if member == "" {
		return "", errTeamMemberName.New()
	}
	if err := CheckFileOutPath(out, t.env.keep()...); err != nil {
		return "", errTeamWriteInvite.Wrap(err, "Error", err.Error())
	}
	err = t.online(ctx, true, func(c *team.Client, l link) error {
		inv, err := c.Invite(ctx, member, manager)
		if err != nil {
			return t.serverError(err, l.inv.Credentials.URL, "Member", member)
		}
		file, cd, err := team.WriteInvitation(inv)
		if err != nil {
			return err
		}
		if err := WriteOutFile(out, file, t.env.keep()...); err != nil {
			return errTeamWriteInvite.Wrap(err, "Error", err.Error())
		}
		code = cd
		return t.st.SetTeamLink(l.TeamLink, store.AuditEntry{Time: t.env.now(), Rep: t.env.rep(), Action: "team-invited", Detail: member})
	})
	return code, err
}

// Join links this database to the team of an invitation file. It needs no
// server: the first sync connects (a rep may join at a fair, offline).
func (t *Team) Join(ctx context.Context, file, code string) (TeamInfo, error) {
	if l, err := t.link(); err == nil {
		return TeamInfo{}, errTeamAlready.New("Team", l.inv.Credentials.Team)
	}
	raw, err := ReadInput(file, maxInvitationFileLen, RegularOnly)
	if err != nil {
		return TeamInfo{}, errTeamReadInvite.Wrap(err, "Error", err.Error())
	}
	inv, err := team.ReadInvitation(raw, code)
	if errors.Is(err, team.ErrBadCode) {
		return TeamInfo{}, errTeamBadCode.Wrap(err)
	}
	if err != nil {
		return TeamInfo{}, errTeamReadInvite.Wrap(err, "Error", err.Error())
	}
	return t.joined(inv, "team-joined")
}

// Revoke shuts a member out and rotates the team key (manager only).
func (t *Team) Revoke(ctx context.Context, member string) error {
	member = strings.TrimSpace(member)
	if member == "" {
		return errTeamMemberName.New()
	}
	return t.online(ctx, true, func(c *team.Client, l link) error {
		if strings.EqualFold(member, l.inv.Credentials.Member) {
			return errTeamSelfRevoke.New()
		}
		keys, err := c.Revoke(ctx, member)
		if err != nil {
			return t.serverError(err, l.inv.Credentials.URL, "Member", member)
		}
		l.inv.Keys = keys
		return t.saveLink(l, "team-revoked", member)
	})
}

// Status reports the team; offline it still answers with the local figures
// (Online false).
func (t *Team) Status(ctx context.Context) (TeamStatus, error) {
	l, err := t.link()
	if err != nil {
		return TeamStatus{}, err
	}
	st := TeamStatus{Info: l.info(), Blocks: t.st.TeamBlockCount()}
	if last := t.st.TeamCursor(store.CursorLastSync); last > 0 {
		st.LastSync = unixTime(last)
	}
	if st.Pending, err = t.pending(); err != nil {
		return st, err
	}
	err = t.online(ctx, false, func(c *team.Client, l link) error {
		ms, err := c.Members(ctx)
		if err != nil {
			return t.serverError(err, l.inv.Credentials.URL)
		}
		st.Online, st.Members = true, ms
		return nil
	})
	if isTeamOffline(err) {
		err = nil // offline: the local figures stand
	}
	return st, err
}

// Seen tells which other members already have this person ("also a
// prospect of Rita Jansen since 2 Mar"): nothing more of their data. An
// offline or solo database answers nil.
func (t *Team) Seen(ctx context.Context, p consent.Prospect) ([]team.Sighting, error) {
	hashes := t.st.TeamHashesOf(p)
	if len(hashes) == 0 {
		return nil, nil
	}
	var out []team.Sighting
	err := t.online(ctx, false, func(c *team.Client, l link) error {
		ss, err := c.Seen(ctx, hashes)
		if err != nil {
			return t.serverError(err, l.inv.Credentials.URL)
		}
		for _, s := range ss {
			if s.Member != l.inv.Credentials.Member {
				out = append(out, s)
			}
		}
		return nil
	})
	if isTeamOffline(err) {
		return nil, nil
	}
	return out, err
}

// SeenID is Seen for a prospect of this database, by id.
func (t *Team) SeenID(ctx context.Context, id uint64) ([]team.Sighting, error) {
	p, err := t.st.Prospect(id)
	if err != nil {
		return nil, err
	}
	return t.Seen(ctx, p)
}

// online connects, runs fn and closes; manager refuses a rep before
// connecting. A revoked member's laptop leaves the team there and then.
func (t *Team) online(ctx context.Context, manager bool, fn func(*team.Client, link) error) error {
	l, err := t.link()
	if err != nil {
		return err
	}
	if manager && !l.inv.Credentials.Manager {
		return errTeamNotManager.New()
	}
	c, err := team.Connect(ctx, l.inv.Credentials, l.inv.Keys)
	if err != nil {
		return t.serverError(err, l.inv.Credentials.URL)
	}
	defer c.Close()
	if k := c.Keys(); k.Current > l.inv.Keys.Current {
		l.inv.Keys = k // a revocation rotated the Seal key: keep the new epoch
		if err := t.saveLink(l, "", ""); err != nil {
			return err
		}
	}
	return fn(c, l)
}

// serverError turns package team's errors into the family's; a revoked
// member's team data goes from this laptop first (the design: the next
// start online removes it and says why).
func (t *Team) serverError(err error, server string, kv ...any) error {
	var ue *Error
	switch {
	case errors.As(err, &ue):
		return err
	case errors.Is(err, team.ErrUnreachable):
		return errTeamUnreachable.Wrap(err, "Server", serverName(server))
	case errors.Is(err, team.ErrRevoked):
		name := ""
		if l, lerr := t.link(); lerr == nil {
			name = l.inv.Credentials.Team
		}
		if lerr := t.leave("access revoked by the team's manager"); lerr != nil {
			return lerr
		}
		return errTeamRevoked.Wrap(err, "Team", name)
	case errors.Is(err, team.ErrLoginRefused):
		// Not ErrRevoked: a wrong password must not cost the team data.
		l, lerr := t.link()
		if lerr != nil { // no link yet: Create's administrator login
			return errTeamAdminRefused.Wrap(err, "Server", serverName(server))
		}
		return errTeamLoginRefused.Wrap(err, "Server", serverName(server), "Member", l.inv.Credentials.Member)
	case errors.Is(err, team.ErrNotManager):
		return errTeamNotManager.Wrap(err)
	case errors.Is(err, team.ErrMemberExists):
		return errTeamMemberExists.Wrap(err, kv...)
	case errors.Is(err, team.ErrNoMember):
		return errTeamNoMember.Wrap(err, kv...)
	}
	return errTeamServer.Wrap(err, "Error", err.Error())
}

// leave removes the team's data from this laptop (the mirror closed first).
func (t *Team) leave(why string) error {
	t.closeMirror()
	return t.st.LeaveTeam(store.AuditEntry{Time: t.env.now(), Rep: t.env.rep(), Action: "team-removed", Detail: why})
}

// isTeamOffline: the server did not answer (not a refusal).
func isTeamOffline(err error) bool { return errors.Is(err, team.ErrUnreachable) }

// IsRevoked tells whether err says this member's access was revoked.
func IsRevoked(err error) bool { return errors.Is(err, team.ErrRevoked) }
