package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupJoin is setup's "Join a team": the invitation file and its code,
// used once the new database exists (the team's data lives in it, sealed).
type setupJoin struct {
	g      *GUI
	file   string
	toggle *widget.Button // shows the invitation's fields
	pick   *widget.Button
	path   *widget.Label
	code   *widget.Entry
	box    *fyne.Container
}

func newSetupJoin(g *GUI) *setupJoin {
	j := &setupJoin{g: g}
	j.path = widget.NewLabel(lang.L("No file chosen"))
	j.path.Truncation = fyne.TextTruncateEllipsis
	j.pick = widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), func() { pickInvitation(g, j.setFile) })
	j.code = widget.NewEntry()
	j.code.SetPlaceHolder("K7Q2-M9X4-…")
	hint := wrappedLabel(lang.L("Joining your company's team: choose the invitation file your manager sent and type the code they gave you. Warmlead creates your database, then joins the team."))
	form := widget.NewForm(widget.NewFormItem(lang.L("Invitation"), container.NewBorder(nil, nil, nil, j.pick, j.path)),
		widget.NewFormItem(lang.L("Code"), j.code))
	j.box = container.NewVBox(hint, form)
	j.box.Hide()
	j.toggle = widget.NewButtonWithIcon(lang.L("Join a team…"), theme.LoginIcon(), j.onToggle)
	return j
}

// onToggle shows the invitation's fields, or hides them (and the rep
// creates a database of their own).
func (j *setupJoin) onToggle() {
	if j.box.Visible() {
		j.box.Hide()
		j.toggle.SetText(lang.L("Join a team…"))
		return
	}
	j.box.Show()
	j.toggle.SetText(lang.L("No team"))
	j.g.win.Canvas().Focus(j.pick)
}

func (j *setupJoin) setFile(path string) {
	j.file = path
	j.path.SetText(path)
	j.g.win.Canvas().Focus(j.code)
}

// wanted tells whether setup should join a team after creating the database.
func (j *setupJoin) wanted() bool { return j.box.Visible() }

// checked is the code to join with, or a sentence saying what is missing.
func (j *setupJoin) checked() (string, string) { return invitationProblem(j.file, j.code.Text) }
