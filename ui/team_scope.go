package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/ui/usecase"
)

// scopeSwitch is the manager's "Mine / Team" choice on Prospects, Reports
// and Today: Team reads the team mirror (every rep's prospects and
// ledgers) through the ordinary use cases. Only the manager sees it.
type scopeSwitch struct {
	g       *GUI
	radio   *widget.RadioGroup
	bar     *fyne.Container
	changed func()
	quiet   bool // a reset to Mine that should not refresh the screen
}

func newScopeSwitch(g *GUI, changed func()) *scopeSwitch {
	s := &scopeSwitch{g: g, changed: changed}
	s.radio = widget.NewRadioGroup([]string{lang.L("Mine"), lang.L("Team")}, nil)
	s.radio.Horizontal = true
	s.radio.Required = true
	s.radio.SetSelected(s.radio.Options[0])
	s.radio.OnChanged = func(string) {
		g.touch()
		if !s.quiet && s.changed != nil {
			s.changed()
		}
	}
	s.bar = container.NewHBox(widget.NewLabel(lang.L("Show")), s.radio)
	s.update()
	return s
}

// update shows the switch to a manager only; anyone else is back on Mine
// (a revoked manager's mirror is gone).
func (s *scopeSwitch) update() {
	if s.g.isTeamManager() {
		s.bar.Show()
		return
	}
	s.bar.Hide()
	if s.radio.Selected != s.radio.Options[0] {
		s.quiet = true // update runs inside a refresh: no second one
		s.radio.SetSelected(s.radio.Options[0])
		s.quiet = false
	}
}

// team tells whether the team scope is chosen (by position: the labels are
// translated), and still offered.
func (s *scopeSwitch) team() bool {
	return s.radio.Selected == s.radio.Options[1] && s.g.isTeamManager()
}

// wrap puts the switch above a screen body for a manager; anyone else sees
// the body alone.
func (s *scopeSwitch) wrap(body fyne.CanvasObject) fyne.CanvasObject {
	s.update()
	if !s.bar.Visible() {
		return body
	}
	return container.NewBorder(s.bar, nil, nil, nil, body)
}

// scopeApp is the use cases a screen reads through: this database's, or
// for the team scope the team mirror's (read-only use). Called off the UI
// goroutine with the choice read on it.
func scopeApp(g *GUI, team bool) (*usecase.App, error) {
	if !team {
		return g.uc, nil
	}
	return teamOf(g).MirrorApp()
}

// scopeCount is how many prospects the scope holds (off the UI goroutine).
func scopeCount(g *GUI, team bool) int {
	if !team {
		return g.db.Index().Count()
	}
	n, err := teamOf(g).Count()
	if err != nil {
		return 0
	}
	return n
}

// enableIf enables b when on holds, else disables it.
func enableIf(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
