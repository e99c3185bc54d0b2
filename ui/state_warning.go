package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// showStateWarning: unlock found the file different from its authenticated
// state (records removed, added or put back from an older copy by someone
// without the key). The store left the database unlocked; the rep chooses
// to open it and look (Reports → Verify records names every difference) or
// to lock it again and restore a backup. Never a dead end: a false alarm
// must not keep the rep from their data.
func (g *GUI) showStateWarning(err error) {
	text := lang.L("Records of this database were removed, added or put back from an older copy by someone without its key. Open it to look (Reports, Verify records names every difference), or lock it and restore a backup.") +
		"\n\n" + errorText(err)
	d := dialog.NewConfirm(lang.L("The database changed without its key"), text, func(open bool) {
		if open {
			g.showMain()
			return
		}
		g.db.Lock()
		g.showUnlock("")
	}, g.win)
	d.SetConfirmText(lang.L("Open anyway"))
	d.SetDismissText(lang.L("Lock"))
	d.Show()
}
