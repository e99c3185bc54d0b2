package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/team"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// memberColumn is one column of the members table.
type memberColumn struct {
	title func() string
	value func(m team.Member, now time.Time) string
	width float32
}

// memberColumns are what a rep sees of the team (names and roles) and, for
// the manager, each member's last sync, prospects and consents.
func memberColumns(manager bool) []memberColumn {
	cols := []memberColumn{
		{func() string { return lang.L("Name") }, func(m team.Member, _ time.Time) string { return m.Name }, 220},
		{func() string { return lang.L("Role") }, func(m team.Member, _ time.Time) string { return memberRole(m) }, 160},
	}
	if !manager {
		return cols
	}
	return append(cols,
		memberColumn{func() string { return lang.L("Last sync") }, func(m team.Member, now time.Time) string {
			if m.LastSync.IsZero() {
				return lang.L("never")
			}
			return agoText(m.LastSync, now)
		}, 160},
		memberColumn{func() string { return lang.L("Prospects") }, func(m team.Member, _ time.Time) string { return i18n.Number(m.Prospects) }, 110},
		memberColumn{func() string { return lang.L("Consents") }, func(m team.Member, _ time.Time) string { return i18n.Number(m.Consents) }, 110},
		memberColumn{func() string { return lang.L("Joined") }, func(m team.Member, _ time.Time) string { return i18n.Date(m.Joined) }, 140},
	)
}

func memberRole(m team.Member) string {
	switch {
	case !m.Revoked.IsZero():
		return lang.L("revoked {{.Day}}", map[string]any{"Day": i18n.Date(m.Revoked)})
	case m.Manager:
		return lang.L("Manager")
	}
	return lang.L("Rep")
}

func (s *teamScreen) newMembersTable() *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) { return len(s.status.Members), len(s.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(s.status.Members) && id.Col < len(s.cols) {
				o.(*widget.Label).SetText(s.cols[id.Col].value(s.status.Members[id.Row], time.Now()))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(s.cols) {
			o.(*widget.Label).SetText(s.cols[id.Col].title())
		}
	}
	for i, c := range memberColumns(true) {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// activeOthers are the members the manager may revoke: not revoked, not
// the manager themself.
func (s *teamScreen) activeOthers(self string) []string {
	var out []string
	for _, m := range s.status.Members {
		if m.Revoked.IsZero() && m.Name != self {
			out = append(out, m.Name)
		}
	}
	return out
}

// teamErrorText says in the rep's language what went wrong with the team:
// the team package's typed errors, else what errorText knows.
func teamErrorText(err error) string {
	var uc *usecase.Error
	switch {
	case errors.As(err, &uc): // the use case's own sentence says more
		return errorText(err)
	case errors.Is(err, team.ErrUnreachable):
		return lang.L("The team's server did not answer. Check the network; your changes wait on this computer and go at the next sync.")
	case errors.Is(err, team.ErrRevoked):
		return lang.L("Your access to the team was revoked by its manager.")
	case errors.Is(err, team.ErrLoginRefused): // not a revocation: nothing was removed
		return lang.L("The team's server refused your login: a wrong password or an unknown login, not a revocation. Nothing was removed; ask the team's manager to check your invitation.")
	case errors.Is(err, team.ErrNotManager):
		return lang.L("Only the team's manager may do this.")
	case errors.Is(err, team.ErrBadCode):
		return lang.L("The code does not open this invitation file. Check the code the manager gave you.")
	case errors.Is(err, team.ErrMemberExists):
		return lang.L("A member of that name is already in the team.")
	case errors.Is(err, team.ErrNoMember):
		return lang.L("No member of that name is in the team.")
	}
	return errorText(err)
}
