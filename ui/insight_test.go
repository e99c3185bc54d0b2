package ui

import (
	"bytes"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// The package's tests draw the Insight charts at a tenth of the pixels
// (TestInsightScreenShot draws at half the app's, enough for its picture): every screen test that
// passes the Insight screen, in every language, would otherwise spend
// seconds under -race drawing pictures no one looks at.
func init() { insightChartDPI /= 10 }

// insightGUI opens the main window on three people: two collected today
// (a cold call Rita reached at the second call, a card Sam collected and
// emailed) and one Rita collected 400 days ago, outside the default year.
func insightGUI(t *testing.T) *GUI {
	t.Helper()
	db, path := createUnlockedDB(t)
	now := time.Now().Add(-time.Minute)
	add := func(name string, src consent.Source, rep string, at time.Time, evs ...consent.Event) {
		p, err := db.AddProspect(consent.Prospect{Name: name, Source: src}, store.AddOptions{Rep: rep, Region: "NL", Now: at})
		if err != nil {
			t.Fatal(err)
		}
		for i := range evs {
			evs[i].Rep, evs[i].Time = rep, at.Add(time.Duration(i+1)*time.Second)
		}
		if _, err := db.AppendEvents(p.ID, evs); err != nil {
			t.Fatal(err)
		}
	}
	add("Ann Cold", consent.SourceColdCall, "Rita Rep", now,
		consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeNoAnswer},
		consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached, Agreed: "demo on Friday"})
	add("Cy Card", consent.SourceCard, "Sam Sales", now, consent.Event{Kind: consent.KindEmailGenerated, Note: "follow-up email sent (en)"})
	add("Old Olga", consent.SourceCard, "Rita Rep", now.AddDate(0, 0, -400), consent.Event{Kind: consent.KindEmailGenerated, Note: "follow-up email sent (en)"})
	db.Close()
	return startUnlocked(t, newTestGUI(t, usecase.Config{DB: path, NoKeyring: true}))
}

func TestInsightScreenFiltersByPeriodAndRep(t *testing.T) {
	i18n.Use("en")
	g := insightGUI(t)
	g.shell.show("insight")
	s := g.shell.insight
	if s.status.Text != "Computing the figures…" || !s.busy.Visible() {
		t.Fatalf("before the figures arrive: %q, busy %v", s.status.Text, s.busy.Visible())
	}
	g.wait()
	if s.status.Text != "2 people collected in this period" || s.busy.Visible() || len(s.grid.Objects) != 5 {
		t.Fatalf("last 12 months: %q, busy %v, %d charts", s.status.Text, s.busy.Visible(), len(s.grid.Objects))
	}
	for i, o := range s.grid.Objects {
		img, ok := o.(*canvas.Image)
		if !ok {
			t.Fatalf("chart %d is a %T", i, o)
		}
		if _, err := png.Decode(bytes.NewReader(s.charts[i].PNG)); err != nil || img.MinSize().Width < insightChartW {
			t.Errorf("chart %d: %v, %v", i, err, img.MinSize())
		}
	}
	if !s.rep.Visible() || len(s.rep.Options) != 3 || s.rep.Selected != "All reps" {
		t.Fatalf("two reps: the rep filter shows %v (%v), selected %q", s.rep.Options, s.rep.Visible(), s.rep.Selected)
	}
	if a := s.last.AllAttempts(); a.Reached != 1 || a.CallsToReach != 2 {
		t.Errorf("attempts %+v", a)
	}

	s.period.SetSelected("All time")
	g.wait()
	if s.status.Text != "3 people collected in this period" {
		t.Errorf("all time: %q", s.status.Text)
	}
	s.rep.SetSelected("Sam Sales")
	g.wait()
	if s.status.Text != "1 person collected in this period" || s.last.Funnel[0].Source != consent.SourceCard {
		t.Errorf("Sam: %q, funnel %+v", s.status.Text, s.last.Funnel)
	}
	s.period.SetSelected("This month")
	g.wait()
	if s.status.Text != "1 person collected in this period" || s.rep.Selected != "Sam Sales" {
		t.Errorf("Sam this month: %q, rep %q", s.status.Text, s.rep.Selected)
	}
}

// A database with one rep and no one in it shows neither the rep filter
// nor empty charts, but says what the screen is for.
func TestInsightScreenEmpty(t *testing.T) {
	i18n.Use("en")
	g := openMain(t)
	g.shell.show("insight")
	g.wait()
	s := g.shell.insight
	if s.rep.Visible() || len(s.body.Objects) != 1 || s.body.Objects[0] != s.empty || !hasText(s.body, "Nothing to show for this period") {
		t.Fatalf("empty: rep filter %v, body %v, %q %+v", s.rep.Visible(), s.body.Objects, s.status.Text, s.last.Figures)
	}
}

// A result that arrives after the filter changed again is dropped: the
// screen shows what the filters now ask for.
func TestInsightScreenDropsStaleResults(t *testing.T) {
	i18n.Use("en")
	g := insightGUI(t)
	g.shell.show("insight")
	s := g.shell.insight
	s.period.SetSelected("All time") // before the first computation has come back
	g.wait()
	if s.status.Text != "3 people collected in this period" || s.computed != 1 {
		t.Errorf("%q after %d results shown", s.status.Text, s.computed)
	}
}

// The first paint (filters and the computing line) comes at once, before
// the figures: the issue asks for under a second.
func TestInsightScreenPaintsFast(t *testing.T) {
	i18n.Use("en")
	g := insightGUI(t)
	start := time.Now()
	g.shell.show("insight")
	painted := time.Since(start)
	s := g.shell.insight
	if painted > time.Second || s.status.Text != "Computing the figures…" || s.computed != 0 {
		t.Errorf("first paint after %v: %q, %d results", painted, s.status.Text, s.computed)
	}
	g.wait()
	if s.computed != 1 {
		t.Errorf("%d results after the wait", s.computed)
	}
}
