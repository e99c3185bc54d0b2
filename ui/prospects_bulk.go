package ui

import (
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// bulkBar is the row above the table while several prospects are
// selected: how many, and what can be done to all of them. Every action is
// one usecase.Bulk call, and its result is told person by person: done, or
// refused with the reason. The dialogs of the consent, notices and erase
// actions are in prospects_bulk_dialogs.go.
type bulkBar struct {
	p       *prospectsScreen
	root    *fyne.Container
	count   *widget.Label
	vcard   *widget.Button
	csv     *widget.Button
	pdf     *widget.Button
	consent *widget.Button
	notices *widget.Button
	merge   *widget.Button
	erase   *widget.Button
	clear   *widget.Button
	last    usecase.BulkReport // the last action's result, for tests

	// The open dialogs' fields (tests fill them).
	consentForm *bulkConsentForm
	eraseWhy    *escEntry
	composed    []usecase.BulkNotice
	merging     *mergeDialog
}

func newBulkBar(p *prospectsScreen) *bulkBar {
	b := &bulkBar{p: p, count: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	b.vcard = widget.NewButtonWithIcon(lang.L("vCard…"), theme.DownloadIcon(), b.onVCard)
	b.csv = widget.NewButtonWithIcon(lang.L("CSV…"), theme.DownloadIcon(), b.onCSV)
	b.pdf = widget.NewButtonWithIcon(lang.L("Report PDF…"), theme.DocumentIcon(), b.onPDF)
	b.consent = widget.NewButtonWithIcon(lang.L("Record consent…"), theme.ConfirmIcon(), b.onConsent)
	b.notices = widget.NewButtonWithIcon(lang.L("Art. 14 notices…"), theme.MailComposeIcon(), b.onNotices)
	b.merge = widget.NewButtonWithIcon(lang.L("Merge…"), theme.ContentCopyIcon(), b.onMerge)
	b.erase = widget.NewButtonWithIcon(lang.L("Erase…"), theme.DeleteIcon(), b.onErase)
	b.erase.Importance = widget.DangerImportance
	b.clear = widget.NewButtonWithIcon("", theme.CancelIcon(), p.clearSelection)
	b.root = container.NewHBox(b.count, b.vcard, b.csv, b.pdf, b.consent, b.notices, b.merge, b.erase, layoutSpacer(), b.clear)
	b.root.Hide()
	return b
}

// update shows the bar from two selected prospects on (one is the detail
// pane's); Merge needs exactly two.
func (b *bulkBar) update(n int) {
	b.count.SetText(lang.N("{{.Count}} selected", n, map[string]any{"Count": i18n.Number(n)}))
	if n == 2 {
		b.merge.Enable()
	} else {
		b.merge.Disable()
	}
	if n >= 2 {
		b.root.Show()
	} else {
		b.root.Hide()
	}
}

func (b *bulkBar) ids() []uint64 { return b.p.selectedIDs() }

// saveAs asks for a file and hands the writer to write off the UI goroutine.
func (b *bulkBar) saveAs(name string, write func(w io.Writer, ids []uint64) (usecase.BulkReport, error), title string) {
	g := b.p.g
	g.touch()
	ids := b.ids()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		b.writeTo(w, ids, write, title)
	}, g.win)
	d.SetFileName(name)
	d.Show()
}

// writeTo runs an export into w (closed after: the guarded writer puts the
// file in place at Close) and reports.
func (b *bulkBar) writeTo(w io.WriteCloser, ids []uint64, write func(io.Writer, []uint64) (usecase.BulkReport, error), title string) {
	var rep usecase.BulkReport
	b.p.g.background(func() error {
		var err error
		rep, err = write(w, ids)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return err
	}, func(err error) { b.report(title, rep, err, false) })
}

func (b *bulkBar) onVCard() {
	b.saveAs(lang.L("warmlead-prospects")+".vcf", b.p.g.uc.Bulk.ExportVCard, lang.L("Exported as vCard"))
}

func (b *bulkBar) onCSV() {
	b.saveAs(lang.L("warmlead-prospects")+".csv", b.p.g.uc.Bulk.ExportCSV, lang.L("Exported as CSV"))
}

func (b *bulkBar) onPDF() {
	g := b.p.g
	g.touch()
	write, rep := b.pdfWriter(b.ids())
	savePDF(g, lang.L("warmlead-prospects")+".pdf", write, nil,
		func(_ usecase.Written, err error) { b.report(lang.L("Report written"), *rep, err, false) })
}

// pdfWriter writes the selection's report to a path (off the UI
// goroutine); rep holds the per-person result after.
func (b *bulkBar) pdfWriter(ids []uint64) (func(string, func(int, int)) (usecase.Written, error), *usecase.BulkReport) {
	uc := b.p.g.uc
	rep := new(usecase.BulkReport)
	return func(path string, _ func(int, int)) (usecase.Written, error) {
		w, r, err := uc.Bulk.ReportPDF(ids, documentLang(), "selection from the prospects list", path)
		*rep = r
		return w, err
	}, rep
}

func (b *bulkBar) onMerge() {
	ids := b.ids()
	if len(ids) == 2 {
		p := b.p
		b.merging = showMerge(p.g, ids[0], ids[1], func() {
			p.refresh()
			p.detail.show(ids[0])
		})
	}
}

// report tells a bulk action's result: how many it was done for, and who
// was refused and why. changed: the list and the detail pane read again.
func (b *bulkBar) report(title string, rep usecase.BulkReport, err error, changed bool) {
	g := b.p.g
	b.last = rep
	if changed {
		b.p.refresh()
	}
	if err != nil {
		dialog.ShowError(errors.New(errorText(err)), g.win)
		return
	}
	dialog.ShowInformation(title, bulkSummary(rep), g.win)
}

// bulkSummary is "Done for 3. Not done for 1: …", naming up to ten refused.
func bulkSummary(rep usecase.BulkReport) string {
	done := rep.Done()
	lines := []string{lang.N("Done for {{.Count}} person.", done, map[string]any{"Count": i18n.Number(done)})}
	refused := rep.Refused()
	if len(refused) > 0 {
		lines = append(lines, lang.N("Not done for {{.Count}} person:", len(refused), map[string]any{"Count": i18n.Number(len(refused))}))
	}
	for i, r := range refused {
		if i == 10 {
			lines = append(lines, lang.L("… and {{.Count}} more", map[string]any{"Count": i18n.Number(len(refused) - 10)}))
			break
		}
		who := r.Name
		if who == "" {
			who = "#" + i18n.Number(int(r.ID))
		}
		lines = append(lines, "• "+who+": "+errorText(r.Err))
	}
	return strings.Join(lines, "\n")
}
