package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// createDialog asks for the team's PostgreSQL server and name, and the
// admin's password (used for this one call, never stored).
type createDialog struct {
	g                   *teamScreen
	server, name, admin *escEntry
	status              *widget.Label
	create              *widget.Button
	dlg                 *dialog.CustomDialog
}

func (s *teamScreen) onCreate() {
	s.g.touch()
	d := &createDialog{g: s, server: newEscEntry(s.g, false), name: newEscEntry(s.g, false), admin: newEscPassword(s.g)}
	d.server.SetPlaceHolder(examplePostgresURL)
	d.name.SetPlaceHolder(lang.L("e.g. Acme sales"))
	d.admin.SetPlaceHolder(lang.L("the admin's password, if the server asks for one"))
	d.admin.OnSubmitted = func(string) { d.onCreate() }
	d.status = errorLabel()
	d.create = widget.NewButtonWithIcon(lang.L("Create team"), theme.ConfirmIcon(), d.onCreate)
	d.create.Importance = widget.HighImportance
	hint := widget.NewLabel(lang.L("You become the team's manager: you invite the reps and see every rep's prospects. The admin is a PostgreSQL role that may create roles and schemas; its password is used for this step only and never kept."))
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Server"), d.server), widget.NewFormItem(lang.L("Team name"), d.name),
		widget.NewFormItem(lang.L("Admin password"), d.admin))
	d.dlg = showActionDialog(s.g, lang.L("Create a team"), fyne.NewSize(560, 300), container.NewVBox(hint, form, d.status), d.create)
	s.lastCreate = d
	s.g.win.Canvas().Focus(d.server)
}

// examplePostgresURL shows how a server address is written (the same in
// every language).
const examplePostgresURL = "postgres://admin@db.example.com:5432/warmlead"

// adminURL is the server address with the admin password put in for the
// one call; "" and a sentence when the address is not a PostgreSQL URL.
func adminURL(server, password string) (string, string) {
	u, err := url.Parse(strings.TrimSpace(server))
	switch {
	case strings.TrimSpace(server) == "":
		return "", lang.L("Enter the PostgreSQL server's address, like postgres://admin@db.example.com:5432/warmlead.")
	case err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || (u.Host == "" && u.Query().Get("host") == ""):
		return "", lang.L("The server's address is a PostgreSQL URL, like postgres://admin@db.example.com:5432/warmlead.")
	case password == "":
		return u.String(), ""
	case u.User.Username() == "":
		return "", lang.L("Put the admin's user name in the address, like postgres://admin@db.example.com/warmlead.")
	}
	u.User = url.UserPassword(u.User.Username(), password)
	return u.String(), ""
}

func (d *createDialog) onCreate() {
	g := d.g.g
	g.touch()
	name := strings.TrimSpace(d.name.Text)
	server, problem := adminURL(d.server.Text, d.admin.Text)
	if problem == "" && name == "" {
		problem = lang.L("Enter the team's name.")
	}
	if problem != "" {
		d.status.SetText(problem)
		d.status.Show()
		return
	}
	password := d.admin.Text
	d.status.SetText(lang.L("Creating the team…"))
	d.status.Show()
	d.create.Disable()
	tm := teamOf(g)
	g.background(func() error {
		ctx, cancel := teamCtx()
		defer cancel()
		_, err := tm.Create(ctx, server, name)
		return err
	}, func(err error) {
		d.create.Enable()
		if err != nil {
			d.status.SetText(redact(teamErrorText(err), password))
			return
		}
		d.admin.SetText("")
		d.dlg.Hide()
		d.g.joined()
	})
}

// redact keeps a password out of a sentence shown on screen (an error
// that quotes the address it failed on).
func redact(text, secret string) string {
	if secret == "" {
		return text
	}
	escaped := url.UserPassword("", secret).String()[1:] // ":" + the password as a URL writes it
	return strings.NewReplacer(escaped, "•••", secret, "•••").Replace(text)
}

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
	d.join = widget.NewButtonWithIcon(lang.L("Join team"), theme.LoginIcon(), d.onJoin)
	d.join.Importance = widget.HighImportance
	hint := widget.NewLabel(lang.L("Your manager sent you an invitation file and gave you its one-time code apart from it."))
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Invitation"), container.NewBorder(nil, nil, nil, d.pick, d.path)),
		widget.NewFormItem(lang.L("Code"), d.code))
	d.dlg = showActionDialog(s.g, lang.L("Join a team"), fyne.NewSize(560, 240), container.NewVBox(hint, form, d.status), d.join)
	s.lastJoin = d
	s.g.win.Canvas().Focus(d.pick)
}

func (d *joinDialog) setFile(path string) {
	d.file = path
	d.path.SetText(path)
	d.g.g.win.Canvas().Focus(d.code)
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
	tm, file := teamOf(g), d.file
	g.background(func() error {
		ctx, cancel := teamCtx()
		defer cancel()
		_, err := tm.Join(ctx, file, code)
		return err
	}, func(err error) {
		d.join.Enable()
		if err != nil {
			d.status.SetText(teamErrorText(err))
			return
		}
		d.dlg.Hide()
		d.g.joined()
	})
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
	tm := teamOf(g)
	g.background(func() error {
		ctx, cancel := teamCtx()
		defer cancel()
		_, err := tm.Join(ctx, file, code)
		return err
	}, func(err error) {
		if err != nil {
			s.team.refresh()
			dialog.ShowInformation(lang.L("Not joined yet"), lang.L("Your database is ready, but joining the team failed: {{.Error}} Try again with Join a team….",
				map[string]any{"Error": teamErrorText(err)}), g.win)
			return
		}
		s.team.joined()
	})
}
