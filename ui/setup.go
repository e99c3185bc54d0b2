package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// setupScreen is the first start: who the rep is, what every email links
// to, and the recovery passphrase.
type setupScreen struct {
	g *GUI
	profileFields
	pass, pass2       *widget.Entry
	meter             *widget.ProgressBar
	meterText, status *widget.Label
	create            *widget.Button
	progress          *widget.ProgressBarInfinite

	join *setupJoin // "Join a team" (setup_team.go)
}

// languageNames are the pickers' choices: each language in itself, so a
// rep finds their own whatever language the screen speaks.
var languageNames = i18n.Names

func languageOptions() []string {
	out := make([]string, len(i18n.Languages))
	for i, l := range i18n.Languages {
		out[i] = languageNames[l]
	}
	return out
}

func languageCode(name string) string {
	for code, n := range languageNames {
		if n == name {
			return code
		}
	}
	return "en"
}

func (g *GUI) showSetup() {
	s := &setupScreen{g: g, profileFields: newProfileFields()}
	s.rep.SetPlaceHolder(lang.L("Your name, as it appears in emails"))
	s.company.SetPlaceHolder(lang.L("Your company"))
	s.privacy.SetPlaceHolder(lang.L("https://yourcompany.com/privacy"))
	s.prefs.SetPlaceHolder(lang.L("https://yourcompany.com/preferences"))
	s.lang.SetSelected(languageNames[i18n.Current()]) // the language this screen speaks
	s.pass = widget.NewPasswordEntry()
	s.pass2 = widget.NewPasswordEntry()
	s.meter = widget.NewProgressBar()
	s.meter.Max = 4
	s.meter.TextFormatter = func() string { return "" }
	s.meterText = widget.NewLabel("")
	s.status = wrappedLabel("")
	s.status.Importance = widget.DangerImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.pass.OnChanged = s.onPassChanged
	s.pass2.OnChanged = func(string) { s.clearMismatch() }
	s.pass2.OnSubmitted = func(string) { s.onCreate() } // Enter in the last field creates
	s.create = primaryButton(lang.L("Create my database"), theme.ConfirmIcon(), s.onCreate)
	if g.cfg.PasswordFile != "" {
		if p, err := usecase.ReadPassphrase(g.cfg.PasswordFile); err == nil {
			s.pass.SetText(string(p))
			s.pass2.SetText(string(p))
		}
	}

	form := widget.NewForm(s.formItems(
		widget.NewFormItem(lang.L("Recovery passphrase"), s.pass),
		widget.NewFormItem(lang.L("Repeat passphrase"), s.pass2),
		widget.NewFormItem(lang.L("Strength"), container.NewBorder(nil, nil, nil, s.meterText, s.meter)),
	)...)
	// Whole sentences per case, so each language can order them its way.
	text := lang.L("Warmlead keeps your prospects in an encrypted database on this computer. Its key is kept in your system keyring, so Warmlead opens without a prompt; the recovery passphrase opens it on another computer or after a reinstall. Write the passphrase down: nobody can recover it for you.")
	if g.cfg.NoKeyring {
		text = lang.L("Warmlead keeps your prospects in an encrypted database on this computer. The system keyring is switched off, so Warmlead asks for the recovery passphrase at every start. Write the passphrase down: nobody can recover it for you.")
	}
	intro := wrappedLabel(text)
	title := widget.NewLabelWithStyle(lang.L("Welcome to Warmlead"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	s.join = newSetupJoin(g)
	body := container.NewVBox(title, intro, form, s.join.box, s.status, s.progress, container.NewHBox(s.join.toggle, layoutSpacer(), s.create))
	g.setContent(lang.L("Setup"), container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 640), body)))
	g.setup = s
	g.win.Canvas().Focus(s.rep)
}

// clearMismatch takes the "passphrases differ" message away once they
// match: an error stays only while it is true.
func (s *setupScreen) clearMismatch() {
	if s.status.Text == lang.L("The two passphrases differ. Type the same passphrase twice.") && s.pass.Text == s.pass2.Text {
		s.status.SetText("")
	}
}

func (s *setupScreen) onPassChanged(p string) {
	s.clearMismatch()
	score, word := strength(p)
	s.meter.SetValue(float64(score))
	s.meterText.SetText(word)
}

func (s *setupScreen) settings() consent.Settings {
	st := consent.DefaultSettings()
	s.readInto(&st)
	return st
}

func (s *setupScreen) fail(msg string) {
	s.status.SetText(msg)
	s.status.Show()
}

func (s *setupScreen) onCreate() {
	g := s.g
	st := s.settings()
	switch {
	case st.Rep == "":
		s.fail(lang.L("Enter your name: it signs the emails Warmlead writes and the audit log."))
		return
	case s.pass.Text != s.pass2.Text:
		s.fail(lang.L("The two passphrases differ. Type the same passphrase twice."))
		return
	}
	if score, word := strength(s.pass.Text); score == 0 {
		s.fail(word)
		return
	}
	var code string
	if s.join.wanted() {
		var problem string
		if code, problem = s.join.checked(); problem != "" {
			s.fail(problem)
			return
		}
	}
	if st.Country == "" {
		// National numbers are read in the desktop's country; the rep
		// changes it in Settings (an English screen in the Netherlands).
		st.Country = usecase.DesktopCountry()
	}
	if err := st.Validate(); err != nil {
		s.fail(validationText(st, err))
		return
	}
	s.status.SetText("")
	s.create.Disable()
	s.progress.Show()
	pass := []byte(s.pass.Text)
	var db *store.DB
	g.background(func() error {
		var err error
		db, err = usecase.CreateDatabase(g.cfg, pass, st)
		return err
	}, func(err error) {
		s.progress.Hide()
		s.create.Enable()
		if err != nil {
			s.fail(errorText(err))
			return
		}
		g.db = db
		g.showMain() // switches to st.Lang and remembers it for the next start
		if code != "" {
			g.joinAfterSetup(s.join.file, code) // team_create_join.go
		}
	})
}
