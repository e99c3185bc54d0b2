package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// fourProspects opens the prospects screen on four people whose columns
// sort differently.
func fourProspects(t *testing.T) (*GUI, *prospectsScreen) {
	t.Helper()
	g := openMain(t,
		consent.Prospect{Name: "Anna Berg", Company: "Zeta AB", Title: "CTO", Email: "anna@zeta.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Bram Claes", Company: "Alpha BV", Title: "Buyer", Source: consent.SourceList, ListVendor: "Leads BV"},
		consent.Prospect{Name: "Cora Dahl", Company: "Mid GmbH", Email: "cora@mid.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Dirk Eik", Source: consent.SourceReferral})
	g.shell.show("prospects")
	g.wait()
	return g, g.shell.prospects
}

func column(p *prospectsScreen, col int) string {
	var s []string
	for i := range p.results {
		s = append(s, cellText(p, i, col))
	}
	return strings.Join(s, ",")
}

// header is the header cell of a column, as the table draws it.
func header(p *prospectsScreen, col int) *headerCell {
	h := newHeaderCell(p)
	h.set(col)
	return h
}

func TestTableSortsByHeaderBothWaysAndRemembers(t *testing.T) {
	g, p := fourProspects(t)
	if got := column(p, 0); got != "Anna Berg,Bram Claes,Cora Dahl,Dirk Eik" {
		t.Fatalf("first order %s", got)
	}
	if h := header(p, 0); h.label.Text != "Name ▲" {
		t.Errorf("name header %q", h.label.Text)
	}
	test.Tap(header(p, 2)) // Job title
	g.wait()
	if got := column(p, 2); got != "Buyer,CTO,," {
		t.Fatalf("by title ascending: %q", got)
	}
	if h := header(p, 2); h.label.Text != "Job title ▲" || header(p, 0).label.Text != "Name" {
		t.Errorf("arrows: %q %q", h.label.Text, header(p, 0).label.Text)
	}
	test.Tap(header(p, 2))
	g.wait()
	if got := column(p, 2); got != "CTO,Buyer,," {
		t.Fatalf("by title descending (no title last): %q", got)
	}
	if h := header(p, 2); h.label.Text != "Job title ▼" {
		t.Errorf("descending arrow: %q", h.label.Text)
	}
	test.Tap(header(p, 1))
	test.Tap(header(p, 1))
	g.wait()
	if got := column(p, 1); got != "Zeta AB,Mid GmbH,Alpha BV," {
		t.Fatalf("by company descending: %q", got)
	}
	// The next start (a new screen on the same preferences) sorts the same way.
	q := newProspectsScreen(g)
	if q.sortCol != 1 || !q.sortDesc || q.order.Selected != "Company" {
		t.Fatalf("remembered sort: column %d desc %v select %q", q.sortCol, q.sortDesc, q.order.Selected)
	}
}

func TestTableSortScrollsToTop(t *testing.T) {
	var ps []consent.Prospect
	for i := range 60 {
		ps = append(ps, consent.Prospect{Name: "Person " + string(rune('A'+i%26)) + string(rune('a'+i/26)), Source: consent.SourceCard})
	}
	g := openMain(t, ps...)
	g.win.Resize(fyne.NewSize(1366, 800))
	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	p.list.ScrollToBottom()
	if tableOffsetY(p.list) == 0 {
		t.Fatal("the table did not scroll")
	}
	test.Tap(header(p, 0))
	g.wait()
	if y := tableOffsetY(p.list); y != 0 {
		t.Fatalf("after a new sort the table is at %v, not the top", y)
	}
}

func TestTableColumnResizeIsRemembered(t *testing.T) {
	g, p := fourProspects(t)
	h := header(p, 1)
	before := p.widths[1]
	h.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 30}})
	h.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 25}})
	h.handle.DragEnd()
	if p.widths[1] != before+55 {
		t.Fatalf("width %v, want %v", p.widths[1], before+55)
	}
	h.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -1000}})
	h.handle.DragEnd()
	if p.widths[1] != minColumnWidth {
		t.Fatalf("a column cannot vanish: %v", p.widths[1])
	}
	h.handle.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 100}})
	h.handle.DragEnd()
	if q := newProspectsScreen(g); q.widths[1] != minColumnWidth+100 || q.widths[0] != p.widths[0] {
		t.Fatalf("remembered widths %v", q.widths)
	}
}

