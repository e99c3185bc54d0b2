// Command warmlead is a desktop app for B2B sales reps who prospect under
// GDPR. With a sub-command it runs headless (see ui/cli); without one it
// opens the window.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"warmlead/ui"
	"warmlead/ui/cli"
	"warmlead/ui/proc"
	"warmlead/ui/usecase"
)

func main() {
	_ = proc.NoCoreDumps() // before anything is decrypted; failing, the app still runs
	restoreLocale()
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Main(args))
	}
	cfg, err := cli.GUIConfig(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warmlead: "+err.Error())
		os.Exit(cli.ExitUsage)
	}
	ui.Run(app.NewWithID(usecase.AppID), cfg)
}
