package ui

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"

	"warmlead/assets"
	"warmlead/ui/cli"
)

// Run opens the window on app a (created by main with the app id) and
// blocks until it closes. It returns the process exit code.
func Run(a fyne.App, args []string) int {
	cfg, err := cli.GUIConfig(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warmlead: "+err.Error())
		return cli.ExitUsage
	}
	a.SetIcon(assets.Icon)
	w := a.NewWindow(appName)
	w.SetIcon(assets.Icon)
	w.Resize(fyne.NewSize(1100, 720))
	g := New(a, w, cfg)
	g.Start()
	w.SetMaster()
	w.ShowAndRun()
	g.Close()
	return 0
}
