package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
)

// olderScreen is shown when the file is older than the one last opened on
// this machine (store.OlderCopyError): an older copy put in place by hand
// would bring back erased people and undo objections. It explains and
// lets the rep choose; it never locks them out on a false alarm (a copy
// they restored themselves, another machine's newer file).
type olderScreen struct {
	text       *widget.Label
	open, quit *widget.Button
}

// showOlderCopy offers "Open anyway", which accepts the copy and unlocks
// again with unlock (the passphrase typed, or the keyring).
func (g *GUI) showOlderCopy(err error, unlock func() error) {
	o := &olderScreen{}
	title := widget.NewLabelWithStyle(lang.L("This database is older than the one last opened here"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	o.text = wrappedLabel(olderCopyText(err))
	o.quit = widget.NewButtonWithIcon(lang.L("Quit"), theme.CancelIcon(), func() { g.app.Quit() })
	o.open = widget.NewButtonWithIcon(lang.L("Open anyway"), theme.ConfirmIcon(), func() {
		o.open.Disable()
		g.db.AcceptOlderCopy()
		g.background(unlock, func(err error) {
			if err != nil {
				g.showMessage(lang.L("Warmlead cannot open its database"), errorText(err), true)
				return
			}
			g.showMain()
		})
	})
	o.open.Importance = widget.HighImportance
	box := container.NewVBox(title, o.text, container.NewCenter(container.NewHBox(o.quit, o.open)))
	g.setContent(lang.L("Older copy"), container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 320), box)))
	g.older = o
}

func olderCopyText(err error) string {
	var oe *store.OlderCopyError
	file, seen := uint64(0), uint64(0)
	if errors.As(err, &oe) {
		file, seen = oe.File, oe.Seen
	}
	return lang.L("The file has fewer changes (generation {{.File}}) than the one this computer opened last (generation {{.Seen}}): an older copy may have been put in its place, so erasures, objections and withdrawals made since could be missing. If you have a newer backup, quit and restore it. If this copy is the one you want, open it anyway: it then counts as the newest.",
		map[string]any{"File": file, "Seen": seen})
}
