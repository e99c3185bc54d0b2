package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// prospectsScreen lists prospects (virtualised), searches as the rep types,
// sorts and filters, and shows the selected one's details beside the list.
// Every query runs in the store off the UI goroutine (store.DB.List); the
// rows read only the visible prospects from the cache.
type prospectsScreen struct {
	g       *GUI
	search  *widget.Entry
	order   *widget.Select // store.ListOrder by index
	source  *widget.Select // "All sources", then consent.Sources
	state   *widget.Select // store.ConsentFilter by index
	add     *widget.Button
	importV *widget.Button
	exportV *widget.Button
	count   *widget.Label
	list    *widget.List
	detail  *prospectDetail
	empty   fyne.CanvasObject
	main    fyne.CanvasObject
	root    *fyne.Container
	results []uint64        // ids in the chosen order; rows read the visible ones from the cache
	shown   store.ListOrder // the order of results, for the rows' second line
	gen     atomic.Uint64   // newest query; older results are dropped
}

// consentStates label the store's consent filters, in their order.
var consentStates = []string{"Any consent state", "Has a consent", "Consent pending or none", "Objected or withdrawn", "On a do-not-call register"}

func newProspectsScreen(g *GUI) *prospectsScreen {
	p := &prospectsScreen{g: g}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search name, company, email, phone or event"))
	p.search.OnChanged = func(string) { p.run() }
	p.order = widget.NewSelect([]string{lang.L("Name"), lang.L("Company"), lang.L("Last contact")}, nil)
	p.order.SetSelectedIndex(0)
	p.order.OnChanged = p.onFilterChanged
	p.source = widget.NewSelect(append([]string{lang.L("All sources")}, vocabLabels(consent.Sources, i18n.Source)...), nil)
	p.source.SetSelectedIndex(0)
	p.source.OnChanged = p.onFilterChanged
	states := make([]string, len(consentStates))
	for i, s := range consentStates {
		states[i] = lang.L(s)
	}
	p.state = widget.NewSelect(states, nil)
	p.state.SetSelectedIndex(0)
	p.state.OnChanged = p.onFilterChanged
	p.add = widget.NewButtonWithIcon(lang.L("Add business cards"), theme.ContentAddIcon(), p.onAdd)
	p.add.Importance = widget.HighImportance
	p.importV = widget.NewButtonWithIcon(lang.L("Import vCards…"), theme.FolderOpenIcon(), p.onImport)
	p.exportV = widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), p.onExport)
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.results) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, sub)
		}, p.updateRow)
	p.list.OnSelected = p.onSelected
	p.detail = newProspectDetail(g)
	p.empty = emptyState(theme.AccountIcon(), lang.L("No prospects yet"),
		lang.L("Add a business card or import a vCard file. Every prospect you add starts a consent record."))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(p.count, p.exportV, p.importV, p.add), p.search)
	filters := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sort by")), nil, p.order), p.source, p.state)
	split := container.NewHSplit(p.list, p.detail.content())
	split.Offset = 0.38
	p.main = container.NewBorder(container.NewVBox(top, filters), nil, nil, nil, split)
	p.root = container.NewStack()
	return p
}

// updateRow shows a prospect as name, then company with the source, or
// with the last contact when the list is sorted by it.
func (p *prospectsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.results) {
		return
	}
	id := p.results[i]
	pr, _ := p.g.db.Index().Cached(id)
	second := i18n.Source(pr.Source)
	if p.shown == store.OrderLastContact {
		second = lang.L("Never contacted")
		if at, ok := p.g.db.Index().LastContact(id); ok {
			second = lang.L("Last contact {{.Date}}", map[string]any{"Date": i18n.Date(at)})
		}
	}
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(pr.Name)
	box.Objects[1].(*widget.Label).SetText(joinNonEmpty(" · ", pr.Company, second))
}

func (p *prospectsScreen) content() fyne.CanvasObject { return p.root }

func (p *prospectsScreen) refresh() {
	if p.g.db.Index().Count() == 0 {
		add := widget.NewButtonWithIcon(lang.L("Add business cards"), theme.ContentAddIcon(), p.onAdd)
		add.Importance = widget.HighImportance
		imp := widget.NewButtonWithIcon(lang.L("Import vCards…"), theme.FolderOpenIcon(), p.onImport)
		scan := widget.NewButtonWithIcon(lang.L("Scan card photos…"), theme.MediaPhotoIcon(), p.onScan)
		p.root.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(heading(lang.L("Prospects")), layoutSpacer(), imp, scan, add), nil, nil, nil, p.empty)}
		p.root.Refresh()
		return
	}
	p.root.Objects = []fyne.CanvasObject{p.main}
	p.root.Refresh()
	// Read the ledgers for sorting by last contact and the consent filters
	// now, while the rep looks at the list, rather than on first use. Not
	// through g.background: closing the app should not wait for it (a
	// lock stops it).
	go func(db *store.DB) { _ = db.Index().PrepareFacets() }(p.g.db)
	p.run()
}

// query is what the header asks for.
func (p *prospectsScreen) query() store.ListQuery {
	q := store.ListQuery{Text: p.search.Text, Order: store.ListOrder(max(p.order.SelectedIndex(), 0)),
		Consent: store.ConsentFilter(max(p.state.SelectedIndex(), 0))}
	if i := p.source.SelectedIndex(); i > 0 {
		q.Source = consent.Sources[i-1]
	}
	return q
}

// onFilterChanged says the list is being sorted: the first sort by last
// contact or consent filter after unlocking may read every ledger.
func (p *prospectsScreen) onFilterChanged(string) {
	p.count.SetText(lang.L("Sorting…"))
	p.run()
}

// run queries the store off the UI goroutine; a newer keystroke or choice
// makes older results obsolete.
func (p *prospectsScreen) run() {
	p.g.touch()
	gen := p.gen.Add(1)
	q := p.query()
	var res []uint64
	db := p.g.db
	p.g.background(func() error {
		var err error
		res, err = db.Index().List(q, nil)
		return err
	}, func(err error) {
		if p.gen.Load() != gen {
			return
		}
		if err != nil {
			p.count.SetText(errorText(err))
			return
		}
		p.results, p.shown = res, q.Order
		p.count.SetText(lang.L("{{.Shown}} of {{.Total}}", map[string]any{"Shown": i18n.Number(len(res)), "Total": i18n.Number(db.Index().Count())}))
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

func (p *prospectsScreen) onScan() {
	p.g.touch()
	startScan(p.g, p.refresh)
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

// onExport writes the prospects the list shows (search and filters) as
// vCard 4.0: a selection for another address book (portability),
// audit-logged as one entry.
func (p *prospectsScreen) onExport() {
	g := p.g
	g.touch()
	sel := make([]consent.Prospect, 0, len(p.results))
	for _, id := range p.results {
		if pr, ok := g.db.Index().Cached(id); ok {
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
		uc := g.uc
		g.background(func() error {
			err := uc.Prospects.ExportList(w, sel)
			// The file is written at Close (guardSaves), or refused there.
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return err
		}, p.exported(len(sel)))
	}, g.win)
	d.SetFileName(lang.L("warmlead-prospects") + ".vcf")
	d.Show()
}

// exported reports the end of an export of n prospects.
func (p *prospectsScreen) exported(n int) func(error) {
	return func(err error) {
		if err != nil {
			p.g.showError(err)
			return
		}
		dialog.ShowInformation(lang.L("Exported"), lang.N("{{.Count}} prospect written as vCard 4.0.", n,
			map[string]any{"Count": i18n.Number(n)}), p.g.win)
	}
}
