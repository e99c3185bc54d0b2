package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/team"
	"warmlead/ui/usecase"
)

// teamLive is the running Team.Live of an open window: a sync at once,
// then one at each of the team's notifications. Its results reach the
// screens through g.ui, the one bridge.
type teamLive struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// teamWindow is the window's team state (GUI.team).
type teamWindow struct {
	live    *teamLive
	name    string // the team's name when Live started: the revoked dialog names it
	revoked bool   // the revoked dialog was shown
	line    string // the status line's text, kept for a rebuilt shell (a language change)
}

// startTeamLive starts Live when the database is in a team; a second call
// restarts it (after a join or a create).
func (g *GUI) startTeamLive() {
	g.stopTeamLive(0)
	info, ok := g.inTeam()
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	l := &teamLive{cancel: cancel, done: make(chan struct{})}
	g.team = teamWindow{live: l, name: info.Team}
	g.refreshTeamStatus() // the local figures at once; Live's first sync follows
	tm := teamOf(g)
	go func() {
		defer close(l.done)
		tm.Live(ctx, func(res usecase.SyncResult, err error) {
			if ctx.Err() != nil {
				return // the window locked or closed meanwhile
			}
			g.ui(func() {
				if g.team.live == l {
					g.afterSync(res, err)
				}
			})
		})
	}()
}

// stopTeamLive ends Live and waits up to wait for it to return (Close waits
// so the database is not closed under a sync; a lock waits briefly).
func (g *GUI) stopTeamLive(wait time.Duration) {
	l := g.team.live
	if l == nil {
		return
	}
	g.team.live = nil
	l.cancel()
	if wait > 0 {
		select {
		case <-l.done:
		case <-time.After(wait):
		}
	}
}

// afterSync shows what a sync (Live's or Sync now's) did, on the UI
// goroutine: the status line, and the lists when the team erased or
// blocked something. A revoked member is told why the team data went.
func (g *GUI) afterSync(res usecase.SyncResult, err error) {
	s := g.shell
	if s == nil {
		return
	}
	if errors.Is(err, team.ErrRevoked) {
		g.onRevoked()
		return
	}
	if err == nil && (res.Erased > 0 || res.Pulled > 0 || res.Mirrored > 0) {
		switch s.current {
		case "prospects", "today", "calls":
			s.sections[s.current].refresh()
		}
	}
	if err != nil && s.team != nil {
		s.team.setResult(teamErrorText(err))
	}
	g.refreshTeamStatus()
}

// refreshTeamStatus asks for the status (offline: the local figures) and
// shows it on the status line and the Team screen.
func (g *GUI) refreshTeamStatus() {
	if _, ok := g.inTeam(); !ok {
		if g.shell != nil {
			g.shell.setTeamLine("")
		}
		return
	}
	var st usecase.TeamStatus
	g.teamCall(func(ctx context.Context, tm teamUseCases) (err error) {
		st, err = tm.Status(ctx)
		return err
	}, func(err error) {
		s := g.shell
		switch {
		case s == nil:
		case errors.Is(err, team.ErrRevoked):
			g.onRevoked()
		case err != nil:
			s.setTeamLine(teamErrorText(err))
			if s.team != nil {
				s.team.state.SetText(teamErrorText(err))
			}
		case s.team != nil:
			s.team.setStatus(st) // sets the line too
		default:
			s.setTeamLine(syncStateText(st, time.Now()))
		}
	})
}

// onRevoked tells a revoked member why the team data left this computer
// (the use case removed it when the server said so), once.
func (g *GUI) onRevoked() {
	if g.team.revoked {
		return
	}
	g.stopTeamLive(0)
	g.team.revoked = true
	s := g.shell
	s.setTeamLine("")
	if s.team != nil {
		s.team.refresh()
	}
	if s.current != "" {
		s.sections[s.current].refresh()
	}
	msg := lang.L("The team's manager revoked your access to {{.Team}}. Warmlead removed the team's data from this computer: the link to the server, the company-wide blocks and, for a manager, the team mirror. Your own prospects and their consent records stay in this database.\n\nRevocation cannot take back what was copied while you had access.",
		map[string]any{"Team": g.team.name})
	dialog.ShowInformation(lang.L("Removed from the team"), msg, g.win)
}

// newTeamLine is the sidebar's team status line: the last state shown,
// hidden until there is one.
func (g *GUI) newTeamLine() *widget.Label {
	l := wrappedLabel(g.team.line)
	l.Hidden = g.team.line == ""
	return l
}

// setTeamLine shows text on the sidebar's team line ("" hides it).
func (s *shell) setTeamLine(text string) {
	s.g.team.line = text
	if text == "" {
		s.teamLine.Hide()
		return
	}
	s.teamLine.SetText(text)
	s.teamLine.Show()
}
