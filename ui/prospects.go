package ui

import (
	"sync/atomic"
	"time"

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

// prospectsScreen lists prospects as a table (virtualised), searches as
// the rep types, sorts by any column both ways and filters, and shows the
// selected one's details beside it. Every query runs in the store off the
// UI goroutine (Index.List, then Index.Sort for the orders the store does
// not keep ready); the cells read only the visible prospects from memory.
// Selection and keys: prospects_select.go; the bulk bar: prospects_bulk.go.
type prospectsScreen struct {
	g         *GUI
	search    *widget.Entry
	order     *widget.Select // the sort column, by index into prospectColumns
	source    *widget.Select // "All sources", then consent.Sources
	state     *widget.Select // store.ConsentFilter by index
	add       *widget.Button
	importV   *widget.Button
	exportV   *widget.Button
	count     *widget.Label
	list      *prospectTable
	noHits    *fyne.Container // over the table when nothing matches
	noHitsMsg *widget.Label
	noHitsBtn *widget.Button
	bulk      *bulkBar
	detail    *prospectDetail
	empty     fyne.CanvasObject
	main      fyne.CanvasObject
	root      *fyne.Container
	results   []uint64      // ids in the chosen order; cells read the visible ones from the cache
	gen       atomic.Uint64 // newest query; older results are dropped

	sortCol   int // into prospectColumns
	sortDesc  bool
	widths    []float32
	syncing   bool // the Sort by choice follows a header click
	scrollTop bool // the next result starts at the top (the sort or a filter changed)
	selected  map[uint64]struct{}
	anchor    int // the row a Shift-click extends from; -1: none
	cursor    int // the row the arrow keys move from
	mods      func() fyne.KeyModifier
	cached    tableRow // the row read last (prospects_table.go)

	scope *scopeSwitch   // the manager's Mine / Team (team_scope.go)
	team  *teamProspects // the team scope's list (team_prospects.go)
}

// consentStates label the store's consent filters, in their order.
var consentStates = []string{"Any consent state", "Has a consent", "Consent pending or none", "Objected or withdrawn", "On a do-not-call register"}

func newProspectsScreen(g *GUI) *prospectsScreen {
	p := &prospectsScreen{g: g, selected: map[uint64]struct{}{}, anchor: -1}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search name, company, email, phone or event"))
	p.search.OnChanged = func(string) { p.scrollTop = true; p.run() }
	p.list = newProspectTable(p)
	p.loadTablePrefs()
	titles := make([]string, len(prospectColumns))
	for i, c := range prospectColumns {
		titles[i] = c.title()
	}
	p.order = widget.NewSelect(titles, nil)
	p.order.SetSelectedIndex(p.sortCol)
	p.order.OnChanged = p.onOrderChanged
	p.source = widget.NewSelect(append([]string{lang.L("All sources")}, vocabLabels(consent.Sources, i18n.Source)...), nil)
	p.source.SetSelectedIndex(0)
	for i, src := range consent.Sources {
		if string(src) == g.app.Preferences().String(prefListSource) {
			p.source.SetSelectedIndex(i + 1)
		}
	}
	p.source.OnChanged = p.onFilterChanged
	states := make([]string, len(consentStates))
	for i, s := range consentStates {
		states[i] = lang.L(s)
	}
	p.state = widget.NewSelect(states, nil)
	p.state.SetSelectedIndex(min(max(g.app.Preferences().Int(prefListConsent), 0), len(states)-1))
	p.state.OnChanged = p.onFilterChanged
	p.add = primaryButton(lang.L("Add business cards"), theme.ContentAddIcon(), p.onAdd)
	p.importV = widget.NewButtonWithIcon(lang.L("Import contacts…"), theme.FolderOpenIcon(), p.onImport)
	p.exportV = widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), p.onExport)
	p.count = widget.NewLabel("")
	p.noHitsMsg = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.noHitsMsg.Wrapping = fyne.TextWrapWord
	p.noHitsBtn = widget.NewButtonWithIcon("", theme.ContentClearIcon(), p.onClearNoHits)
	p.noHits = container.NewVBox(layoutSpacer(), p.noHitsMsg, container.NewCenter(p.noHitsBtn), layoutSpacer())
	p.noHits.Hide()
	p.bulk = newBulkBar(p)
	p.detail = newProspectDetail(g)
	p.empty = emptyState(theme.AccountIcon(), lang.L("No prospects yet"),
		lang.L("Add a business card or import a vCard file. Every prospect you add starts a consent record."))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(p.count, p.exportV, p.importV, p.add), p.search)
	filters := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sort by")), nil, p.order), p.source, p.state)
	split := container.NewHSplit(container.NewStack(p.list, p.noHits), p.detail.content())
	split.Offset = 0.7
	p.main = container.NewBorder(container.NewVBox(top, filters, p.bulk.root), nil, nil, nil, split)
	p.root = container.NewStack()
	p.scope, p.team = newScopeSwitch(g, p.refresh), newTeamProspects(g)
	return p
}

