package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
	"warmlead/ui/i18n"
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
	r.status = wrappedLabel("")
	r.verify = widget.NewButtonWithIcon(lang.L("Verify records"), theme.ConfirmIcon(), r.onVerify)
	r.backup = widget.NewButtonWithIcon(lang.L("Back up…"), theme.DownloadIcon(), r.onBackup)
	r.pdf = newPDFPanel(g)
	headers := []string{lang.L("When"), lang.L("Who"), lang.L("Action"), lang.L("Prospect"), lang.L("Detail")}
	r.log = widget.NewTableWithHeaders(func() (int, int) { return len(r.entries), len(headers) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			e := r.entries[len(r.entries)-1-id.Row] // newest first
			l := o.(*widget.Label)
			switch id.Col {
			case 0:
				l.SetText(i18n.DateTime(e.Time))
			case 1:
				l.SetText(e.Rep)
			case 2:
				l.SetText(auditActionLabel(e.Action))
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
	if p, ok := r.g.db.Index().Cached(id); ok {
		return p.Name
	}
	return lang.L("#{{.ID}} (erased)", map[string]any{"ID": id})
}

// auditActionLabel is an audit action as the table shows it. The log keeps
// the English codes the CLI writes and reads; an unknown one shows as such.
func auditActionLabel(action string) string {
	if label, ok := auditActionLabels[action]; ok {
		return lang.L(label)
	}
	return action
}

// auditActionLabels are the English labels (translation keys) of the audit
// log's action codes.
var auditActionLabels = map[string]string{
	"viewed":             "Viewed",
	"exported":           "Exported",
	"erased":             "Erased",
	"report":             "Report created",
	"register":           "Register created",
	"backup":             "Backup made",
	"restored":           "Restored",
	"passphrase-changed": "Passphrase changed",
	"keyring-removed":    "Key removed from keyring",
}

func (r *reportsScreen) content() fyne.CanvasObject {
	docs := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Consent records (PDF)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		r.pdf.root, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Records and backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(r.verify, r.backup), r.status))
	logHint := widget.NewLabel(lang.L("Who viewed, exported, erased or changed whose data, newest first."))
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Documents"), theme.DocumentIcon(), docs),
		container.NewTabItemWithIcon(lang.L("Audit log"), theme.ListIcon(), container.NewBorder(logHint, nil, nil, nil, r.log)))
	return container.NewBorder(heading(lang.L("Reports")), nil, nil, nil, tabs)
}

func (r *reportsScreen) refresh() {
	r.pdf.scope.update() // the manager's Mine / Team
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
	r.status.SetText(lang.L("Checking every record…"))
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
			r.status.SetText(lang.L("All records intact: {{.Prospects}}, {{.Events}}, every hash chain verified ({{.When}}).", map[string]any{
				"Prospects": lang.N("{{.Count}} prospect", rep.Prospects, map[string]any{"Count": i18n.Number(rep.Prospects)}),
				"Events":    lang.N("{{.Count}} event", rep.Events, map[string]any{"Count": i18n.Number(rep.Events)}),
				"When":      i18n.DateTime(time.Now())}))
		default:
			// The problem itself stays in the store's English: it names a
			// bucket or a ledger position for whoever repairs the file.
			n := len(rep.Problems)
			r.status.SetText(lang.N("{{.Count}} problem found. First: {{.First}}", n,
				map[string]any{"Count": i18n.Number(n), "First": rep.Problems[0].Error()}))
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
		r.status.SetText(lang.L("Writing backup…"))
		r.g.background(func() error {
			var err error
			path, err = r.g.uc.Settings.Backup(path) // the absolute path, as the audit log names it
			return err
		}, func(err error) {
			if err != nil {
				r.status.SetText(errorText(err))
				return
			}
			r.status.SetText(lang.L("Encrypted backup written to {{.Path}}. It opens only with your recovery passphrase.", map[string]any{"Path": path}))
			r.refresh()
		})
	}, r.g.win)
	d.SetFileName("warmlead-" + time.Now().Format("2006-01-02") + ".backup")
	d.Show()
}
