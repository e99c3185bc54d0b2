package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onRekey re-encrypts the database under a new data key (usecase
// Settings.Rekey): a form for the recovery passphrase that will wrap it
// (the current one or a new one, typed twice: a typo would leave a
// passphrase nobody knows), a confirmation, then a progress bar while the
// store copies every value.
func (s *settingsScreen) onRekey() {
	g := s.g
	g.touch()
	pp := newPassphrasePair(g)
	explain := wrappedLabel(lang.L("Re-encrypts every record under a new key. Use it when an old copy of the file and its passphrase may be in other hands (a lost laptop, a colleague who knew the passphrase). Type the recovery passphrase to keep, or a new one."))
	items := append([]*widget.FormItem{widget.NewFormItem("", explain)}, pp.items(lang.L("Recovery passphrase"))...)
	form := dialog.NewForm(lang.L("Re-encrypt database"), lang.L("Continue"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		pass, ok := pp.accepted(g, lang.L("Database not re-encrypted"))
		if !ok {
			return
		}
		dialog.ShowConfirm(lang.L("Re-encrypt database?"),
			lang.L("Warmlead copies the whole database under a new key and then replaces it; this can take a minute. Old backups keep their old key: make a new backup afterwards."),
			func(ok bool) {
				if ok {
					s.runRekey(pass)
				}
			}, g.win)
	}, g.win)
	form.Resize(fyne.NewSize(480, 0))
	form.Show()
}

func (s *settingsScreen) runRekey(pass []byte) {
	g := s.g
	bar := widget.NewProgressBar()
	dlg := dialog.NewCustomWithoutButtons(lang.L("Re-encrypting the database…"), container.NewGridWrap(fyne.NewSize(360, 40), bar), g.win)
	dlg.Show()
	uc := g.uc
	g.background(func() error {
		return uc.Settings.Rekey(pass, func(done, total int) {
			g.ui(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
		})
	}, func(err error) {
		dlg.Hide()
		if err != nil {
			g.showProblem(lang.L("The database was not re-encrypted: {{.Error}}", map[string]any{"Error": errorText(err)}))
			return
		}
		s.status.SetText(lang.L("Database re-encrypted under a new key. Old copies and the old key open nothing of it; make a new backup."))
	})
}

func (s *settingsScreen) rekeyButton() *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Re-encrypt database…"), theme.ViewRefreshIcon(), s.onRekey)
}
