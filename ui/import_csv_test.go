package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func csvFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "formulier.csv")
	data := "Naam;E-mail;Telefoon;Notitie;Nieuwsbrief;Tijdstempel\r\n" +
		"Anna Berg;anna@berg.example;+31 20 555 0100;Inkoper;ja;12-11-2026 14:03\r\n" + // row 2
		"Bo \"de\" Boer;bo@boer.example;;;nee;12-11-2026 15:00\r\n" + // row 3: a stray quote
		"Cy Claes;cy@;;;ja;12-11-2026 16:00\r\n" + // row 4: a bad email
		"Di Dekker;di@dekker.example;12;Directeur;;12-11-2026 17:00\r\n" // row 5: a bad phone, left out
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The mapping screen: guessed from the header, no source preselected, a
// changed mapping shows in the preview and in what is imported, and the
// result lists each failed row with its number.
func TestCSVMappingScreen(t *testing.T) {
	g := openMain(t)
	f, err := usecase.ReadCSV(csvFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	s := newCSVMapping(g, f, nil)
	s.dlg.Show()
	var shown []string
	for _, sel := range s.selects {
		shown = append(shown, sel.Selected)
	}
	if want := "Name,Email,Phone,Ignore,Consent: Newsletter (Email),Consent given at"; strings.Join(shown, ",") != want {
		t.Fatalf("mapping %q, want %q", strings.Join(shown, ","), want)
	}
	if s.source.Selected != "" || !s.submit.Disabled() {
		t.Fatalf("a source was preselected: %q", s.source.Selected)
	}
	if s.rows[1][1] != "Anna Berg" || s.rows[1][6] != "" || s.rows[1][4] != "" || s.rows[1][3] != "Newsletter (Email)" || !strings.Contains(s.rows[2][1], "not imported") || !strings.HasPrefix(s.notes.Text, "Row 3 could not be read") {
		t.Fatalf("preview %q", s.rows)
	}
	// Notitie holds the job title.
	s.selects[3].SetSelected("Job title")
	if s.rows[1][6] != "Inkoper" {
		t.Fatalf("preview after the change: %q", s.rows[1])
	}
	// Consent columns from a bought list are refused, in words.
	s.source.SetSelected("A bought or rented list")
	test.Type(s.vendor, "LeadCo")
	test.Tap(s.submit)
	if !strings.Contains(s.problem.Text, "web-form exports only") || s.run != nil {
		t.Fatalf("consent from a list: %q", s.problem.Text)
	}
	s.source.SetSelected("A web form (inbound leads)")
	if s.rows[1][4] == "" {
		t.Fatalf("source in the preview: %q", s.rows[1])
	}
	test.Tap(s.submit)
	g.wait()
	r := s.run
	if r == nil {
		t.Fatalf("not imported: %q", s.problem.Text)
	}
	sum := r.result.Summary
	if sum.Imported != 2 || sum.Failed != 2 || r.result.Consents != 1 || r.progress.Value != 1 {
		t.Fatalf("summary %s, consents %d, progress %v", sum.Line(), r.result.Consents, r.progress.Value)
	}
	want := []string{"Not imported:", "Row 3 could not be read: a quote in it is not closed or stands inside a value",
		"Row 4: its email address is not valid: write it as name@company.com", "Imported, with something left out:",
		"Row 5 was imported without its phone number, which is not valid: include the country code, e.g. +31 20 555 0100"}
	if !slices.Equal(r.lines, want) {
		t.Fatalf("result lines:\n%s\nwant:\n%s", strings.Join(r.lines, "\n"), strings.Join(want, "\n"))
	}
	anna := g.db.Index().Search("anna berg")
	if len(anna) != 1 || anna[0].Title != "Inkoper" || anna[0].Source != consent.SourceInbound {
		t.Fatalf("anna %+v", anna)
	}
	d, err := g.uc.Consents.CanContact(anna[0].ID, consent.ChannelEmail, consent.PurposeNewsletter)
	if err != nil || !d.Allowed || d.Rule != consent.RuleConsent {
		t.Fatalf("anna's newsletter: %+v %v", d, err)
	}
}

// A .csv dropped on the window opens the mapping screen.
func TestDroppedCSVOpensMapping(t *testing.T) {
	g := openMain(t)
	before := len(g.win.Canvas().Overlays().List())
	g.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(csvFixture(t))})
	g.wait()
	if len(g.win.Canvas().Overlays().List()) != before+1 {
		t.Fatal("no mapping screen after dropping a .csv")
	}
}
