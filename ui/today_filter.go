package ui

import (
	"slices"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
)

// todayKinds are Today's filter choices after "Everything due": the kinds
// of deadline each one shows.
var todayKinds = [][]string{
	{consent.DueNotice},
	{consent.DueCallBack},
	{consent.DueRetentionEnding, consent.DueRetentionEnded},
	{consent.DueAskAgain, consent.DueReferralNoAnswer},
}

func todayKindLabels() []string {
	return []string{lang.L("Everything due"), lang.L("Art. 14 notices"), lang.L("Call-backs"), lang.L("Retention"), lang.L("Ask again and referrals")}
}

// applyFilter shows the due items the search and the filter keep. With
// neither, the list shows all of them as they are: a copy of 17,000 items
// at 100,000 prospects would only hold 2 MB more (issue 16). Filtering
// then starts a new slice, never one that may be all's.
func (t *todayScreen) applyFilter() {
	c := t.filter.choice()
	if c == 0 && len(t.filter.words) == 0 {
		t.items = t.all
		t.list.Refresh()
		return
	}
	t.items = nil
	for _, it := range t.all {
		if c > 0 && !slices.Contains(todayKinds[c-1], it.Kind) {
			continue
		}
		pr, _ := t.g.db.Index().Cached(it.Prospect)
		if t.filter.matches(it.Name, pr.Company) {
			t.items = append(t.items, it)
		}
	}
	t.list.Refresh()
}

func (t *todayScreen) searchEntry() *widget.Entry { return t.filter.search }

// reveal makes sure the list shows prospect id: a search or a filter that
// hides them is cleared (Today → Open). Whether it hides them is asked of
// the store (the list on screen may not have its results yet).
func (p *prospectsScreen) reveal(id uint64) {
	q := p.query()
	if q.Text == "" && q.Source == "" && q.Consent == store.AnyConsent {
		return
	}
	hidden := false
	db := p.g.db
	p.g.background(func() error {
		ids, err := db.Index().List(q, nil)
		hidden = err == nil && !slices.Contains(ids, id)
		return err
	}, func(error) {
		if hidden { // each change starts a query; the newest one's result stands
			p.search.SetText("")
			p.source.SetSelectedIndex(0)
			p.state.SetSelectedIndex(0)
		}
	})
}
