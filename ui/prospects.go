package ui

import (
	"fmt"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/cli"
)

// prospectsScreen lists prospects (virtualised), searches as the rep types,
// and shows the selected one's details beside the list.
type prospectsScreen struct {
	g       *GUI
	search  *widget.Entry
	add     *widget.Button
	importV *widget.Button
	exportV *widget.Button
	count   *widget.Label
	list    *widget.List
	detail  *prospectDetail
	empty   fyne.CanvasObject
	main    fyne.CanvasObject
	root    *fyne.Container
	results []uint64      // ids in name order; rows read the visible ones from the cache
	gen     atomic.Uint64 // newest search; older results are dropped
}

func newProspectsScreen(g *GUI) *prospectsScreen {
	p := &prospectsScreen{g: g}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search name, company, email, phone or event")
	p.search.OnChanged = p.onSearchChanged
	p.add = widget.NewButtonWithIcon("Add business cards", theme.ContentAddIcon(), p.onAdd)
	p.add.Importance = widget.HighImportance
	p.importV = widget.NewButtonWithIcon("Import vCards…", theme.FolderOpenIcon(), p.onImport)
	p.exportV = widget.NewButtonWithIcon("Export…", theme.DownloadIcon(), p.onExport)
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.results) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("Company")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.results) {
				return
			}
			pr, _ := p.g.db.Cached(p.results[i])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(pr.Name)
			box.Objects[1].(*widget.Label).SetText(joinNonEmpty(" · ", pr.Company, sourceLabel(pr.Source)))
		})
	p.list.OnSelected = p.onSelected
	p.detail = newProspectDetail(g)
	p.empty = emptyState(theme.AccountIcon(), "No prospects yet",
		"Add a business card or import a vCard file. Every prospect you add starts a consent record.")
	top := container.NewBorder(nil, nil, nil, container.NewHBox(p.count, p.exportV, p.importV, p.add), p.search)
	split := container.NewHSplit(p.list, p.detail.content())
	split.Offset = 0.38
	p.main = container.NewBorder(top, nil, nil, nil, split)
	p.root = container.NewStack()
	return p
}

func (p *prospectsScreen) content() fyne.CanvasObject { return p.root }

func (p *prospectsScreen) refresh() {
	if p.g.db.Count() == 0 {
		add := widget.NewButtonWithIcon("Add business cards", theme.ContentAddIcon(), p.onAdd)
		add.Importance = widget.HighImportance
		imp := widget.NewButtonWithIcon("Import vCards…", theme.FolderOpenIcon(), p.onImport)
		p.root.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(heading("Prospects"), layoutSpacer(), imp, add), nil, nil, nil, p.empty)}
		p.root.Refresh()
		return
	}
	p.root.Objects = []fyne.CanvasObject{p.main}
	p.root.Refresh()
	p.onSearchChanged(p.search.Text)
}

// onSearchChanged searches off the UI goroutine; a newer keystroke makes
// older results obsolete.
func (p *prospectsScreen) onSearchChanged(q string) {
	p.g.touch()
	gen := p.gen.Add(1)
	var res []uint64
	db := p.g.db
	p.g.background(func() error {
		res = db.SearchIDs(q, nil)
		return nil
	}, func(error) {
		if p.gen.Load() != gen {
			return
		}
		p.results = res
		p.count.SetText(fmt.Sprintf("%d of %d", len(res), db.Count()))
		p.list.UnselectAll()
		p.list.Refresh()
	})
}

func (p *prospectsScreen) onSelected(i widget.ListItemID) {
	p.g.touch()
	if i < 0 || i >= len(p.results) {
		return
	}
	p.detail.show(p.results[i])
}

func (p *prospectsScreen) onAdd() {
	p.g.touch()
	showCardEntry(p.g, p.refresh)
}

func (p *prospectsScreen) onImport() {
	p.g.touch()
	chooseVCards(p.g, p.refresh)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, s := range parts {
		if s == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += s
	}
	return out
}

// onExport writes the prospects the search shows as vCard 4.0: a selection
// for another address book (portability), audit-logged as one entry.
func (p *prospectsScreen) onExport() {
	g := p.g
	g.touch()
	sel := make([]consent.Prospect, 0, len(p.results))
	for _, id := range p.results {
		if pr, ok := g.db.Cached(id); ok {
			sel = append(sel, pr)
		}
	}
	if len(sel) == 0 {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		g.background(func() error {
			defer w.Close()
			if err := consent.ExportVCard(w, sel); err != nil {
				return err
			}
			return g.db.Audit(g.rep(), "exported", 0, fmt.Sprintf("vcf of %d prospects from the list", len(sel)))
		}, func(err error) {
			if err != nil {
				dialog.ShowError(err, g.win)
				return
			}
			dialog.ShowInformation("Exported", cli.Plural(len(sel), "prospect", "prospects")+" written as vCard 4.0.", g.win)
		})
	}, g.win)
	d.SetFileName("warmlead-prospects.vcf")
	d.Show()
}
