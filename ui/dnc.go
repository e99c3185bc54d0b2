package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// registersText lists imported do-not-call registers for Settings.
func registersText(regs []store.Register) string {
	if len(regs) == 0 {
		return lang.L("No do-not-call register imported. Import your country's register (NL Bel-me-niet, NO Reservasjonsregisteret, SE NIX) to block listed numbers.")
	}
	lines := make([]string, len(regs))
	for i, r := range regs {
		lines[i] = lang.N("{{.Name}}: {{.Count}} numbers, imported {{.Date}}", r.Numbers,
			map[string]any{"Name": r.Name, "Count": i18n.Number(r.Numbers), "Date": i18n.DateTime(r.Imported)})
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
		name := newEscEntry(g, false)
		name.SetText(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		dialog.ShowForm(lang.L("Import do-not-call register"), lang.L("Import"), lang.L("Cancel"),
			[]*widget.FormItem{widget.NewFormItem(lang.L("Register name"), name)}, func(ok bool) {
				if ok {
					runDNCImport(g, path, strings.TrimSpace(name.Text), done)
				}
			}, g.win)
	}, g.win)
	open.Show()
}

func runDNCImport(g *GUI, path, name string, done func()) {
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing {{.Name}}…", map[string]any{"Name": name}),
		widget.NewProgressBarInfinite(), g.win)
	progress.Show()
	var res usecase.DNCResult
	uc := g.uc
	g.background(func() error {
		var err error
		res, err = uc.DNC.Import(path, name)
		return err
	}, func(err error) {
		progress.Hide()
		if err != nil {
			g.showError(err)
			return
		}
		reg := res.Register
		msg := lang.N("{{.Count}} numbers are now on “{{.Name}}”.", reg.Numbers,
			map[string]any{"Count": i18n.Number(reg.Numbers), "Name": reg.Name})
		if n := len(res.Bad); n > 0 {
			// The parser's reason for the first bad line is English.
			msg += " " + lang.N("{{.Count}} lines were skipped (first: line {{.Line}}, {{.Reason}}).", n,
				map[string]any{"Count": i18n.Number(n), "Line": i18n.Number(res.Bad[0].Line), "Reason": res.Bad[0].Reason})
		}
		dialog.ShowInformation(lang.L("Register imported"), msg, g.win)
		if done != nil {
			done()
		}
	})
}
