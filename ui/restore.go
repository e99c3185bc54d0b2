package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
	"warmlead/ui/usecase"
)

// Restoring a backup from Settings: the same use case as `warmlead
// restore`. The window lets go of the database (the restore takes its
// lock), restores, opens the result again and says what was re-applied;
// a backup of another database is confirmed first, naming both.

func (s *settingsScreen) onRestore() {
	g := s.g
	g.touch()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil || err != nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		pass := newEscPassword(g)
		pass.SetPlaceHolder(lang.L("Empty: the system keyring"))
		items := []*widget.FormItem{widget.NewFormItem(lang.L("Recovery passphrase of the backup"), pass)}
		dialog.ShowForm(lang.L("Restore this backup?"), lang.L("Restore"), lang.L("Cancel"), items, func(ok bool) {
			if ok {
				g.restore(path, []byte(pass.Text), false)
			}
		}, g.win)
	}, g.win)
	d.Show()
}

// otherDBConfirm asks whether a backup may replace a database it cannot
// carry the records of.
type otherDBConfirm struct {
	text            *widget.Label
	replace, cancel *widget.Button
	d               dialog.Dialog
}

// restore replaces the database with the backup at path; pass unlocks the
// backup (empty: as the start-up does).
func (g *GUI) restore(path string, pass []byte, other bool) {
	g.stopIdleWatch()
	if g.db != nil {
		g.db.Close()
		g.db, g.uc, g.shell = nil, nil, nil
	}
	g.win.SetMainMenu(nil)
	g.showMessage(lang.L("Restoring the backup…"), "", false)
	var report store.RestoreReport
	g.background(func() error {
		var err error
		report, err = usecase.Restore(g.cfg, usecase.RestoreRequest{Src: path, Rep: g.rep(), OtherDatabase: other, Passphrase: pass})
		return err
	}, func(err error) {
		g.reopen(pass, func() {
			var od *usecase.OtherDatabase
			switch {
			case errors.As(err, &od):
				g.confirmReplace(lang.L("This backup belongs to another database ({{.Backup}}) than the one it would replace ({{.Current}}). Replace it anyway? The current file is kept beside it until the next successful unlock.",
					map[string]any{"Backup": od.Backup.String(), "Current": od.Current.String()}), func() { g.restore(path, pass, true) })
			case errors.Is(err, store.ErrCurrentUnreadable):
				g.confirmReplace(lang.L("The current database cannot be opened or unlocked, so its erasures and objections cannot be carried into the backup. Replace it anyway? The current file is kept beside it until the next successful unlock."),
					func() { g.restore(path, pass, true) })
			case err != nil:
				dialog.ShowInformation(lang.L("Backup not restored"), errorText(err), g.win)
			default:
				dialog.ShowInformation(lang.L("Backup restored"), restoredText(report), g.win)
			}
		})
	})
}

// reopen opens the database at its path again and unlocks it with pass,
// else as the start-up does, else asks; then runs then.
func (g *GUI) reopen(pass []byte, then func()) {
	var db *store.DB
	g.background(func() error {
		var err error
		if db, err = store.Open(g.cfg.DB, g.cfg.Options()); err != nil {
			return err
		}
		if len(pass) > 0 && db.UnlockPassphrase(pass) == nil {
			return nil
		}
		return g.cfg.Unlock(db)
	}, func(err error) {
		if db == nil {
			g.showMessage(lang.L("Warmlead cannot open its database"), errorText(err), true)
			then()
			return
		}
		g.db = db
		if err == nil {
			g.showMain()
		} else {
			g.showUnlock("")
		}
		then()
	})
}

// confirmReplace asks before a restore replaces a database whose records
// cannot be carried over (another database, or one that cannot be read).
func (g *GUI) confirmReplace(text string, replace func()) {
	c := &otherDBConfirm{}
	c.text = wrappedLabel(text)
	c.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { c.d.Hide() })
	c.replace = widget.NewButtonWithIcon(lang.L("Replace"), theme.ConfirmIcon(), func() { c.d.Hide(); replace() })
	c.replace.Importance = widget.DangerImportance
	body := container.NewVBox(c.text, container.NewHBox(layoutSpacer(), c.cancel, c.replace))
	c.d = dialog.NewCustomWithoutButtons(lang.L("Another database"), container.NewGridWrap(fyne.NewSize(520, 200), body), g.win)
	c.d.Show()
	g.otherDB = c
}

// restoredText says in the rep's language what a restore did.
func restoredText(r store.RestoreReport) string {
	s := lang.L("Restored {{.Prospects}} prospects with {{.Events}} events.", map[string]any{"Prospects": r.Prospects, "Events": r.Events})
	n := func(key string, v int) {
		if v > 0 {
			s += "\n" + key
		}
	}
	n(lang.L("Erased again (erased before this backup was restored): {{.N}}", map[string]any{"N": len(r.Erased)}), len(r.Erased))
	n(lang.L("Tombstones carried over: {{.N}}", map[string]any{"N": r.Tombstones}), r.Tombstones)
	n(lang.L("Suppression entries carried over: {{.N}}", map[string]any{"N": r.Suppressions}), r.Suppressions)
	n(lang.L("Objections and withdrawals recorded again: {{.N}}", map[string]any{"N": r.Appended}), r.Appended)
	n(lang.L("Do-not-call registers carried over: {{.N}}", map[string]any{"N": r.Registers}), r.Registers)
	n(lang.L("Entries of the other database that could not be carried: {{.N}}", map[string]any{"N": r.NotCarried}), r.NotCarried)
	if r.CurrentUnread {
		s += "\n" + lang.L("The replaced database could not be unlocked, so nothing was carried from it.")
	}
	// The reopening that follows a restore is an unlock, which removes
	// the kept copy (store.afterUnlock): only a copy still there is named.
	if _, err := os.Stat(r.Replaced); r.Replaced != "" && err == nil {
		s += "\n" + lang.L("The replaced database is kept at {{.Path}} until the next successful unlock.", map[string]any{"Path": r.Replaced})
	}
	return s
}
