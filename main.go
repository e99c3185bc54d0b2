// Command warmlead is a desktop app for B2B sales reps who prospect under
// GDPR. With a sub-command it runs headless (see ui/cli); without one it
// opens the window.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"warmlead/ui"
	"warmlead/ui/cli"
)

func main() {
	restoreLocale()
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Main(args))
	}
	os.Exit(ui.Run(app.NewWithID(cli.AppID), args))
}
