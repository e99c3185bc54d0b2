package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// joinDialog asks for the invitation file and its one-time code.
type joinDialog struct {
	g      *teamScreen
	file   string
	pick   *widget.Button
	path   *widget.Label
	code   *escEntry
	status *widget.Label
	join   *widget.Button
	dlg    *dialog.CustomDialog
}

func (s *teamScreen) onJoin() {
	s.g.touch()
	d := &joinDialog{g: s}
	d.path = widget.NewLabel(lang.L("No file chosen"))
	d.path.Truncation = fyne.TextTruncateEllipsis
	d.pick = widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), func() { pickInvitation(s.g, d.setFile) })
	d.code = newCodeEntry(s.g)
	d.code.OnSubmitted = func(string) { d.onJoin() }
	d.status = errorLabel()
	d.join = primaryButton(lang.L("Join team"), theme.LoginIcon(), d.onJoin)
	hint := wrappedLabel(lang.L("Your manager sent you an invitation file and gave you its one-time code apart from it."))
	form := widget.NewForm(widget.NewFormItem(lang.L("Invitation"), container.NewBorder(nil, nil, nil, d.pick, d.path)),
		widget.NewFormItem(lang.L("Code"), d.code))
	d.dlg = showActionDialog(s.g, lang.L("Join a team"), fyne.NewSize(560, 240), container.NewVBox(hint, form, d.status), d.join)
	s.lastJoin = d
	s.g.win.Canvas().Focus(d.code) // a text field hands Escape on; a focused button would swallow it
}

func (d *joinDialog) setFile(path string) {
	d.file = path
	d.path.SetText(path)
}

func (d *joinDialog) onJoin() {
	g := d.g.g
	g.touch()
	code, problem := invitationProblem(d.file, d.code.Text)
	if problem != "" {
		d.status.SetText(problem)
		d.status.Show()
		return
	}
	d.status.SetText(lang.L("Joining the team…"))
	d.status.Show()
	d.join.Disable()
	joinTeam(g, d.file, code, func(err error) {
		d.join.Enable()
		if err != nil {
			d.status.SetText(teamErrorText(err))
			return
		}
		d.dlg.Hide()
		d.g.joined()
	})
}

// joinTeam joins the invitation's team off the UI goroutine (the join
// dialog and setup).
func joinTeam(g *GUI, file, code string, done func(error)) {
	g.teamCall(func(ctx context.Context, tm teamUseCases) error {
		_, err := tm.Join(ctx, file, code)
		return err
	}, done)
}

// joined shows the team after a create or a join, and starts Live.
func (s *teamScreen) joined() {
	s.g.startTeamLive()
	s.refresh()
	if s.g.shell != nil && s.g.shell.prospects != nil {
		s.g.shell.prospects.scope.update()
	}
}

// newCodeEntry is the one-time code's field.
func newCodeEntry(g *GUI) *escEntry {
	e := newEscEntry(g, false)
	e.SetPlaceHolder("K7Q2-M9X4-…")
	return e
}

// invitationProblem checks the join's input before the slow part: a file
// chosen and a code of 20 letters and digits (dashes and spaces aside).
// It returns the code as typed, trimmed.
func invitationProblem(file, code string) (string, string) {
	code = strings.TrimSpace(code)
	n := 0
	for _, r := range code {
		switch {
		case r == '-' || r == ' ':
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			n++
		default:
			n = -1000
		}
	}
	switch {
	case file == "":
		return "", lang.L("Choose the invitation file your manager sent you.")
	case n != 20:
		return "", lang.L("The code has 20 letters and digits, in groups like K7Q2-M9X4-…: check what your manager gave you.")
	}
	return code, ""
}

// pickInvitation asks for an invitation file.
func pickInvitation(g *GUI, chosen func(path string)) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, g.win)
	open.Show()
}

// joinAfterSetup joins the team of the invitation chosen in setup, once
// the new database is open; a failure is said on the Team screen, where
// the rep can try again.
func (g *GUI) joinAfterSetup(file, code string) {
	s := g.shell
	if s == nil {
		return
	}
	s.show("team")
	s.team.state.SetText(lang.L("Joining the team…"))
	joinTeam(g, file, code, func(err error) {
		if err != nil {
			s.team.refresh()
			dialog.ShowInformation(lang.L("Not joined yet"), lang.L("Your database is ready, but joining the team failed: {{.Error}} Try again with Join a team….",
				map[string]any{"Error": teamErrorText(err)}), g.win)
			return
		}
		s.team.joined()
	})
}
