package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

// todayWithCallBack: Rosa (referral) owes a notice, Carl (card) asked to be
// called back.
func todayWithCallBack(t *testing.T) *GUI {
	t.Helper()
	g := openMain(t, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV", Source: consent.SourceReferral},
		consent.Prospect{Name: "Carl Card", Company: "Kaart BV", Phone: "+31 20 555 0101", Source: consent.SourceCard})
	if _, err := g.db.AppendEvent(2, consent.Event{Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeCallBack,
		Callback: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	g.shell.show("today")
	g.wait()
	return g
}

func TestTodaySearchAndFilter(t *testing.T) {
	g := todayWithCallBack(t)
	td := g.shell.today
	if len(td.items) != 2 {
		t.Fatalf("due %+v", td.items)
	}
	test.Type(td.filter.search, "kaart") // the company
	if len(td.items) != 1 || td.items[0].Name != "Carl Card" {
		t.Fatalf("search: %+v", td.items)
	}
	td.filter.search.SetText("")
	td.filter.kind.SetSelected("Art. 14 notices")
	if len(td.items) != 1 || td.items[0].Kind != consent.DueNotice {
		t.Fatalf("filter: %+v", td.items)
	}
	g.focusSearch()
	if g.win.Canvas().Focused() != td.filter.search {
		t.Error("Ctrl+F on Today focuses its search")
	}
	// Unfiltered, the list is everything due again, unharmed by the
	// filtered lists before (they must not have been written into it).
	td.filter.kind.SetSelected("Everything due")
	test.Type(td.filter.search, "kaart")
	td.filter.search.SetText("")
	if len(td.items) != 2 || td.items[0].Prospect == td.items[1].Prospect {
		t.Fatalf("everything due again: %+v", td.items)
	}
}

func TestCallsSearchAndFilter(t *testing.T) {
	g := todayWithCallBack(t)
	if _, err := g.uc.Prospects.Add(consent.Prospect{Name: "Nina Nummer", Phone: "+31 20 555 0102", Source: consent.SourceColdCall}, usecase.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	g.shell.show("calls")
	g.wait()
	if cs := g.shell.calls; len(cs.rows) != 2 {
		t.Fatalf("calls %d", len(cs.rows))
	}
	cs := g.shell.calls
	cs.filter.kind.SetSelected("Call-backs")
	if len(cs.rows) != 1 || cs.prospect(cs.rows[0]).Name != "Carl Card" {
		t.Fatalf("call-backs: %d", len(cs.rows))
	}
	cs.filter.kind.SetSelected("Everyone")
	test.Type(cs.filter.search, "nina")
	if len(cs.rows) != 1 || cs.prospect(cs.rows[0]).Name != "Nina Nummer" {
		t.Fatalf("search: %d", len(cs.rows))
	}
	g.focusSearch()
	if g.win.Canvas().Focused() != cs.filter.search {
		t.Error("Ctrl+F on Calls focuses its search")
	}
}

// Today → Open: a call-back opens the call log, and a search on the
// prospects list that would hide the person is cleared.
func TestTodayOpenCallBackClearsHidingSearch(t *testing.T) {
	g := todayWithCallBack(t)
	p := g.shell.prospects
	p.search.SetText("rosa")
	g.wait()
	td := g.shell.today
	var cb = -1
	for i, it := range td.items {
		if it.Kind == consent.DueCallBack {
			cb = i
		}
	}
	if cb < 0 {
		t.Fatalf("no call-back due: %+v", td.items)
	}
	td.act(td.items[cb])
	g.wait()
	if p.search.Text != "" {
		t.Errorf("the search %q still hides Carl", p.search.Text)
	}
	found := false
	for _, id := range p.results {
		found = found || id == 2
	}
	if !found {
		t.Error("Carl is not in the list")
	}
	if td.lastCall == nil || td.lastCall.rec.Prospect.ID != 2 {
		t.Fatal("Open did not open Carl's call log")
	}
	if p.detail.name.Text != "Carl Card" {
		t.Errorf("detail shows %q", p.detail.name.Text)
	}
	// A search that shows the person stays.
	p.search.SetText("intro")
	g.wait()
	for i, it := range td.items {
		if it.Kind == consent.DueNotice {
			td.act(td.items[i])
		}
	}
	g.wait()
	if p.search.Text != "intro" {
		t.Errorf("a search that shows Rosa was cleared")
	}
	if pv := p.detail.preview; pv == nil {
		t.Error("Open on an Art. 14 item opens the notice")
	}
}
