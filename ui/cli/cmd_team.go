package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"warmlead/team"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"team", "the sales team on PostgreSQL: team create|invite|join|revoke|sync|status|seen (README \"Team\")", setupTeam})
}

const teamUsage = "usage: warmlead team create --server URL --name NAME | invite --rep NAME [--manager] --out FILE | join FILE --code CODE | revoke --rep NAME | sync [--json] | status [--json] | seen ID"

// teamTimeout bounds a whole team command: connecting has its own 10 s
// (team.ConnectTimeout); a first pull of many blocks may take longer.
const teamTimeout = 5 * time.Minute

func setupTeam(fs *flagSet, e *env) func([]string) error {
	var server, name, rep, out, code string
	var manager, asJSON bool
	fs.StringVar(&server, "server", "", "create: the PostgreSQL URL of a role that may create roles (no password in it)")
	fs.StringVar(&name, "name", "", "create: the team's name")
	// --rep is a global flag (who acts); after `team invite|revoke` it
	// names the member instead, and the one acting stays the global's.
	acting := e.cfg.Rep
	fs.BoolVar(&manager, "manager", false, "invite: the new member is a manager too")
	fs.StringVar(&out, "out", "", "invite: the invitation file to write (0600)")
	fs.StringVar(&code, "code", "", "join: the invitation's one-time code")
	fs.BoolVar(&asJSON, "json", false, "sync, status: print JSON")
	return func(pos []string) error {
		if len(pos) == 0 {
			return usagef(teamUsage)
		}
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "rep" {
				rep, e.cfg.Rep = e.cfg.Rep, acting
			}
		})
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ctx, cancel := context.WithTimeout(ctx, teamTimeout)
		defer cancel()
		switch {
		case pos[0] == "create" && len(pos) == 1 && server != "" && name != "":
			return e.teamCreate(ctx, server, name)
		case pos[0] == "invite" && len(pos) == 1 && rep != "" && out != "":
			return e.teamInvite(ctx, rep, manager, out)
		case pos[0] == "join" && len(pos) == 2 && code != "":
			return e.teamJoin(ctx, pos[1], code)
		case pos[0] == "revoke" && len(pos) == 1 && rep != "":
			return e.teamRevoke(ctx, rep)
		case pos[0] == "sync" && len(pos) == 1:
			return e.teamSync(ctx, asJSON)
		case pos[0] == "status" && len(pos) == 1:
			return e.teamStatus(ctx, asJSON)
		case pos[0] == "seen" && len(pos) == 2:
			return e.teamSeen(ctx, pos[1])
		}
		return usagef(teamUsage)
	}
}

func (e *env) teamCreate(ctx context.Context, server, name string) error {
	if err := e.adminPassword(); err != nil {
		return err
	}
	uc, err := e.app()
	if err != nil {
		return err
	}
	info, err := uc.Team.Create(ctx, server, name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "team %q created on %s; %s is its manager\n", safe(info.Team), safe(info.Server), safe(info.Member))
	return nil
}

// adminPassword makes sure PostgreSQL's own sources can give the admin's
// password: PGPASSWORD or ~/.pgpass (pgx reads both), else a prompt on a
// terminal, passed on through this process's environment (never argv).
func (e *env) adminPassword() error {
	if os.Getenv("PGPASSWORD") != "" || os.Getenv("PGPASSFILE") != "" {
		return nil
	}
	if home, err := os.UserHomeDir(); err == nil {
		if _, err := os.Stat(filepath.Join(home, ".pgpass")); err == nil {
			return nil
		}
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil // a trusted local socket needs none; a refusal says where it comes from
	}
	fmt.Fprint(e.stderr, "PostgreSQL password of the admin role: ")
	pw, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return err
	}
	return os.Setenv("PGPASSWORD", string(pw))
}

func (e *env) teamInvite(ctx context.Context, rep string, manager bool, out string) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	code, err := uc.Team.Invite(ctx, rep, manager, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "invitation for %s written to %s (give the file and the code separately)\n", safe(rep), safe(out))
	fmt.Fprintf(e.stdout, "one-time code: %s\n", code)
	return nil
}

func (e *env) teamJoin(ctx context.Context, file, code string) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	info, err := uc.Team.Join(ctx, file, code)
	if err != nil {
		return err
	}
	role := "rep"
	if info.Manager {
		role = "manager"
	}
	fmt.Fprintf(e.stdout, "joined team %q on %s as %s (%s); run 'warmlead team sync' to get the team's blocks\n", safe(info.Team), safe(info.Server), safe(info.Member), role)
	return nil
}

func (e *env) teamRevoke(ctx context.Context, rep string) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	if err := uc.Team.Revoke(ctx, rep); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s can no longer log in; the team key was rotated for the remaining members\n", safe(rep))
	return nil
}

