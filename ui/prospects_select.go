package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"warmlead/store"
)

// Preference keys of the prospects table: how it is sorted, its column
// widths and its filters. Never the search text: it is often a name, and
// the preferences file is not encrypted.
const (
	prefListSort    = "prospects.sort"
	prefListDesc    = "prospects.sortDesc"
	prefListWidths  = "prospects.widths"
	prefListSource  = "prospects.source"
	prefListConsent = "prospects.consent"
)

const minColumnWidth = 48

// loadTablePrefs reads the remembered sort and widths.
func (p *prospectsScreen) loadTablePrefs() {
	pr := p.g.app.Preferences()
	p.sortCol = pr.IntWithFallback(prefListSort, 0)
	if p.sortCol < 0 || p.sortCol >= len(prospectColumns) {
		p.sortCol = 0
	}
	p.sortDesc = pr.Bool(prefListDesc)
	p.widths = make([]float32, len(prospectColumns))
	saved := strings.Split(pr.String(prefListWidths), ",")
	for i, c := range prospectColumns {
		p.widths[i] = c.width
		if i < len(saved) {
			if w, err := strconv.ParseFloat(saved[i], 32); err == nil && w >= minColumnWidth {
				p.widths[i] = float32(w)
			}
		}
		p.list.SetColumnWidth(i, p.widths[i])
	}
}

func (p *prospectsScreen) saveSort() {
	pr := p.g.app.Preferences()
	pr.SetInt(prefListSort, p.sortCol)
	pr.SetBool(prefListDesc, p.sortDesc)
}

func (p *prospectsScreen) saveWidths() {
	parts := make([]string, len(p.widths))
	for i, w := range p.widths {
		parts[i] = strconv.Itoa(int(w))
	}
	p.g.app.Preferences().SetString(prefListWidths, strings.Join(parts, ","))
}

func (p *prospectsScreen) setColumnWidth(col int, w float32) {
	if col < 0 || col >= len(p.widths) {
		return
	}
	p.widths[col] = max(w, minColumnWidth)
	p.list.SetColumnWidth(col, p.widths[col])
}

// onHeaderTapped sorts by a column, or the other way when it sorts by it
// already.
func (p *prospectsScreen) onHeaderTapped(col int) {
	if col < 0 || col >= len(prospectColumns) {
		return
	}
	if col == p.sortCol {
		p.sortDesc = !p.sortDesc
	} else {
		p.sortCol, p.sortDesc = col, prospectColumns[col].descFirst
	}
	p.sortChanged()
}

// onOrderChanged is the "Sort by" choice: the keyboard's way to sort.
func (p *prospectsScreen) onOrderChanged(string) {
	if p.syncing {
		return
	}
	col := max(p.order.SelectedIndex(), 0)
	if col != p.sortCol {
		p.sortCol, p.sortDesc = col, prospectColumns[col].descFirst
	}
	p.sortChanged()
}

func (p *prospectsScreen) sortChanged() {
	p.syncing = true
	p.order.SetSelectedIndex(p.sortCol)
	p.syncing = false
	p.saveSort()
	p.list.Refresh() // the arrows
	p.scrollTop = true
	p.onFilterChanged("")
}

// storeOrder is the order the store keeps ready for the chosen sort, and
// whether the ids still need Index.Sort.
func (p *prospectsScreen) storeOrder() (store.ListOrder, bool) {
	switch c := prospectColumns[p.sortCol].sort; {
	case c == store.SortName && !p.sortDesc:
		return store.OrderName, false
	case c == store.SortCompany && !p.sortDesc:
		return store.OrderCompany, false
	case c == store.SortLastContact && p.sortDesc:
		return store.OrderLastContact, false
	}
	return store.OrderName, true
}

