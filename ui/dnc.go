package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
)

// registersText lists imported do-not-call registers for Settings.
func registersText(regs []store.Register) string {
	if len(regs) == 0 {
		return "No do-not-call register imported. Import your country's register (NL Bel-me-niet, NO Reservasjonsregisteret, SE NIX) to block listed numbers."
	}
	lines := make([]string, len(regs))
	for i, r := range regs {
		lines[i] = fmt.Sprintf("%s: %d numbers, imported %s", r.Name, r.Numbers, r.Imported.Local().Format("2 Jan 2006 15:04"))
	}
	return strings.Join(lines, "\n")
}

// importDNC asks for a register file and its name, parses and imports it off
// the UI goroutine, and reports what was skipped.
func importDNC(g *GUI, done func()) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		name := widget.NewEntry()
		name.SetText(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		dialog.ShowForm("Import do-not-call register", "Import", "Cancel",
			[]*widget.FormItem{widget.NewFormItem("Register name", name)}, func(ok bool) {
				if ok {
					runDNCImport(g, path, strings.TrimSpace(name.Text), done)
				}
			}, g.win)
	}, g.win)
	open.Show()
}

func runDNCImport(g *GUI, path, name string, done func()) {
	progress := dialog.NewCustomWithoutButtons("Importing "+name+"…", widget.NewProgressBarInfinite(), g.win)
	progress.Show()
	var parsed consent.DNCFile
	var reg store.Register
	region := g.region()
	g.background(func() error {
		f, err := openFile(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if parsed, err = consent.ParseDNC(f, region); err != nil {
			return err
		}
		reg, err = g.db.ImportDNC(name, parsed.Numbers, time.Now())
		return err
	}, func(err error) {
		progress.Hide()
		if err != nil {
			dialog.ShowError(err, g.win)
			return
		}
		msg := fmt.Sprintf("%d numbers are now on %q.", reg.Numbers, reg.Name)
		if n := len(parsed.Bad); n > 0 {
			msg += fmt.Sprintf(" %d lines were skipped (first: line %d, %s).", n, parsed.Bad[0].Line, parsed.Bad[0].Reason)
		}
		dialog.ShowInformation("Register imported", msg, g.win)
		if done != nil {
			done()
		}
	})
}