func TestTableFiltersRememberedAndNoHits(t *testing.T) {
	g, p := fourProspects(t)
	p.source.SetSelected("Referral")
	g.wait()
	if q := newProspectsScreen(g); q.source.Selected != "Referral" {
		t.Errorf("remembered source filter %q", q.source.Selected)
	}
	test.Type(p.search, "nobody-here")
	g.wait()
	if !p.noHits.Visible() || p.noHitsMsg.Text != "No prospect matches “nobody-here”" || p.noHitsBtn.Text != "Clear search" {
		t.Fatalf("no hits: %v %q %q", p.noHits.Visible(), p.noHitsMsg.Text, p.noHitsBtn.Text)
	}
	test.Tap(p.noHitsBtn)
	g.wait()
	if p.search.Text != "" || p.noHits.Visible() || len(p.results) != 1 {
		t.Fatalf("after clearing: %q %v %d", p.search.Text, p.noHits.Visible(), len(p.results))
	}
	p.state.SetSelected("Has a consent")
	g.wait()
	if p.noHitsBtn.Text != "Clear filters" {
		t.Fatalf("filters only: %q", p.noHitsBtn.Text)
	}
	test.Tap(p.noHitsBtn)
	g.wait()
	if len(p.results) != 4 {
		t.Fatalf("filters not cleared: %d", len(p.results))
	}
	if strings.Contains(g.app.Preferences().String(prefListSource)+g.app.Preferences().String(prefListWidths), "nobody") {
		t.Error("the search text reached the preferences")
	}
}

func TestTableMultiSelect(t *testing.T) {
	g, p := fourProspects(t)
	var mods fyne.KeyModifier
	p.mods = func() fyne.KeyModifier { return mods }
	click := func(row int) { p.list.Table.Select(widget.TableCellID{Row: row, Col: 1}); g.wait() }
	click(0)
	if p.detail.name.Text != "Anna Berg" || len(p.selected) != 1 || p.bulk.root.Visible() {
		t.Fatalf("one click: %q, %d selected", p.detail.name.Text, len(p.selected))
	}
	if g.win.Canvas().Focused() != fyne.Focusable(p.list) {
		t.Error("a click does not give the table the keyboard")
	}
	mods = fyne.KeyModifierShift
	click(2)
	if got := len(p.selectedIDs()); got != 3 || !p.bulk.root.Visible() || p.bulk.count.Text != "3 selected" {
		t.Fatalf("shift-click: %d selected, bar %q", got, p.bulk.count.Text)
	}
	if !p.bulk.merge.Disabled() {
		t.Error("merge needs exactly two")
	}
	mods = fyne.KeyModifierControl
	click(1) // toggles Bram off
	if ids := p.selectedIDs(); len(ids) != 2 || ids[0] != p.results[0] || ids[1] != p.results[2] {
		t.Fatalf("ctrl-click: %v", ids)
	}
	if p.bulk.merge.Disabled() {
		t.Error("two selected: merge is offered")
	}
	click(3)
	if len(p.selected) != 3 {
		t.Fatalf("ctrl-click adds: %d", len(p.selected))
	}
	// Ctrl+A selects the filtered list only.
	mods = 0
	test.Type(p.search, "a")
	g.wait()
	n := len(p.results)
	p.list.TypedShortcut(&fyne.ShortcutSelectAll{})
	if len(p.selected) != n || n == 0 || n == 4 {
		t.Fatalf("ctrl+A: %d selected of %d shown", len(p.selected), n)
	}
	test.Tap(p.bulk.clear)
	if len(p.selected) != 0 || p.bulk.root.Visible() {
		t.Fatal("clear selection")
	}
}

func TestTableKeyboard(t *testing.T) {
	g, p := fourProspects(t)
	var mods fyne.KeyModifier
	p.mods = func() fyne.KeyModifier { return mods }
	c := g.win.Canvas()
	// Tab reaches the table (after the search field and the header's choices).
	c.Focus(p.search)
	reached := false
	for range 12 {
		c.FocusNext()
		if c.Focused() == fyne.Focusable(p.list) {
			reached = true
			break
		}
	}
	if !reached {
		t.Fatal("Tab never reaches the table")
	}
	key := func(k fyne.KeyName) { p.list.TypedKey(&fyne.KeyEvent{Name: k}); g.wait() }
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if ids := p.selectedIDs(); len(ids) != 1 || ids[0] != p.results[2] {
		t.Fatalf("two downs select the third row: %v", ids)
	}
	key(fyne.KeyUp)
	key(fyne.KeyReturn)
	if p.detail.name.Text != "Bram Claes" {
		t.Fatalf("Enter opens %q", p.detail.name.Text)
	}
	mods = fyne.KeyModifierShift
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if len(p.selected) != 3 {
		t.Fatalf("shift+down extends: %d", len(p.selected))
	}
	p.list.TypedShortcut(ctrlF)
	if c.Focused() != fyne.Focusable(p.search) {
		t.Fatal("Ctrl+F in the table focuses search")
	}
	c.Focus(nil)
	g.focusSearch()
	if c.Focused() != fyne.Focusable(p.search) {
		t.Fatal("Ctrl+F focuses search")
	}
}

// tableOffsetY is how far the table is scrolled down: the Table keeps it
// unexported, and reflect may read (not set) such a field.
func tableOffsetY(t *prospectTable) float64 {
	return reflect.ValueOf(&t.Table).Elem().FieldByName("offset").FieldByName("Y").Float()
}
