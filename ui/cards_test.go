package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

func TestTwentyCardsWithoutTheMouse(t *testing.T) {
	g := openMain(t)
	g.shell.show("prospects")
	c := showCardEntry(g, g.shell.prospects.refresh)
	if g.win.Canvas().Focused() != c.event {
		t.Fatal("the event field should have focus on the first card")
	}
	test.Type(c.event, "Vakbeurs Utrecht")
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	for i := 1; i <= 20; i++ {
		test.Type(c.name, fmt.Sprintf("Kaart Persoon %d", i))
		test.Type(c.company, fmt.Sprintf("Bedrijf %d BV", i))
		test.Type(c.email, fmt.Sprintf("persoon%d@bedrijf%d.example", i, i))
		test.Type(c.phone, fmt.Sprintf("+31 20 555 %04d", i))
		if i%2 == 0 {
			c.phone.TypedShortcut(ctrlS) // Ctrl+S from the last field
		} else {
			c.phone.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter
		}
		g.wait()
		if c.name.Text != "" || c.event.Text != "Vakbeurs Utrecht" || g.win.Canvas().Focused() != c.name {
			t.Fatalf("card %d: form not ready for the next card (name %q, event %q, status %q)", i, c.name.Text, c.event.Text, c.status.Text)
		}
	}
	if g.db.Index().Count() != 20 || !strings.HasPrefix(c.counter.Text, "20 cards") {
		t.Fatalf("count %d, counter %q", g.db.Index().Count(), c.counter.Text)
	}
	got := g.db.Index().Search("persoon7@")
	if len(got) != 1 || got[0].Event != "Vakbeurs Utrecht" || got[0].Phone != "+31205550007" {
		t.Fatalf("card 7 stored as %+v", got)
	}
}

