package ui

import (
	"context"
	"net/url"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// createDialog asks for the team's PostgreSQL server and name, and the
// admin's login (a role that may create roles and schemas), whose password
// serves this one call and is never stored.
type createDialog struct {
	g                         *teamScreen
	server, name, user, admin *escEntry
	status                    *widget.Label
	create                    *widget.Button
	dlg                       *dialog.CustomDialog
}

// examplePostgresURL shows how a server address is written (the same in
// every language).
const examplePostgresURL = "postgres://db.example.com:5432/warmlead"

func (s *teamScreen) onCreate() {
	g := s.g
	g.touch()
	d := &createDialog{g: s, server: newEscEntry(g, false), name: newEscEntry(g, false), user: newEscEntry(g, false), admin: newEscPassword(g)}
	d.server.SetPlaceHolder(examplePostgresURL)
	d.name.SetPlaceHolder(lang.L("e.g. Acme sales"))
	d.user.SetPlaceHolder(lang.L("the admin's PostgreSQL user, e.g. postgres"))
	d.admin.SetPlaceHolder(lang.L("the admin's password, if the server asks for one"))
	d.admin.OnSubmitted = func(string) { d.onCreate() }
	d.status = errorLabel()
	d.create = primaryButton(lang.L("Create team"), theme.ConfirmIcon(), d.onCreate)
	hint := wrappedLabel(lang.L("You become the team's manager: you invite the reps and see every rep's prospects. The admin is a PostgreSQL role that may create roles and schemas; its password is used for this step only and never kept."))
	form := widget.NewForm(widget.NewFormItem(lang.L("Server"), d.server), widget.NewFormItem(lang.L("Team name"), d.name),
		widget.NewFormItem(lang.L("Admin user"), d.user), widget.NewFormItem(lang.L("Admin password"), d.admin))
	d.dlg = showActionDialog(g, lang.L("Create a team"), fyne.NewSize(560, 340), container.NewVBox(hint, form, d.status), d.create)
	s.lastCreate = d
	g.win.Canvas().Focus(d.server)
}

// serverAddress is the server's URL with the admin's user name (the one
// typed, else the one written in the address) and never a password; ""
// and a sentence when it is not a PostgreSQL URL.
func serverAddress(server, user string) (clean, problem string) {
	server = strings.TrimSpace(server)
	u, err := url.Parse(server)
	switch {
	case server == "":
		return "", lang.L("Enter the PostgreSQL server's address, like postgres://db.example.com:5432/warmlead.")
	case err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || (u.Host == "" && u.Query().Get("host") == ""):
		return "", lang.L("The server's address is a PostgreSQL URL, like postgres://db.example.com:5432/warmlead.")
	}
	admin := strings.TrimSpace(user)
	if admin == "" && u.User != nil {
		admin = u.User.Username()
	}
	u.User = nil // a password written there is dropped, never passed on
	if admin != "" {
		u.User = url.User(admin)
	}
	return u.String(), ""
}

func (d *createDialog) onCreate() {
	g := d.g.g
	g.touch()
	name := strings.TrimSpace(d.name.Text)
	server, problem := serverAddress(d.server.Text, d.user.Text)
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
	g.teamCall(func(ctx context.Context, tm teamUseCases) error {
		return withAdminPassword(password, func() error {
			_, err := tm.Create(ctx, server, name)
			return err
		})
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

// adminPassword serialises withAdminPassword: the environment is one.
var adminPassword sync.Mutex

// withAdminPassword runs fn with the admin's password where the team
// package reads it, PGPASSWORD (the contract's Create takes none, and none
// may travel in a URL or argv), inside this process only and for this call
// only: the previous value comes back after. No password typed: PGPASSWORD
// or ~/.pgpass as they are, as for the CLI.
func withAdminPassword(password string, fn func() error) error {
	if password == "" {
		return fn()
	}
	adminPassword.Lock()
	defer adminPassword.Unlock()
	old, had := os.LookupEnv("PGPASSWORD")
	os.Setenv("PGPASSWORD", password)
	defer func() {
		if had {
			os.Setenv("PGPASSWORD", old)
		} else {
			os.Unsetenv("PGPASSWORD")
		}
	}()
	return fn()
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
