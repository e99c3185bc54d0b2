//go:build ci

package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// The window size Run opens with; every screen must fit it in every language.
var windowSize = fyne.NewSize(1100, 720)

// TestScreensFitInEveryLanguage renders the main screens in each language
// with the real theme and fails when a label, button or choice is squeezed
// below the width its text needs (clipped text), or when a screen's minimum
// size would force the window beyond its default size. Longer German and
// Dutch words are what this catches.
func TestScreensFitInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			g := openInLanguage(t, code)
			if got := i18n.Current(); got != code {
				t.Fatalf("screens speak %q, want %q", got, code)
			}
			for _, s := range sectionList {
				g.shell.show(s.id)
				g.wait()
				checkFits(t, g, s.id)
			}
			g.shell.show("prospects")
			g.wait()
			p := g.shell.prospects
			if len(p.results) == 0 {
				t.Fatal("no prospects listed")
			}
			p.list.Select(0)
			g.wait()
			for i := range p.detail.tabs.Items {
				p.detail.tabs.SelectIndex(i)
				g.wait()
				checkFits(t, g, "prospect tab "+p.detail.tabs.Items[i].Text)
			}
			c := showCardEntry(g, func() {})
			g.wait()
			checkFits(t, g, "business cards")
			c.dlg.Hide()
		})
	}
}

// openInLanguage creates a database whose settings speak code, with a few
// prospects whose data exercises every tab, and unlocks it in a GUI that
// uses the real theme (the test theme has other sizes).
func openInLanguage(t *testing.T, code string) *GUI {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.db")
	s := consent.DefaultSettings()
	s.Rep, s.Company, s.Lang = "Rita Rep", "Acme BV", code
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/preferences"
	db, err := store.Create(path, []byte(pass), s, store.Options{KDF: store.FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, p := range []consent.Prospect{
		{Name: "Jørgen Ødegård", Company: "Fjordkraft Næringsliv AS", Title: "Innkjøpsansvarlig", Email: "jorgen@fjord.example",
			Phone: "+47 22 12 34 56", Source: consent.SourceCard, Event: "Nordic Sales Summit"},
		{Name: "Anneke van den Berg-Schoonhoven", Company: "Gemeentelijke Energiebedrijven", Email: "anneke@energie.example",
			Source: consent.SourceList, ListVendor: "Adressenbureau"},
		{Name: "Ångström Lindqvist", Company: "Kylteknik i Göteborg AB", Phone: "+46 31 123 45 67", Source: consent.SourceColdCall},
	} {
		id, err := db.AddProspect(p, store.AddOptions{Rep: "Rita Rep", Region: "NL"})
		if err != nil {
			t.Fatal(err)
		}
		ev := consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeProductInfo, Channel: consent.ChannelEmail,
			Method: consent.MethodEmailReply, Evidence: "Ja graag", Rep: "Rita Rep", Time: now.Add(-time.Hour)}
		if _, err := db.AppendEvent(id.ID, ev); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	t.Cleanup(func() { i18n.Use("en") })

	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})
	g.app.Settings().SetTheme(theme.DefaultTheme())
	g.win.Resize(windowSize)
	g.Start()
	g.wait()
	checkFits(t, g, "unlock")
	enterPassphrase(g)
	if g.shell == nil {
		t.Fatal("not unlocked")
	}
	return g
}

// checkFits walks what the window shows (dialogs included) and reports
// every squeezed text-bearing widget.
func checkFits(t *testing.T, g *GUI, where string) {
	t.Helper()
	c := g.win.Canvas()
	if min := c.Content().MinSize(); min.Width > windowSize.Width || min.Height > windowSize.Height {
		t.Errorf("%s: needs %.0fx%.0f, more than the %.0fx%.0f window", where, min.Width, min.Height, windowSize.Width, windowSize.Height)
	}
	roots := []fyne.CanvasObject{c.Content()}
	roots = append(roots, c.Overlays().List()...)
	for _, r := range roots {
		relayout(r)
		walkVisible(r, func(o fyne.CanvasObject) {
			if msg := squeezed(o); msg != "" {
				t.Errorf("%s: %s", where, msg)
			}
		})
	}
}

func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkVisible(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkVisible(c, visit)
		}
	}
}

// placeholderCut reports an empty entry whose hint is wider than the entry
// (an entry's minimum size ignores its placeholder, so squeezed cannot see
// it): the rep would read "Name, Unternehmen, E-Mail, Tele".
func placeholderCut(e *widget.Entry) string {
	if e.Text != "" || e.PlaceHolder == "" || e.MultiLine {
		return ""
	}
	need := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width +
		2*theme.InnerPadding() + 2*theme.InputBorderSize()
	if e.ActionItem != nil {
		need += e.ActionItem.MinSize().Width
	}
	if need <= e.Size().Width+1 {
		return ""
	}
	return fmt.Sprintf("*widget.Entry placeholder %q is cut: %.0f wide, needs %.0f", e.PlaceHolder, e.Size().Width, need)
}

// relayout lays the tree out again from the top, as the real driver does on
// the next frame when a text change alters a minimum size (the test canvas
// does not, and would report rows laid out around their template text).
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	}
}

// squeezed describes o when it is laid out narrower than its text needs.
// Labels that truncate or wrap are built to be narrow; zero-size objects are
// not laid out (another tab, a collapsed split).
func squeezed(o fyne.CanvasObject) string {
	size, min := o.Size(), o.MinSize()
	if e, ok := o.(*widget.Entry); ok && size.Width > 0 {
		return placeholderCut(e)
	}
	if size.Width == 0 || size.Height == 0 || min.Width <= size.Width+1 {
		return ""
	}
	var text string
	switch w := o.(type) {
	case *widget.Label:
		if w.Truncation != fyne.TextTruncateOff || w.Wrapping != fyne.TextWrapOff {
			return ""
		}
		text = w.Text
	case *widget.Button:
		text = w.Text
	case *widget.Check:
		text = w.Text
	case *widget.Select:
		text = w.Selected
		if text == "" {
			text = w.PlaceHolder
		}
	case *widget.RadioGroup:
		text = strings.Join(w.Options, " / ")
	case *widget.Hyperlink:
		text = w.Text
	case *canvas.Text:
		return "" // inside the widgets above, reported through them
	default:
		return ""
	}
	if text == "" {
		return ""
	}
	return fmt.Sprintf("%T %q is %.0f wide, its text needs %.0f", o, text, size.Width, min.Width)
}
