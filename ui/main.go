package ui

import (
	"fyne.io/fyne/v2"

	"warmlead/assets"
	"warmlead/ui/usecase"
)

// Run opens the window on app a (created by main with the app id) for the
// database cfg names and blocks until it closes.
func Run(a fyne.App, cfg usecase.Config) {
	limitMemory()
	a.SetIcon(assets.Icon)
	w := a.NewWindow(appName)
	w.SetIcon(assets.Icon)
	w.Resize(fyne.NewSize(1100, 720))
	g := New(a, w, cfg)
	g.Start()
	if perfProbe != nil {
		perfProbe(g, w)
	}
	w.SetMaster()
	w.ShowAndRun()
	g.Close()
}
