package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
)

// unlockScreen asks for the recovery passphrase when the keyring cannot
// unlock, and after a lock.
type unlockScreen struct {
	g        *GUI
	pass     *widget.Entry
	button   *widget.Button
	status   *widget.Label
	progress *widget.ProgressBarInfinite
}

func (g *GUI) showUnlock(why string) {
	u := &unlockScreen{g: g}
	u.pass = widget.NewPasswordEntry()
	u.pass.SetPlaceHolder(lang.L("Recovery passphrase"))
	u.pass.OnSubmitted = func(string) { u.onUnlock() }
	u.button = primaryButton(lang.L("Unlock"), theme.LoginIcon(), u.onUnlock)
	u.status = wrappedLabel(why)
	u.progress = widget.NewProgressBarInfinite()
	u.progress.Hide()
	title := widget.NewLabelWithStyle(lang.L("Warmlead is locked"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	hint := wrappedLabel(lang.L("Enter the recovery passphrase you chose when you set up Warmlead."))
	body := container.NewVBox(title, hint, u.pass, u.status, u.progress, container.NewHBox(layoutSpacer(), u.button))
	g.setContent(lang.L("Locked"), container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 280), body)))
	g.unlock = u
	g.win.Canvas().Focus(u.pass)
}

func (u *unlockScreen) onUnlock() {
	g := u.g
	if u.pass.Text == "" {
		u.status.SetText(lang.L("Type your passphrase first."))
		return
	}
	pass := []byte(u.pass.Text)
	u.button.Disable()
	u.progress.Show()
	g.background(func() error { return g.db.UnlockPassphrase(pass) }, func(err error) {
		u.progress.Hide()
		u.button.Enable()
		switch {
		case errors.Is(err, store.ErrWrongPassphrase):
			u.status.SetText(errorText(err))
			u.status.Importance = widget.DangerImportance
			u.status.Refresh()
			u.pass.SetText("")
			g.win.Canvas().Focus(u.pass)
		case errors.Is(err, store.ErrOlderCopy):
			g.showOlderCopy(err, func() error { return g.db.UnlockPassphrase(pass) })
		case store.IsStateError(err): // state_warning.go
			g.showStateWarning(err)
		case err != nil:
			u.status.SetText(errorText(err))
		default:
			g.showMain()
		}
	})
}

// messageScreen tells why Warmlead cannot go on (in use by another
// instance, a damaged file), with Try again and Quit.
type messageScreen struct {
	title, text *widget.Label
	retry       *widget.Button
}

func (g *GUI) showMessage(title, text string, actions bool) {
	m := &messageScreen{}
	m.title = widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	m.title.SizeName = theme.SizeNameHeadingText
	m.text = wrappedLabel(text)
	m.text.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(m.title, m.text)
	if actions {
		m.retry = primaryButton(lang.L("Try again"), theme.ViewRefreshIcon(), g.Start)
		quit := widget.NewButtonWithIcon(lang.L("Quit"), theme.CancelIcon(), func() { g.app.Quit() })
		box.Add(container.NewCenter(container.NewHBox(quit, m.retry)))
	} else {
		box.Add(widget.NewProgressBarInfinite())
	}
	g.setContent(title, container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 220), box)))
	g.message = m
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
