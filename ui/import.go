package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// importer reads vCard files chosen in a dialog or dropped on the window,
// off the UI goroutine with a progress bar, and lists every failed card.
type importer struct {
	g        *GUI
	progress *widget.ProgressBar
	dlg      *dialog.CustomDialog
	result   usecase.ImportResult
	done     func()
}

// chooseVCards offers one file, or a whole folder of .vcf files (Fyne's
// file dialog picks one file at a time; dropping several files works too).
func chooseVCards(g *GUI, done func()) {
	file := widget.NewButton(lang.L("Choose a vCard file…"), nil)
	folder := widget.NewButton(lang.L("Import every .vcf in a folder…"), nil)
	hint := wrappedLabel(lang.L("You can also drop several .vcf files onto the window."))
	var pick *dialog.CustomDialog
	csvFile := chooseCSVButton(g, func() { pick.Hide() }, done) // import_csv.go
	file.OnTapped = func() {
		pick.Hide()
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			askEventAndImport(g, []string{r.URI().Path()}, done)
		}, g.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".vcf", ".vcard", ".VCF"}))
		d.Show()
	}
	folder.OnTapped = func() {
		pick.Hide()
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil || l == nil {
				return
			}
			askEventAndImport(g, vcfFilesIn(l.Path()), done)
		}, g.win)
	}
	pick = dialog.NewCustom(lang.L("Import vCards"), lang.L("Cancel"), container.NewVBox(file, folder, csvFile, hint), g.win)
	pick.Show()
}

func vcfFilesIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".vcf") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// onDropped imports .vcf files dropped onto the window.
func (g *GUI) onDropped(_ fyne.Position, uris []fyne.URI) {
	if g.shell == nil {
		return
	}
	if photos := droppedPhotos(uris); len(photos) > 0 { // card photos: scan.go
		readCardPhotos(g, photos, g.shell.prospects.refresh)
		return
	}
	var paths []string
	for _, u := range uris {
		if strings.EqualFold(u.Extension(), ".csv") && len(uris) == 1 { // import_csv.go
			showCSVImport(g, u.Path(), func() { g.shell.prospects.refresh() })
			return
		}
		if strings.EqualFold(u.Extension(), ".vcf") || strings.EqualFold(u.Extension(), ".vcard") {
			paths = append(paths, u.Path())
		}
		// A reply dropped while a prospect is open is evidence for them.
		if d := g.shell.prospects.detail; strings.EqualFold(u.Extension(), ".eml") && d.id != 0 && len(uris) == 1 {
			f, err := openFile(u.Path())
			if err != nil {
				dialog.ShowError(err, g.win)
				return
			}
			defer f.Close()
			showReplyDialog(g, d.rec.Prospect, func() { d.show(d.id) }).loadEML(f)
			return
		}
	}
	if len(paths) == 0 {
		dialog.ShowInformation(lang.L("Nothing to import"),
			lang.L("Drop vCard files (.vcf) to import business cards, or a reply (.eml) while a prospect is open."), g.win)
		return
	}
	askEventAndImport(g, paths, func() { g.shell.prospects.refresh() })
}

// askEventAndImport asks where the cards come from (and their event, a
// list's vendor, the country of their numbers), then imports.
func askEventAndImport(g *GUI, paths []string, done func()) *importOriginDialog {
	if len(paths) == 0 {
		dialog.ShowInformation(lang.L("Nothing to import"), lang.L("No .vcf files were found there."), g.win)
		return nil
	}
	title := lang.N("Import {{.Count}} file", len(paths), map[string]any{"Count": i18n.Number(len(paths))})
	return showImportOrigin(g, title, lang.L("Import"), func(o importOrigin) {
		if o.Event != "" {
			g.lastEvent = o.Event
		}
		runImportFrom(g, paths, o, done)
	})
}

// runImport imports business cards collected at event.
func runImport(g *GUI, paths []string, event string, done func()) *importer {
	return runImportFrom(g, paths, importOrigin{Source: consent.SourceCard, Event: event}, done)
}

