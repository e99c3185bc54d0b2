package ui

import (
	"net/url"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// settingsScreen edits what setup asked, plus retention and idle lock, and
// the security of the database (passphrase, keyring).
type settingsScreen struct {
	g *GUI
	profileFields
	country         *countrySelect // where national phone numbers are read
	retention, idle *widget.Entry
	save            *widget.Button
	status          *widget.Label
	keyringInfo     *widget.Label
	forget          *widget.Button
	registers       *widget.Label
	importDNC       *widget.Button
}

func newSettingsScreen(g *GUI) *settingsScreen {
	s := &settingsScreen{g: g}
	s.profileFields = newProfileFields()
	s.country = newCountrySelect(g.settings.PhoneRegion())
	s.retention, s.idle = widget.NewEntry(), widget.NewEntry()
	s.status = wrappedLabel("")
	s.save = primaryButton(lang.L("Save settings"), theme.DocumentSaveIcon(), s.onSave)
	s.keyringInfo = wrappedLabel("")
	s.forget = widget.NewButtonWithIcon(lang.L("Remove key from system keyring"), theme.DeleteIcon(), s.onForgetKeyring)
	s.registers = wrappedLabel("")
	s.importDNC = widget.NewButtonWithIcon(lang.L("Import register…"), theme.FolderOpenIcon(), func() { importDNC(g, s.refresh) })
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject {
	form := widget.NewForm(s.formItems(
		widget.NewFormItem(lang.L("Country of phone numbers"), s.country),
		widget.NewFormItem(lang.L("Keep inactive prospects (months)"), s.retention),
		widget.NewFormItem(lang.L("Lock after idle (minutes)"), s.idle),
	)...)
	pass := widget.NewButtonWithIcon(lang.L("Change recovery passphrase…"), theme.AccountIcon(), s.onChangePassphrase)
	restore := widget.NewButtonWithIcon(lang.L("Restore a backup…"), theme.HistoryIcon(), s.onRestore)
	dbPath := widget.NewLabel(lang.L("Database: {{.Path}}", map[string]any{"Path": s.g.cfg.DB}))
	dbPath.Wrapping = fyne.TextWrapBreak
	security := container.NewVBox(widget.NewLabelWithStyle(lang.L("Security"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		dbPath, s.keyringInfo,
		// Two rows: the key's wraps, then the file; four buttons in one row
		// are wider than the window in German.
		container.NewHBox(pass, s.rekeyButton()), container.NewHBox(s.forget, restore))
	dnc := container.NewVBox(widget.NewLabelWithStyle(lang.L("Do-not-call registers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.registers, container.NewHBox(s.importDNC))
	return container.NewVScroll(container.NewVBox(heading(lang.L("Settings")), form, container.NewHBox(layoutSpacer(), s.save), s.status,
		widget.NewSeparator(), dnc, widget.NewSeparator(), security))
}

func (s *settingsScreen) refresh() {
	st := s.g.settings
	s.rep.SetText(st.Rep)
	s.company.SetText(st.Company)
	s.privacy.SetText(st.PrivacyURL)
	s.prefs.SetText(st.PreferencesURL)
	s.lang.SetSelected(languageNames[st.Lang])
	s.country.SetCode(st.PhoneRegion())
	s.retention.SetText(strconv.Itoa(st.RetentionMonths))
	s.idle.SetText(strconv.Itoa(st.IdleLockMinutes))
	s.status.SetText("")
	if regs, err := s.g.db.Registers(); err == nil {
		s.registers.SetText(registersText(regs))
	} else {
		s.registers.SetText(errorText(err))
	}
	if s.g.db.HasKeyring() {
		s.keyringInfo.SetText(lang.L("Warmlead unlocks through your system keyring; the recovery passphrase opens it anywhere else."))
		s.forget.Enable()
	} else {
		s.keyringInfo.SetText(lang.L("No key in the system keyring: Warmlead asks for the recovery passphrase at every start."))
		s.forget.Disable()
	}
}

func (s *settingsScreen) onSave() {
	g := s.g
	g.touch()
	st := g.settings
	s.readInto(&st)
	st.Country = s.country.Code()
	var err error
	if st.RetentionMonths, err = strconv.Atoi(s.retention.Text); err != nil {
		s.status.SetText(lang.L("Retention must be a whole number of months, e.g. 12."))
		return
	}
	if st.IdleLockMinutes, err = strconv.Atoi(s.idle.Text); err != nil {
		s.status.SetText(lang.L("Idle lock must be a whole number of minutes, e.g. 10."))
		return
	}
	if err := st.Validate(); err != nil {
		s.status.SetText(validationText(st, err))
		return
	}
	g.background(func() error { return g.uc.Settings.Save(st) }, func(err error) {
		if err != nil {
			s.status.SetText(errorText(err))
			return
		}
		relabel := i18n.Pick(st.Lang) != i18n.Current()
		g.settings = st
		g.idleMinutes.Store(int64(st.IdleLockMinutes))
		if relabel && g.shell != nil {
			// Every screen is rebuilt in the new language; the rep stays here.
			g.useLanguage(st.Lang)
			g.buildShell("settings")
			s = g.shell.settings
		} else if g.shell != nil {
			g.shell.updateWho()
		}
		s.status.SetText(lang.L("Settings saved."))
	})
}

// validationText says in the rep's language which setting Validate refused.
// Validate stays the judge; its English sentence is the fallback for a rule
// this does not know.
func validationText(st consent.Settings, err error) string {
	for _, u := range []string{st.PrivacyURL, st.PreferencesURL} {
		if p, perr := url.Parse(u); u != "" && (perr != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "") {
			return lang.L("{{.URL}} is not a web address: start it with https://", map[string]any{"URL": u})
		}
	}
	switch {
	case st.RetentionMonths < 1 || st.RetentionMonths > 120:
		return lang.L("Retention must be between 1 and 120 months.")
	case st.IdleLockMinutes < 1 || st.IdleLockMinutes > 480:
		return lang.L("The idle lock must be between 1 and 480 minutes.")
	}
	return err.Error()
}

func (s *settingsScreen) onChangePassphrase() {
	g := s.g
	g.touch()
	pp := newPassphrasePair(g)
	dialog.ShowForm(lang.L("Change recovery passphrase"), lang.L("Change"), lang.L("Cancel"), pp.items(lang.L("New passphrase")), func(ok bool) {
		if !ok {
			return
		}
		pass, ok := pp.accepted(g, lang.L("Passphrase not changed"))
		if !ok {
			return
		}
		g.background(func() error { return g.uc.Settings.ChangePassphrase(pass) }, func(err error) {
			if err != nil {
				dialog.ShowInformation(lang.L("Passphrase not changed"), errorText(err), g.win)
				return
			}
			s.status.SetText(lang.L("Recovery passphrase changed. Your data was not re-encrypted; only its key was rewrapped."))
		})
	}, g.win)
}

func (s *settingsScreen) onForgetKeyring() {
	g := s.g
	g.touch()
	dialog.ShowConfirm(lang.L("Remove key from keyring?"),
		lang.L("Warmlead will ask for the recovery passphrase at every start. Nothing else changes."), func(ok bool) {
			if !ok {
				return
			}
			g.background(g.uc.Settings.ForgetKeyring, func(err error) {
				s.refresh()
				if err != nil { // after refresh, which clears the status
					s.status.SetText(lang.L("The key could not be removed: {{.Error}}", map[string]any{"Error": errorText(err)}))
				}
			})
		}, g.win)
}
