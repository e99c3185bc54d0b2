package ui

import (
	"slices"
	"testing"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// A logged call moves its person's row where the list's order puts them,
// without the list being read again; the answers shown are read again, so
// a do-not-call shows at once.
func TestLoggedCallMovesItsRow(t *testing.T) {
	g := openMain(t,
		consent.Prospect{Name: "Anna Alpha", Company: "A BV", Phone: "+31 20 555 0101", Source: consent.SourceColdCall},
		consent.Prospect{Name: "Bert Beta", Company: "B BV", Phone: "+31 20 555 0102", Source: consent.SourceColdCall},
		consent.Prospect{Name: "Cees Gamma", Company: "C BV", Phone: "+31 20 555 0103", Source: consent.SourceColdCall},
		consent.Prospect{Name: "Dirk Delta", Company: "D BV", Phone: "+31 20 555 0104", Source: consent.SourceColdCall})
	g.shell.show("calls")
	g.wait()
	cs := g.shell.calls
	names := func() []string {
		var out []string
		for _, r := range cs.rows {
			out = append(out, cs.prospect(r).Name)
		}
		return out
	}
	if got := names(); !slices.Equal(got, []string{"Anna Alpha", "Bert Beta", "Cees Gamma", "Dirk Delta"}) {
		t.Fatalf("never called, by name: %v", got)
	}
	logCall := func(name string, outcome string) {
		t.Helper()
		i := slices.Index(names(), name)
		cs.openLog(cs.rows[i].ID)
		g.wait()
		cs.dialog.outcome.SetSelected(i18n.Outcome(outcome))
		cs.dialog.onSave()
		if outcome == consent.OutcomeDoNotCall {
			g.wait()
			cs.dialog.confirm.Confirm()
		}
		g.wait()
	}
	refreshes := cs.gen
	logCall("Anna Alpha", consent.OutcomeNoAnswer)
	if got := names(); !slices.Equal(got, []string{"Bert Beta", "Cees Gamma", "Dirk Delta", "Anna Alpha"}) {
		t.Fatalf("after a no-answer for Anna: %v", got)
	}
	if cs.rows[3].Attempts != 1 {
		t.Fatalf("Anna's attempts: %d", cs.rows[3].Attempts)
	}
	logCall("Bert Beta", consent.OutcomeNoAnswer)
	if got := names(); !slices.Equal(got, []string{"Cees Gamma", "Dirk Delta", "Anna Alpha", "Bert Beta"}) {
		t.Fatalf("after a no-answer for Bert (called after Anna): %v", got)
	}
	// The list in view was moved, not read again.
	fresh, err := g.uc.Calls.List(nil)
	if err != nil || !slices.EqualFunc(fresh, cs.all, func(a, b store.CallEntry) bool { return a.ID == b.ID && a.Attempts == b.Attempts }) {
		t.Fatalf("the moved list differs from the one read again: %v", err)
	}
	if cs.gen != refreshes+2 {
		t.Fatalf("the list changed %d times for two calls", cs.gen-refreshes)
	}

	logCall("Cees Gamma", consent.OutcomeDoNotCall)
	cees := cs.rows[slices.Index(names(), "Cees Gamma")]
	if d, ok := cs.decisions[cees.ID]; !ok || d.Allowed {
		t.Fatalf("Cees does not want to be called: %+v %v", d, ok)
	}
	if got := names(); !slices.Equal(got, []string{"Dirk Delta", "Anna Alpha", "Bert Beta", "Cees Gamma"}) {
		t.Fatalf("after Cees's call: %v", got)
	}
}