// runImportFrom imports the files as the rep said they come from.
func runImportFrom(g *GUI, paths []string, o importOrigin, done func()) *importer {
	im := &importer{g: g, progress: widget.NewProgressBar(), done: done}
	im.dlg = dialog.NewCustomWithoutButtons(lang.L("Importing business cards…"), container.NewGridWrap(fyne.NewSize(360, 40), im.progress), g.win)
	im.dlg.Show()
	uc := g.uc
	g.background(func() error {
		var err error
		im.result, err = uc.Imports.Import(paths, usecase.ImportOptions{Source: o.Source, Event: o.Event,
			ListVendor: o.ListVendor, Country: o.Country,
			Progress: func(done, total int) {
				g.ui(func() { im.progress.SetValue(float64(done) / float64(max(total, 1))) })
			}})
		return err
	}, func(err error) {
		im.dlg.Hide()
		if err != nil {
			g.showProblem(lang.L("Nothing was imported: {{.Error}}", map[string]any{"Error": errorText(err)}))
			return
		}
		showImportResult(g, im.result.Summary, im.result.Warnings)
		if im.done != nil {
			im.done()
		}
	})
	return im
}

// showImportResult shows the summary line, every card that failed or was
// suppressed, and every card imported with something cut or dropped, each
// with its file and card number.
func showImportResult(g *GUI, s store.ImportSummary, warnings []store.ImportProblem) {
	counts := usecase.ImportResult{Summary: s, Warnings: warnings}.Counts()
	summary := widget.NewLabelWithStyle(importSummaryText(s)+"\n"+i18n.Text(counts.Message()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(summary, nil, nil, nil)
	lines := make([]string, 0, len(s.Problems)+len(warnings)+1)
	for _, p := range s.Problems {
		lines = append(lines, importProblemText(p))
	}
	if len(warnings) > 0 {
		lines = append(lines, lang.L("Imported with a field dropped or kept as written:"))
		for _, w := range warnings {
			lines = append(lines, importProblemText(w))
		}
	}
	if len(lines) > 0 {
		list := widget.NewList(func() int { return len(lines) },
			func() fyne.CanvasObject {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				return l
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				o.(*widget.Label).SetText(lines[i])
			})
		head := container.NewVBox(summary)
		if len(s.Problems) > 0 {
			head.Add(widget.NewLabel(lang.L("Not imported:")))
		}
		content = container.NewBorder(head, nil, nil, nil, list)
	}
	dialog.ShowCustom(lang.L("Import finished"), lang.L("Close"), container.NewGridWrap(fyne.NewSize(620, 320), content), g.win)
}

// importSummaryText is store.ImportSummary.Line in the language in use.
func importSummaryText(s store.ImportSummary) string {
	return lang.L("Imported {{.Imported}}, merged {{.Merged}}, suppressed {{.Suppressed}}, failed {{.Failed}}", map[string]any{
		"Imported": i18n.Number(s.Imported), "Merged": i18n.Number(s.Merged),
		"Suppressed": i18n.Number(s.Suppressed), "Failed": i18n.Number(s.Failed)})
}

// importProblemText names the file and card of a problem, then why, in
// the language in use. A reason that names its card itself (the vCard
// reader's "card 3 is empty") follows the file alone, so the card is not
// named twice.
func importProblemText(p store.ImportProblem) string {
	reason := p.Reason // a problem made without a message: its English is all there is
	if p.Msg.Template != "" {
		reason = i18n.Text(p.Msg)
	}
	data := map[string]any{"File": p.File, "Number": i18n.Number(p.Number), "Reason": reason}
	namesCard := p.Msg.Data["Number"] == p.Number
	switch {
	case p.Number == 0 || (namesCard && p.File != ""): // the whole file, or a card that says its number
		return lang.L("{{.File}}: {{.Reason}}", data)
	case namesCard:
		return asSentence(reason)
	case p.File == "":
		return lang.L("Card {{.Number}}: {{.Reason}}", data)
	}
	return lang.L("{{.File}}, card {{.Number}}: {{.Reason}}", data)
}
