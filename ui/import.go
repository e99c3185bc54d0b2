package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/cli"
)

// importer reads vCard files chosen in a dialog or dropped on the window,
// off the UI goroutine with a progress bar, and lists every failed card.
type importer struct {
	g        *GUI
	progress *widget.ProgressBar
	dlg      *dialog.CustomDialog
	result   store.ImportSummary
	done     func()
}

// chooseVCards offers one file, or a whole folder of .vcf files (Fyne's
// file dialog picks one file at a time; dropping several files works too).
func chooseVCards(g *GUI, done func()) {
	file := widget.NewButton("Choose a vCard file…", nil)
	folder := widget.NewButton("Import every .vcf in a folder…", nil)
	hint := widget.NewLabel("You can also drop several .vcf files onto the window.")
	hint.Wrapping = fyne.TextWrapWord
	var pick *dialog.CustomDialog
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
	pick = dialog.NewCustom("Import vCards", "Cancel", container.NewVBox(file, folder, hint), g.win)
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
	var paths []string
	for _, u := range uris {
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
		dialog.ShowInformation("Nothing to import", "Drop vCard files (.vcf) to import business cards, or a reply (.eml) while a prospect is open.", g.win)
		return
	}
	askEventAndImport(g, paths, func() { g.shell.prospects.refresh() })
}

// askEventAndImport asks for the event the cards come from, then imports.
func askEventAndImport(g *GUI, paths []string, done func()) {
	if len(paths) == 0 {
		dialog.ShowInformation("Nothing to import", "No .vcf files were found there.", g.win)
		return
	}
	event := widget.NewEntry()
	event.SetText(g.lastEvent)
	event.SetPlaceHolder("Trade fair or meeting (optional)")
	title := fmt.Sprintf("Import %s", cli.Plural(len(paths), "file", "files"))
	dialog.ShowForm(title, "Import", "Cancel", []*widget.FormItem{widget.NewFormItem("Event", event)}, func(ok bool) {
		if ok {
			g.lastEvent = strings.TrimSpace(event.Text)
			runImport(g, paths, g.lastEvent, done)
		}
	}, g.win)
}

func runImport(g *GUI, paths []string, event string, done func()) *importer {
	im := &importer{g: g, progress: widget.NewProgressBar(), done: done}
	im.dlg = dialog.NewCustomWithoutButtons("Importing business cards…", container.NewGridWrap(fyne.NewSize(360, 40), im.progress), g.win)
	im.dlg.Show()
	opts := store.AddOptions{Rep: g.rep(), Region: g.region()}
	g.background(func() error {
		items, unread := cli.ReadCards(paths, consent.SourceCard, event)
		sum, err := g.db.ImportProspects(items, opts, func(done, total int) {
			g.ui(func() { im.progress.SetValue(float64(done) / float64(max(total, 1))) })
		})
		im.result = cli.MergeProblems(sum, unread)
		return err
	}, func(err error) {
		im.dlg.Hide()
		if err != nil {
			dialog.ShowError(fmt.Errorf("nothing was imported: %w", err), g.win)
			return
		}
		showImportResult(g, im.result)
		if im.done != nil {
			im.done()
		}
	})
	return im
}

// showImportResult shows the summary line and every card that failed or
// was suppressed, with its file and card number.
func showImportResult(g *GUI, s store.ImportSummary) {
	summary := widget.NewLabelWithStyle(s.Line(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	content := container.NewBorder(summary, nil, nil, nil)
	if len(s.Problems) > 0 {
		list := widget.NewList(func() int { return len(s.Problems) },
			func() fyne.CanvasObject {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				return l
			},
			func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.Problems[i].String()) })
		content = container.NewBorder(container.NewVBox(summary, widget.NewLabel("Not imported:")), nil, nil, nil, list)
	}
	dialog.ShowCustom("Import finished", "Close", container.NewGridWrap(fyne.NewSize(620, 320), content), g.win)
}