// keyModifiers are the modifier keys held now (Shift, Ctrl); tests set
// mods, the desktop driver answers otherwise.
func (p *prospectsScreen) keyModifiers() fyne.KeyModifier {
	if p.mods != nil {
		return p.mods()
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

func (p *prospectsScreen) isSelected(id uint64) bool {
	_, ok := p.selected[id]
	return ok
}

// onCellSelected is a click on a row: alone it selects and opens the
// prospect, with Ctrl (Cmd) it toggles the row, with Shift it selects the
// range from the last clicked row.
func (p *prospectsScreen) onCellSelected(id widget.TableCellID) {
	p.g.touch()
	p.list.Table.UnselectAll() // the table marks one cell; rows are marked here
	// The Table focuses itself on a tap only when the driver finds the
	// inner Table in the window, which it does not for an extended one.
	if c := p.g.win.Canvas(); c.Focused() != fyne.Focusable(p.list) {
		c.Focus(p.list)
	}
	mods := p.keyModifiers()
	switch {
	case mods&fyne.KeyModifierShift != 0 && p.anchor >= 0:
		p.selectRange(p.anchor, id.Row)
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		p.toggle(id.Row)
	default:
		p.selectOne(id.Row)
		p.open(id.Row)
	}
	p.cursor = id.Row
}

func (p *prospectsScreen) selectOne(i int) {
	if i < 0 || i >= len(p.results) {
		return
	}
	p.selected = map[uint64]struct{}{p.results[i]: {}}
	p.anchor = i
	p.selectionChanged()
}

func (p *prospectsScreen) toggle(i int) {
	if i < 0 || i >= len(p.results) {
		return
	}
	id := p.results[i]
	if p.isSelected(id) {
		delete(p.selected, id)
	} else {
		p.selected[id] = struct{}{}
	}
	p.anchor = i
	p.selectionChanged()
}

func (p *prospectsScreen) selectRange(from, to int) {
	from, to = min(from, to), max(from, to)
	p.selected = map[uint64]struct{}{}
	for i := max(from, 0); i <= to && i < len(p.results); i++ {
		p.selected[p.results[i]] = struct{}{}
	}
	p.selectionChanged()
}

// selectAll selects the filtered list: what the search and filters show.
func (p *prospectsScreen) selectAll() {
	p.selected = make(map[uint64]struct{}, len(p.results))
	for _, id := range p.results {
		p.selected[id] = struct{}{}
	}
	p.selectionChanged()
}

func (p *prospectsScreen) clearSelection() {
	p.selected = map[uint64]struct{}{}
	p.anchor = -1
	p.selectionChanged()
}

// selectedIDs are the selected prospects in the order shown.
func (p *prospectsScreen) selectedIDs() []uint64 {
	out := make([]uint64, 0, len(p.selected))
	for _, id := range p.results {
		if p.isSelected(id) {
			out = append(out, id)
		}
	}
	return out
}

func (p *prospectsScreen) selectionChanged() {
	p.list.Refresh()
	p.bulk.update(len(p.selected))
}

func (p *prospectsScreen) open(i int) {
	if i >= 0 && i < len(p.results) {
		p.detail.show(p.results[i])
	}
}

// TypedKey: Up and Down move the selection (with Shift they extend it),
// Enter opens the prospect, Space toggles the row; the rest is the table's.
func (t *prospectTable) TypedKey(ev *fyne.KeyEvent) {
	p := t.p
	p.g.touch()
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		next := p.cursor + 1
		if ev.Name == fyne.KeyUp {
			next = p.cursor - 1
		}
		if next < 0 || next >= len(p.results) {
			return
		}
		t.Table.TypedKey(ev) // moves the table's focus mark and scrolls
		p.cursor = next
		if p.keyModifiers()&fyne.KeyModifierShift != 0 && p.anchor >= 0 {
			p.selectRange(p.anchor, next)
			return
		}
		p.selectOne(next)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.open(p.cursor)
	case fyne.KeySpace:
		p.toggle(p.cursor)
	default:
		t.Table.TypedKey(ev)
	}
}

// TypedShortcut: Ctrl+A selects the filtered list, Ctrl+F goes to search.
func (t *prospectTable) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutSelectAll:
		t.p.selectAll()
	case *desktop.CustomShortcut:
		if sc.KeyName == fyne.KeyF {
			t.p.g.focusSearch()
		}
	}
}