func (p *prospectsScreen) content() fyne.CanvasObject { return p.root }

func (p *prospectsScreen) searchEntry() *widget.Entry { return p.search }

func (p *prospectsScreen) now() time.Time { return time.Now() }

func (p *prospectsScreen) refresh() {
	if p.scope.update(); p.scope.team() {
		p.root.Objects = []fyne.CanvasObject{p.scope.wrap(p.team.content())}
		p.root.Refresh()
		p.team.refresh()
		return
	}
	if p.g.db.Index().Count() == 0 {
		add := primaryButton(lang.L("Add business cards"), theme.ContentAddIcon(), p.onAdd)
		imp := widget.NewButtonWithIcon(lang.L("Import contacts…"), theme.FolderOpenIcon(), p.onImport)
		scan := widget.NewButtonWithIcon(lang.L("Scan card photos…"), theme.MediaPhotoIcon(), p.onScan)
		p.root.Objects = []fyne.CanvasObject{p.scope.wrap(container.NewBorder(container.NewHBox(heading(lang.L("Prospects")), layoutSpacer(), imp, scan, add), nil, nil, nil, p.empty))}
		p.root.Refresh()
		return
	}
	p.root.Objects = []fyne.CanvasObject{p.scope.wrap(p.main)}
	p.root.Refresh()
	// Read the ledgers for the consent, last contact and next step columns
	// now, while the rep looks at the list, rather than on first use. Not
	// through g.background: closing the app should not wait for it (a
	// lock stops it). The table shows them once read.
	db := p.g.db
	go func() {
		if db.Index().ReadFacts() == nil {
			p.g.ui(func() { p.list.Refresh() })
		}
	}()
	p.run()
}

// query is what the header asks for.
func (p *prospectsScreen) query() store.ListQuery {
	order, _ := p.storeOrder()
	q := store.ListQuery{Text: p.search.Text, Order: order,
		Consent: store.ConsentFilter(max(p.state.SelectedIndex(), 0))}
	if i := p.source.SelectedIndex(); i > 0 {
		q.Source = consent.Sources[i-1]
	}
	return q
}

// onFilterChanged says the list is being sorted: the first sort by last
// contact or consent filter after unlocking may read every ledger. The
// filters are remembered for the next start.
func (p *prospectsScreen) onFilterChanged(string) {
	pr := p.g.app.Preferences()
	q := p.query()
	pr.SetString(prefListSource, string(q.Source))
	pr.SetInt(prefListConsent, int(q.Consent))
	p.count.SetText(lang.L("Sorting…"))
	p.scrollTop = true
	p.run()
}

// run queries the store off the UI goroutine; a newer keystroke or choice
// makes older results obsolete.
func (p *prospectsScreen) run() {
	p.g.touch()
	gen := p.gen.Add(1)
	q := p.query()
	_, resort := p.storeOrder()
	col, desc := prospectColumns[p.sortCol].sort, p.sortDesc
	db := p.g.db
	fetchLatest(p.g, &p.gen, gen, func() ([]uint64, error) {
		res, err := db.Index().List(q, nil)
		if err == nil && resort {
			err = db.Index().Sort(res, col, desc, time.Now())
		}
		return res, err
	}, func(res []uint64, err error) {
		if err != nil {
			p.count.SetText(errorText(err))
			return
		}
		p.results = res
		p.count.SetText(lang.L("{{.Shown}} of {{.Total}}", map[string]any{"Shown": i18n.Number(len(res)), "Total": i18n.Number(db.Index().Count())}))
		// A new list drops the selection (one refresh below, not two).
		p.selected, p.anchor, p.cursor = map[uint64]struct{}{}, -1, 0
		p.bulk.update(0)
		p.showNoHits(q)
		if p.scrollTop {
			p.scrollTop = false
			p.list.ScrollToTop()
		}
		p.list.Refresh()
	})
}

// showNoHits says so when a search or the filters leave nobody, with the
// way back.
func (p *prospectsScreen) showNoHits(q store.ListQuery) {
	switch {
	case len(p.results) > 0:
		p.noHits.Hide()
		return
	case q.Text != "":
		p.noHitsMsg.SetText(lang.L("No prospect matches “{{.Text}}”", map[string]any{"Text": q.Text}))
		p.noHitsBtn.SetText(lang.L("Clear search"))
	default:
		p.noHitsMsg.SetText(lang.L("No prospect matches these filters"))
		p.noHitsBtn.SetText(lang.L("Clear filters"))
	}
	p.noHits.Show()
}

// onClearNoHits clears the search, or the filters when there is none.
func (p *prospectsScreen) onClearNoHits() {
	if p.search.Text != "" {
		p.search.SetText("")
		return
	}
	p.source.SetSelectedIndex(0)
	p.state.SetSelectedIndex(0)
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
