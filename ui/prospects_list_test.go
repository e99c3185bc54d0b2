package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

// listed is the prospects table as the rep reads it: each row's name,
// then company and source, in order, drawn by the table's own cells.
func listed(p *prospectsScreen) []string {
	var rows []string
	for i := range p.results {
		rows = append(rows, cellText(p, i, 0)+" / "+joinNonEmpty(" · ", cellText(p, i, 1), cellText(p, i, 5)))
	}
	return rows
}

// cellText is what the table's cell at row i, column col shows.
func cellText(p *prospectsScreen, i, col int) string {
	o := p.list.CreateCell()
	p.updateCell(widget.TableCellID{Row: i, Col: col}, o)
	return o.(*fyne.Container).Objects[1].(*widget.Label).Text
}

func names(rows []string) string {
	var s []string
	for _, r := range rows {
		s = append(s, strings.SplitN(r, " ", 2)[0])
	}
	return strings.Join(s, ",")
}

func TestProspectsListSortsAndFilters(t *testing.T) {
	i18n.Use("en")
	g := openMain(t,
		consent.Prospect{Name: "Anna Berg", Company: "Zeta AB", Email: "anna@zeta.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Bram Claes", Company: "Alpha BV", Source: consent.SourceList, ListVendor: "Leads BV"},
		consent.Prospect{Name: "Cora Dahl", Company: "Mid GmbH", Email: "cora@mid.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Dirk Eik", Source: consent.SourceReferral})
	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	if got := names(listed(p)); got != "Anna,Bram,Cora,Dirk" {
		t.Fatalf("first list: %s", got)
	}

	// Sort by company: no company last.
	p.order.SetSelected("Company")
	if p.count.Text != "Sorting…" {
		t.Errorf("while sorting the count says %q", p.count.Text)
	}
	g.wait()
	if got := names(listed(p)); got != "Bram,Cora,Anna,Dirk" {
		t.Fatalf("by company: %s", got)
	}

	// Business cards only, still by company.
	p.source.SetSelected(i18n.Source(consent.SourceCard))
	g.wait()
	rows := listed(p)
	if strings.Join(rows, "|") != "Cora Dahl / Mid GmbH · Business card|Anna Berg / Zeta AB · Business card" {
		t.Fatalf("cards by company: %q", rows)
	}
	if p.count.Text != "2 of 4" {
		t.Errorf("count %q", p.count.Text)
	}

	// A consent for Anna: the consent filter finds her alone.
	if _, err := g.db.AppendEvent(1, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "Yes please"}); err != nil {
		t.Fatal(err)
	}
	p.state.SetSelected("Has a consent")
	g.wait()
	if got := names(listed(p)); got != "Anna" {
		t.Fatalf("cards with a consent: %s", got)
	}
	p.state.SetSelected("Consent pending or none")
	g.wait()
	if got := names(listed(p)); got != "Cora" {
		t.Fatalf("cards without consent: %s", got)
	}

	// Last contact, newest first; its column says when.
	for id, ago := range map[uint64]time.Duration{4: time.Hour, 2: 48 * time.Hour} {
		if _, err := g.db.AppendEvent(id, consent.Event{Rep: "Rita Rep", Kind: consent.KindCallLogged,
			Outcome: consent.OutcomeNoAnswer, Time: time.Now().Add(-ago)}); err != nil {
			t.Fatal(err)
		}
	}
	p.source.SetSelected("All sources")
	p.state.SetSelected("Any consent state")
	p.order.SetSelected("Last contact")
	g.wait()
	rows = listed(p)
	if names(rows) != "Dirk,Bram,Anna,Cora" {
		t.Fatalf("by last contact: %q", rows)
	}
	if got, want := cellText(p, 0, 7), i18n.Date(time.Now().Add(-time.Hour)); got != want || cellText(p, 3, 7) != "Never" {
		t.Errorf("last contact cells: %q (want %q), %q", got, want, cellText(p, 3, 7))
	}

	// Typing searches within the order and filters, off the UI goroutine.
	test.Type(p.search, "gmbh")
	g.wait()
	if got := names(listed(p)); got != "Cora" {
		t.Fatalf("search with last-contact order: %s", got)
	}
	p.list.Select(0)
	g.wait()
	if p.detail.name.Text != "Cora Dahl" {
		t.Fatalf("selected row shows %q", p.detail.name.Text)
	}
}

// The screens speak the chosen language: the list header and the consent
// tab in Dutch, with dates and numbers the Dutch way.
func TestProspectScreensInDutch(t *testing.T) {
	t.Cleanup(func() { i18n.Use("en") })
	g := openMain(t, consent.Prospect{Name: "Anna Berg", Company: "Zeta AB", Phone: "+31 20 555 0101", Source: consent.SourceCard})
	i18n.Use("nl")
	g.shell.prospects = newProspectsScreen(g) // screens built after the switch speak Dutch
	p := g.shell.prospects
	p.refresh()
	g.wait()
	if p.count.Text != "1 van 1" || p.search.PlaceHolder != "Naam, bedrijf, e-mail, telefoon…" {
		t.Fatalf("header: %q, %q", p.count.Text, p.search.PlaceHolder)
	}
	if p.order.Options[7] != "Laatste contact" || p.source.Options[1] != "Visitekaartje" {
		t.Errorf("selectors: %q %q", p.order.Options, p.source.Options)
	}
	p.detail.show(1)
	g.wait()
	if got := p.detail.consents.buttons[consent.ChannelPhone].Text; got != "Bellen" {
		t.Errorf("call button %q", got)
	}
	if line := eventLine(p.detail.events[0]); !strings.HasPrefix(line, "Toegevoegd door Rita Rep, herkomst: visitekaartje") {
		t.Errorf("timeline line %q", line)
	}
}

// An expiry typed the way the placeholder shows it, in any language, is read
// as that day.
func TestExpiryDateInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.Use("en") })
	day := time.Date(2027, 11, 23, 12, 0, 0, 0, time.Local)
	for _, code := range i18n.Languages {
		i18n.Use(code)
		s := i18n.Date(day)
		got, ok := parseDay(s)
		if !ok || got.Year() != 2027 || got.Month() != 11 || got.Day() != 23 {
			t.Errorf("%s: %q read as %v, %v", code, s, got, ok)
		}
	}
	if _, ok := parseDay("next year"); ok {
		t.Error("a non-date was accepted")
	}
}
