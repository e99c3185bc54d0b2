package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// listFilter is the search field and the one filter choice that Today and
// Calls share with Prospects: they filter lists already in memory (what is
// due, who to call), so matching runs as the rep types.
type listFilter struct {
	search *widget.Entry
	kind   *widget.Select
	bar    fyne.CanvasObject
	words  []string
}

func newListFilter(kinds []string, changed func()) *listFilter {
	f := &listFilter{search: widget.NewEntry()}
	f.search.SetPlaceHolder(lang.L("Search name or company"))
	f.search.OnChanged = func(s string) {
		f.words = strings.Fields(consent.Fold(s))
		changed()
	}
	f.kind = widget.NewSelect(kinds, nil)
	f.kind.SetSelectedIndex(0)
	f.kind.OnChanged = func(string) { changed() }
	// Wide enough for the longest choice in German; a Select alone is only
	// as wide as its arrow and cuts the chosen label.
	wide := container.NewGridWrap(fyne.NewSize(260, f.kind.MinSize().Height), f.kind)
	f.bar = container.NewBorder(nil, nil, nil, wide, f.search)
	return f
}

// matches tells whether every word typed occurs in the name or company.
func (f *listFilter) matches(name, company string) bool {
	if len(f.words) == 0 {
		return true
	}
	hay := consent.Fold(name + " " + company)
	for _, w := range f.words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// matchesFolded is matches for a name and company folded already (the
// read model keeps them so): no folding per row as the rep types.
func (f *listFilter) matchesFolded(name, company string) bool {
	for _, w := range f.words {
		if !strings.Contains(name, w) && !strings.Contains(company, w) {
			return false
		}
	}
	return true
}

// choice is the filter's chosen index (0: all).
func (f *listFilter) choice() int { return max(f.kind.SelectedIndex(), 0) }