// syncJSON is `team sync --json`.
type syncJSON struct {
	When     time.Time    `json:"when"`
	Pushed   int          `json:"pushed"`
	Pulled   int          `json:"pulled"`
	Erased   int          `json:"erased"`
	Mirrored int          `json:"mirrored"`
	Anchors  []anchorJSON `json:"anchors"`
}

type anchorJSON struct {
	Prospect uint64 `json:"prospect"`
	Kind     string `json:"kind"`
	Message  string `json:"message"`
}

func (e *env) teamSync(ctx context.Context, asJSON bool) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	res, err := uc.Team.Sync(ctx)
	if err != nil {
		return err
	}
	out := syncJSON{When: res.When.UTC(), Pushed: res.Pushed, Pulled: res.Pulled, Erased: res.Erased, Mirrored: res.Mirrored, Anchors: []anchorJSON{}}
	for _, a := range res.Anchors {
		out.Anchors = append(out.Anchors, anchorJSON{a.Prospect, a.Kind, a.Message.String()})
	}
	if asJSON {
		return writeJSON(e.stdout, out)
	}
	for _, a := range out.Anchors {
		fmt.Fprintf(e.stderr, "warning: %s\n", safe(a.Message))
	}
	fmt.Fprintf(e.stdout, "synced: %d sent, %d team blocks received, %d erased as the team asked", res.Pushed, res.Pulled, res.Erased)
	if info, _ := uc.Team.Info(); info.Manager {
		fmt.Fprintf(e.stdout, ", %d mirror changes", res.Mirrored)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// statusJSON is `team status --json`.
type statusJSON struct {
	Team     string       `json:"team"`
	Member   string       `json:"member"`
	Manager  bool         `json:"manager"`
	Server   string       `json:"server"`
	Online   bool         `json:"online"`
	LastSync time.Time    `json:"last_sync,omitzero"`
	Pending  int          `json:"pending"`
	Blocks   int          `json:"blocks"`
	Members  []memberJSON `json:"members"`
}

type memberJSON struct {
	Name      string    `json:"name"`
	Manager   bool      `json:"manager"`
	Revoked   time.Time `json:"revoked,omitzero"`
	Joined    time.Time `json:"joined,omitzero"`
	LastSync  time.Time `json:"last_sync,omitzero"`
	Prospects int       `json:"prospects"`
	Consents  int       `json:"consents"`
}

func (e *env) teamStatus(ctx context.Context, asJSON bool) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	st, err := uc.Team.Status(ctx)
	if err != nil {
		return err
	}
	out := statusJSON{Team: st.Info.Team, Member: st.Info.Member, Manager: st.Info.Manager, Server: st.Info.Server,
		Online: st.Online, LastSync: st.LastSync, Pending: st.Pending, Blocks: st.Blocks, Members: []memberJSON{}}
	for _, m := range st.Members {
		out.Members = append(out.Members, memberJSON(m))
	}
	if asJSON {
		return writeJSON(e.stdout, out)
	}
	role := "rep"
	if out.Manager {
		role = "manager"
	}
	fmt.Fprintf(e.stdout, "team %q on %s, as %s (%s)\n", safe(out.Team), safe(out.Server), safe(out.Member), role)
	state := "offline"
	if out.Online {
		state = "online"
	}
	last := "never"
	if !out.LastSync.IsZero() {
		last = out.LastSync.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(e.stdout, "%s; last sync %s; %d changes waiting; %d team blocks held\n", state, last, out.Pending, out.Blocks)
	if len(st.Members) == 0 {
		return nil
	}
	return printRows(e.stdout, false, st.Members, "MEMBER\tROLE\tLAST SYNC\tPROSPECTS\tCONSENTS\tSTATE", func(tw io.Writer, m team.Member) {
		role, state, last := "rep", "active", "never"
		if m.Manager {
			role = "manager"
		}
		if !m.Revoked.IsZero() {
			state = "revoked " + m.Revoked.Local().Format("2006-01-02")
		}
		if !m.LastSync.IsZero() {
			last = m.LastSync.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", safe(m.Name), role, last, m.Prospects, m.Consents, state)
	})
}

// teamScope is the manager's mirror App, for list --team and report --team.
func (e *env) teamScope() (*usecase.App, error) {
	uc, err := e.app()
	if err != nil {
		return nil, err
	}
	return uc.Team.MirrorApp()
}

// teamSeen is `team seen ID`: which other members already have this
// person, and since when; nothing else of their data.
func (e *env) teamSeen(ctx context.Context, arg string) error {
	uc, id, err := e.appFor(arg)
	if err != nil {
		return err
	}
	seen, err := uc.Team.SeenID(ctx, id)
	if err != nil {
		return err
	}
	for _, s := range seen {
		fmt.Fprintf(e.stdout, "also a prospect of %s since %s\n", safe(s.Member), s.Since.Local().Format("2006-01-02"))
	}
	return nil
}
