package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
)

// reportsScreen is the manager's corner: the audit log, a check of every
// ledger's hash chain, and an encrypted backup.
type reportsScreen struct {
	g       *GUI
	log     *widget.Table
	entries []store.AuditEntry
	verify  *widget.Button
	backup  *widget.Button
	status  *widget.Label
	pdf     *pdfPanel
}

func newReportsScreen(g *GUI) *reportsScreen {
	r := &reportsScreen{g: g}
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.verify = widget.NewButtonWithIcon("Verify records", theme.ConfirmIcon(), r.onVerify)
	r.backup = widget.NewButtonWithIcon("Back up…", theme.DownloadIcon(), r.onBackup)
	r.pdf = newPDFPanel(g)
	headers := []string{"When", "Who", "Action", "Prospect", "Detail"}
	r.log = widget.NewTableWithHeaders(func() (int, int) { return len(r.entries), len(headers) },
		func() fyne.CanvasObject { return widget.NewLabel("2026-01-01 00:00:00") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			e := r.entries[len(r.entries)-1-id.Row] // newest first
			l := o.(*widget.Label)
			switch id.Col {
			case 0:
				l.SetText(e.Time.Local().Format(time.DateTime))
			case 1:
				l.SetText(e.Rep)
			case 2:
				l.SetText(e.Action)
			case 3:
				l.SetText(r.prospectName(e.Prospect))
			case 4:
				l.SetText(e.Detail)
			}
		})
	r.log.ShowHeaderColumn = false
	r.log.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	r.log.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range []float32{160, 120, 140, 200, 260} {
		r.log.SetColumnWidth(i, w)
	}
	return r
}

func (r *reportsScreen) prospectName(id uint64) string {
	if id == 0 {
		return ""
	}
	if p, ok := r.g.db.Cached(id); ok {
		return p.Name
	}
	return fmt.Sprintf("#%d (erased)", id)
}

func (r *reportsScreen) content() fyne.CanvasObject {
	docs := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Consent records (PDF)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		r.pdf.root, widget.NewSeparator(),
		widget.NewLabelWithStyle("Records and backups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(r.verify, r.backup), r.status))
	logHint := widget.NewLabel("Who viewed, exported, erased or changed whose data, newest first.")
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon("Documents", theme.DocumentIcon(), docs),
		container.NewTabItemWithIcon("Audit log", theme.ListIcon(), container.NewBorder(logHint, nil, nil, nil, r.log)))
	return container.NewBorder(heading("Reports"), nil, nil, nil, tabs)
}

func (r *reportsScreen) refresh() {
	var entries []store.AuditEntry
	r.g.background(func() error {
		var err error
		entries, err = r.g.db.AuditLog()
		return err
	}, func(err error) {
		if err != nil {
			r.status.SetText(err.Error())
			return
		}
		r.entries = entries
		r.log.Refresh()
	})
}

func (r *reportsScreen) onVerify() {
	r.g.touch()
	r.status.SetText("Checking every record…")
	var rep store.VerifyReport
	r.g.background(func() error {
		var err error
		rep, err = r.g.db.Verify()
		return err
	}, func(err error) {
		switch {
		case err != nil:
			r.status.SetText(err.Error())
		case rep.OK():
			r.status.SetText(fmt.Sprintf("All records intact: %d prospects, %d events, every hash chain verified (%s).",
				rep.Prospects, rep.Events, time.Now().Format("2 Jan 2006 15:04")))
		default:
			r.status.SetText(fmt.Sprintf("%d problem(s) found. First: %v", len(rep.Problems), rep.Problems[0]))
		}
	})
}

func (r *reportsScreen) onBackup() {
	r.g.touch()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		r.status.SetText("Writing backup…")
		r.g.background(func() error {
			if err := r.g.db.Backup(path); err != nil {
				return err
			}
			return r.g.db.Audit(r.g.rep(), "backup", 0, filepath.Base(path))
		}, func(err error) {
			if err != nil {
				r.status.SetText(err.Error())
				return
			}
			r.status.SetText("Encrypted backup written to " + path + ". It opens only with your recovery passphrase.")
			r.refresh()
		})
	}, r.g.win)
	d.SetFileName("warmlead-" + time.Now().Format("2006-01-02") + ".backup")
	d.Show()
}