func TestCardEntryValidationDuplicatesAndSuppression(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Jørgen Ångström", Company: "Nordlys AS", Email: "jorgen@nordlys.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Erased Erik", Email: "erik@gone.example", Source: consent.SourceCard})
	if err := g.db.Erase(2, "asked to be forgotten", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	c := showCardEntry(g, nil)
	test.Type(c.name, "Anna")
	test.Type(c.email, "anna@")
	if c.emailErr.Hidden || !strings.Contains(c.emailErr.Text, "not an email") {
		t.Fatal("a bad email is not shown under the field")
	}
	c.onSave()
	g.wait()
	if c.name.Text != "Anna" || g.db.Index().Count() != 1 {
		t.Fatal("a bad card lost the form or was saved")
	}
	c.email.SetText("")
	test.Type(c.email, "erik@gone.example")
	c.onSave()
	g.wait()
	if !strings.Contains(c.status.Text, "Refused") || !strings.Contains(c.status.Text, "erased") {
		t.Fatalf("suppressed person: %q", c.status.Text)
	}

	// Same email as an existing prospect: merge or keep both.
	c.name.SetText("J. Angstrom")
	c.email.SetText("JORGEN@nordlys.example")
	c.title.SetText("CFO")
	if c.dupBox.Hidden || !strings.Contains(c.dupText.Text, "Jørgen Ångström") {
		t.Fatal("duplicate by email not offered while typing")
	}
	test.Tap(c.mergeBtn)
	g.wait()
	p, _ := g.db.Index().Cached(1)
	if g.db.Index().Count() != 1 || p.Title != "CFO" || p.Name != "Jørgen Ångström" {
		t.Fatalf("merge: count %d, prospect %+v, status %q", g.db.Index().Count(), p, c.status.Text)
	}

	// A very similar name at the same company, no contact details.
	test.Type(c.name, "Jorgen Angstrom")
	test.Type(c.company, "Nordlys AS")
	if c.dupBox.Hidden {
		t.Fatal("similar name at the same company not offered")
	}
	test.Tap(c.keepBtn)
	g.wait()
	if g.db.Index().Count() != 2 {
		t.Fatalf("keep both did not add: %q", c.status.Text)
	}
}

func TestImportVCardFilesFromTheGUI(t *testing.T) {
	g := openMain(t)
	dir := t.TempDir()
	good := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åse Ødegård\r\nORG:Fjord AS\r\nEMAIL;TYPE=WORK:ase@fjord.example\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bakker;Pieter;;;\r\nTEL;TYPE=WORK:+31 20 555 0144\r\nEND:VCARD\r\n"
	bad := "BEGIN:VCARD\r\nVERSION:3.0\r\nX-ONLY:nothing useful\r\nEND:VCARD\r\n"
	os.WriteFile(filepath.Join(dir, "a.vcf"), []byte(good), 0o600)
	os.WriteFile(filepath.Join(dir, "b.vcf"), []byte(bad), 0o600)
	im := runImport(g, vcfFilesIn(dir), "Nor-Shipping", nil)
	g.wait()
	s := im.result.Summary
	if s.Imported != 2 || s.Failed != 1 || len(s.Problems) != 1 || s.Problems[0].File != "b.vcf" || s.Problems[0].Number != 1 {
		t.Fatalf("import summary %s %+v", s.Line(), s.Problems)
	}
	if got := g.db.Index().Search("ase odegard"); len(got) != 1 || got[0].Event != "Nor-Shipping" || got[0].Source != consent.SourceCard {
		t.Fatalf("imported card: %+v", got)
	}
	if im.progress.Value != 1 {
		t.Fatalf("progress ended at %v", im.progress.Value)
	}
}

// The card form in German: labels, the counter's plural, a field error and
// the duplicate warning built from the structured reason, not the English
// sentence.
func TestCardEntryInGerman(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Jørgen Ångström", Company: "Nordlys AS", Email: "jorgen@nordlys.example", Source: consent.SourceCard})
	i18n.Use("de")
	t.Cleanup(func() { i18n.Use("en") })
	c := showCardEntry(g, nil)
	if c.save.Text != "Karte speichern" || c.keepBtn.Text != "Beide behalten" || c.counter.Text != "0 Karten bisher" {
		t.Fatalf("labels: %q, %q, %q", c.save.Text, c.keepBtn.Text, c.counter.Text)
	}
	if c.source.Selected != "Visitenkarte" {
		t.Fatalf("default source shown as %q", c.source.Selected)
	}
	test.Type(c.email, "anna@")
	if want := "„anna@“ ist keine E-Mail-Adresse"; !strings.HasPrefix(c.emailErr.Text, want) {
		t.Fatalf("email error %q, want %q…", c.emailErr.Text, want)
	}
	c.email.SetText("JORGEN@nordlys.example")
	if want := "Mögliches Duplikat: Jørgen Ångström (Nordlys AS, Visitenkarte) hat dieselbe E-Mail-Adresse."; c.dupText.Text != want {
		t.Fatalf("duplicate: %q", c.dupText.Text)
	}
	c.email.SetText("")
	test.Type(c.name, "Anna Neu")
	c.onSave()
	g.wait()
	p, _ := g.db.Index().Cached(2)
	if c.status.Text != "Anna Neu wurde gespeichert." || c.counter.Text != "1 Karte bisher" || p.Source != consent.SourceCard {
		t.Fatalf("after saving: %q, %q, source %q", c.status.Text, c.counter.Text, p.Source)
	}
}

// The import result in Dutch: the summary from its numbers, each failure
// with file and card, and the reasons the lower layers give translated
// from their codes and values, never from their English. The reasons come
// from the real producers, so a new sentence without a translation fails
// here instead of leaking English.
func TestImportResultInDutch(t *testing.T) {
	i18n.Use("nl")
	t.Cleanup(func() { i18n.Use("en") })
	s := store.ImportSummary{Imported: 1200, Merged: 3, Suppressed: 1, Failed: 2}
	if got, want := importSummaryText(s), "Geïmporteerd: 1.200, samengevoegd: 3, geblokkeerd: 1, mislukt: 2"; got != want {
		t.Fatalf("summary %q, want %q", got, want)
	}
	dir := t.TempDir()
	cards := "BEGIN:VCARD\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing useful\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Sales team\r\nEND:VCARD\r\n"
	os.WriteFile(filepath.Join(dir, "a.vcf"), []byte(cards), 0o600)
	var long strings.Builder
	long.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + strings.Repeat("x", 5000) + "\r\n")
	for i := range 60 {
		fmt.Fprintf(&long, "EMAIL:p%d@b.example\r\n", i)
	}
	long.WriteString("END:VCARD\r\n")
	os.WriteFile(filepath.Join(dir, "d.vcf"), []byte(long.String()), 0o600)
	read := usecase.ReadVCards([]string{filepath.Join(dir, "a.vcf"), filepath.Join(dir, "missing.vcf"), filepath.Join(dir, "d.vcf")}, consent.SourceCard, "")
	problems := append(read.Problems, read.Warnings...)
	// What the store says of cards that do not validate (it does not quote
	// the value) and of an erased person.
	db, err := store.Create(filepath.Join(dir, "w.db"), []byte(pass), consent.DefaultSettings(), store.Options{KDF: store.FastKDF()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gone, err := db.AddProspect(consent.Prospect{Name: "Gone", Email: "gone@x.example", Source: consent.SourceCard}, store.AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(gone.ID, "asked", "Rita", time.Now()); err != nil {
		t.Fatal(err)
	}
	sum, err := db.ImportProspects([]store.ImportItem{
		{File: "c.vcf", Number: 1, Prospect: consent.Prospect{Name: "Anna", Email: "anna@", Source: consent.SourceCard}},
		{File: "c.vcf", Number: 2, Prospect: consent.Prospect{Name: "Bert", Phone: "12", Source: consent.SourceCard}},
		{File: "c.vcf", Number: 3, Prospect: consent.Prospect{Name: " ", Email: "x@y.example", Source: consent.SourceCard}},
		{File: "c.vcf", Number: 4, Prospect: consent.Prospect{Name: "Gone Again", Email: "GONE@x.example", Source: consent.SourceCard}},
	}, store.AddOptions{Region: "NL"}, nil)
	if err != nil || len(sum.Problems) != 4 {
		t.Fatalf("import of bad cards: %v %+v", err, sum)
	}
	problems = append(problems, sum.Problems...)
	if len(problems) != 10 {
		t.Fatalf("%d problems: %+v", len(problems), problems)
	}
	for _, p := range problems {
		if got := importProblemText(p); strings.Contains(got, p.Reason) || p.Code == "" {
			t.Errorf("problem %q (code %q) is not translated: %q", p.Reason, p.Code, got)
		}
	}
	if got, want := importProblemText(problems[0]), "a.vcf: kaart 1 is leeg"; got != want {
		t.Errorf("first problem %q, want %q", got, want)
	}
	if got := importProblemText(problems[3]); !strings.HasPrefix(got, "missing.vcf: het bestand kan niet worden gelezen: ") {
		t.Errorf("unreadable file: %q", got)
	}
	if got, want := importProblemText(problems[4]), "d.vcf: kaart 1 had meer dan 50 e-mailadressen, telefoonnummers of namen; 10 zijn weggelaten"; got != want {
		t.Errorf("dropped values %q, want %q", got, want)
	}
	if got, want := importProblemText(problems[6]), "c.vcf, kaart 1: het e-mailadres is ongeldig: schrijf het als naam@bedrijf.nl"; got != want {
		t.Errorf("invalid email %q, want %q", got, want)
	}
	// The validators' sentences, as the form shows them beside a field.
	_, emailErr := consent.NormalizeEmail("anna@")
	_, dotErr := consent.NormalizeEmail("anna@localhost")
	_, phoneErr := consent.NormalizePhone("12", "NL")
	for _, err := range []error{emailErr, dotErr, phoneErr} {
		if got := valueText(err); err == nil || got == err.Error() || !strings.Contains(got, "‘") {
			t.Errorf("%v is shown as %q", err, got)
		}
	}
}

// Correcting a prospect that was erased meanwhile says so in the form, in
// the rep's words, instead of the store's English; what was typed stays.
func TestCorrectingAVanishedProspect(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard})
	old, _ := g.db.Index().Cached(1)
	old.ID = 99 // as if erased after the form opened
	f := showProspectForm(g, &old, nil)
	f.name.SetText("Anna Berg-Lund")
	test.Tap(f.save)
	g.wait()
	if f.status.Text != "This record no longer exists." || f.name.Text != "Anna Berg-Lund" {
		t.Fatalf("status %q, name %q", f.status.Text, f.name.Text)
	}
}
