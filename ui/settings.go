package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen edits what setup asked, plus retention and idle lock, and
// the security of the database (passphrase, keyring).
type settingsScreen struct {
	g                            *GUI
	rep, company, privacy, prefs *widget.Entry
	lang                         *widget.Select
	retention, idle              *widget.Entry
	save                         *widget.Button
	status                       *widget.Label
	keyringInfo                  *widget.Label
	forget                       *widget.Button
	registers                    *widget.Label
	importDNC                    *widget.Button
}

func newSettingsScreen(g *GUI) *settingsScreen {
	s := &settingsScreen{g: g}
	s.rep, s.company, s.privacy, s.prefs = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.lang = widget.NewSelect(languageOptions(), nil)
	s.retention, s.idle = widget.NewEntry(), widget.NewEntry()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButtonWithIcon("Save settings", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.keyringInfo = widget.NewLabel("")
	s.keyringInfo.Wrapping = fyne.TextWrapWord
	s.forget = widget.NewButtonWithIcon("Remove key from system keyring", theme.DeleteIcon(), s.onForgetKeyring)
	s.registers = widget.NewLabel("")
	s.registers.Wrapping = fyne.TextWrapWord
	s.importDNC = widget.NewButtonWithIcon("Import register…", theme.FolderOpenIcon(), func() { importDNC(g, s.refresh) })
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Your name", s.rep),
		widget.NewFormItem("Company", s.company),
		widget.NewFormItem("Privacy statement", s.privacy),
		widget.NewFormItem("Preferences page", s.prefs),
		widget.NewFormItem("Language", s.lang),
		widget.NewFormItem("Keep inactive prospects (months)", s.retention),
		widget.NewFormItem("Lock after idle (minutes)", s.idle),
	)
	pass := widget.NewButtonWithIcon("Change recovery passphrase…", theme.AccountIcon(), s.onChangePassphrase)
	dbPath := widget.NewLabel("Database: " + s.g.cfg.DB)
	dbPath.Wrapping = fyne.TextWrapBreak
	security := container.NewVBox(widget.NewLabelWithStyle("Security", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		dbPath, s.keyringInfo, container.NewHBox(pass, s.forget))
	dnc := container.NewVBox(widget.NewLabelWithStyle("Do-not-call registers", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.registers, container.NewHBox(s.importDNC))
	return container.NewVScroll(container.NewVBox(heading("Settings"), form, container.NewHBox(layoutSpacer(), s.save), s.status,
		widget.NewSeparator(), dnc, widget.NewSeparator(), security))
}

func (s *settingsScreen) refresh() {
	st := s.g.settings
	s.rep.SetText(st.Rep)
	s.company.SetText(st.Company)
	s.privacy.SetText(st.PrivacyURL)
	s.prefs.SetText(st.PreferencesURL)
	s.lang.SetSelected(languageNames[st.Lang])
	s.retention.SetText(strconv.Itoa(st.RetentionMonths))
	s.idle.SetText(strconv.Itoa(st.IdleLockMinutes))
	s.status.SetText("")
	if regs, err := s.g.db.Registers(); err == nil {
		s.registers.SetText(registersText(regs))
	} else {
		s.registers.SetText(err.Error())
	}
	if s.g.db.HasKeyring() {
		s.keyringInfo.SetText("Warmlead unlocks through your system keyring; the recovery passphrase opens it anywhere else.")
		s.forget.Enable()
	} else {
		s.keyringInfo.SetText("No key in the system keyring: Warmlead asks for the recovery passphrase at every start.")
		s.forget.Disable()
	}
}

func (s *settingsScreen) onSave() {
	g := s.g
	g.touch()
	st := g.settings
	st.Rep, st.Company = s.rep.Text, s.company.Text
	st.PrivacyURL, st.PreferencesURL = s.privacy.Text, s.prefs.Text
	st.Lang = languageCode(s.lang.Selected)
	var err error
	if st.RetentionMonths, err = strconv.Atoi(s.retention.Text); err != nil {
		s.status.SetText("Retention must be a whole number of months, e.g. 12.")
		return
	}
	if st.IdleLockMinutes, err = strconv.Atoi(s.idle.Text); err != nil {
		s.status.SetText("Idle lock must be a whole number of minutes, e.g. 10.")
		return
	}
	if err := st.Validate(); err != nil {
		s.status.SetText(err.Error())
		return
	}
	g.background(func() error { return g.db.SaveSettings(st) }, func(err error) {
		if err != nil {
			s.status.SetText(err.Error())
			return
		}
		g.settings = st
		g.idleMinutes.Store(int64(st.IdleLockMinutes))
		s.status.SetText("Settings saved.")
		if g.shell != nil {
			g.shell.updateWho()
		}
	})
}

func (s *settingsScreen) onChangePassphrase() {
	g := s.g
	g.touch()
	p1, p2 := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	meter := widget.NewLabel(" ")
	p1.OnChanged = func(v string) { _, w := strength(v); meter.SetText(w) }
	items := []*widget.FormItem{widget.NewFormItem("New passphrase", p1), widget.NewFormItem("Repeat", p2), widget.NewFormItem("Strength", meter)}
	dialog.ShowForm("Change recovery passphrase", "Change", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if p1.Text != p2.Text {
			dialog.ShowInformation("Passphrase not changed", "The two passphrases differ.", g.win)
			return
		}
		pass := []byte(p1.Text)
		g.background(func() error {
			if err := g.db.ChangePassphrase(pass); err != nil {
				return err
			}
			return g.db.Audit(g.rep(), "passphrase-changed", 0, "")
		}, func(err error) {
			if err != nil {
				dialog.ShowInformation("Passphrase not changed", err.Error(), g.win)
				return
			}
			s.status.SetText("Recovery passphrase changed. Your data was not re-encrypted; only its key was rewrapped.")
		})
	}, g.win)
}

func (s *settingsScreen) onForgetKeyring() {
	g := s.g
	g.touch()
	dialog.ShowConfirm("Remove key from keyring?",
		"Warmlead will ask for the recovery passphrase at every start. Nothing else changes.", func(ok bool) {
			if !ok {
				return
			}
			g.background(g.db.ForgetKeyring, func(err error) {
				if err != nil {
					s.status.SetText(fmt.Sprintf("The key could not be removed: %v", err))
				}
				s.refresh()
			})
		}, g.win)
}
