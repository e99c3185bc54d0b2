package usecase

import (
	"path/filepath"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/consent/csvin"
)

func writeCSV(t *testing.T, name, text string) string {
	t.Helper()
	return writeInDir(t, t.TempDir(), name, text)
}

// A web form's export: ticked purposes become web-form grants with the row
// as evidence, unticked ones nothing, and can-contact answers accordingly.
func TestImportCSVWebFormConsents(t *testing.T) {
	app, db := newTestApp(t)
	path := writeCSV(t, "form.csv", "E-mail;Naam;Nieuwsbrief;Evenementen;Tijdstempel;Bevestigd op\r\n"+
		"anna@berg.example;Anna Berg;ja;nee;12-11-2026 14:03;12-11-2026 14:10\r\n"+
		"bo@berg.example;Bo Berg;;;12-11-2026 15:00;12-11-2026 15:05\r\n"+
		"bad@;Bad Mail;ja;maybe;12-11-2026 16:00;12-11-2026 16:01\r\n")
	f, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Table.Sep != ';' || f.Mapping[2] != csvin.Field("consent:newsletter") || f.Mapping[4] != csvin.ConsentTime || f.Mapping[5] != csvin.ConfirmTime {
		t.Fatalf("mapping %q", f.Mapping)
	}
	// Consent columns need the rep to say the rows are a web form's.
	if _, err := app.Imports.ImportCSV(f, CSVOptions{Mapping: f.Mapping, Source: consent.SourceList, Vendor: "X"}); CodeOf(err) != CodeInvalid {
		t.Fatalf("consent columns from a bought list: %v", err)
	}
	res, err := app.Imports.ImportCSV(f, CSVOptions{Mapping: f.Mapping, Source: consent.SourceInbound})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	// Row 4 fails on its email: its "maybe" is no note of a row imported.
	if s.Imported != 2 || s.Failed != 1 || res.Consents != 1 || s.Problems[0].Number != 4 || s.Problems[0].File != "form.csv" || len(res.Warnings) != 0 {
		t.Fatalf("summary %s, consents %d, problems %+v", s.Line(), res.Consents, s.Problems)
	}
	anna, bo := db.Index().Search("anna")[0], db.Index().Search("bo berg")[0]
	rec, _ := db.Record(anna.ID)
	g := rec.Events[len(rec.Events)-1]
	if anna.Source != consent.SourceInbound || g.Kind != consent.KindConsentGranted || g.Method != consent.MethodWebForm ||
		g.Purpose != consent.PurposeNewsletter || !strings.Contains(g.Evidence, "Nieuwsbrief") || !strings.Contains(g.Evidence, "anna@berg.example;Anna Berg;ja") {
		t.Fatalf("anna's ledger ends with %+v", g)
	}
	for _, c := range []struct {
		id      uint64
		purpose consent.Purpose
		allowed bool
		rule    string
	}{
		{anna.ID, consent.PurposeNewsletter, true, consent.RuleConsent},
		{anna.ID, consent.PurposeEvents, false, consent.RuleNoBasis},
		{bo.ID, consent.PurposeNewsletter, false, consent.RuleNoBasis},
		{bo.ID, consent.PurposeFollowUp, true, consent.RuleSourceInbound},
	} {
		d, err := app.Consents.CanContact(c.id, consent.ChannelEmail, c.purpose)
		if err != nil || d.Allowed != c.allowed || d.Rule != c.rule {
			t.Errorf("prospect %d, %s: %+v, %v", c.id, c.purpose, d, err)
		}
	}
	// The same export again: merged, no second grant.
	res, err = app.Imports.ImportCSV(f, CSVOptions{Mapping: f.Mapping, Source: consent.SourceInbound})
	if err != nil || res.Summary.Merged != 2 || res.Consents != 0 || len(res.Warnings) != 1 {
		t.Fatalf("again: %s, consents %d, warnings %+v, %v", res.Summary.Line(), res.Consents, res.Warnings, err)
	}
}

func TestCheckCSVAnswers(t *testing.T) {
	base := csvin.Mapping{csvin.Name, csvin.Email}
	with := func(fs ...csvin.Field) csvin.Mapping { return append(append(csvin.Mapping{}, base...), fs...) }
	for _, c := range []struct {
		name string
		o    CSVOptions
		want Template // zero: accepted
	}{
		{"no source", CSVOptions{Mapping: base}, tplCSVNeedsSource},
		{"the source column", CSVOptions{Mapping: with(csvin.Source)}, Template{}},
		{"customers", CSVOptions{Mapping: base, Source: consent.SourceCustomer}, Template{}},
		{"a list without its vendor", CSVOptions{Mapping: base, Source: consent.SourceList}, tplCSVListVendor},
		{"a list with its vendor", CSVOptions{Mapping: base, Source: consent.SourceList, Vendor: "LeadCo"}, Template{}},
		{"a list with a vendor column", CSVOptions{Mapping: with(csvin.ListVendor), Source: consent.SourceList}, Template{}},
		{"no name or email", CSVOptions{Mapping: csvin.Mapping{csvin.Company}, Source: consent.SourceCard}, tplCSVNoName},
		{"first name only", CSVOptions{Mapping: csvin.Mapping{csvin.FirstName}, Source: consent.SourceCard}, Template{}},
		{"consent from cards", CSVOptions{Mapping: with("consent:newsletter", csvin.ConsentTime), Source: consent.SourceCard}, tplCSVConsentSrc},
		{"consent without a time", CSVOptions{Mapping: with("consent:newsletter"), Source: consent.SourceInbound}, tplCSVConsentTime},
		{"consent with its time", CSVOptions{Mapping: with("consent:newsletter", csvin.ConsentTime), Source: consent.SourceInbound}, Template{}},
		{"consent confirmed", CSVOptions{Mapping: with("consent:newsletter", csvin.ConfirmTime), Source: consent.SourceInbound}, Template{}},
		{"an unknown source", CSVOptions{Mapping: base, Source: "fair"}, tplCSVNeedsSource},
	} {
		err := CheckCSV(c.o)
		var got Template
		if e, ok := err.(*Error); ok {
			got = Template{e.Code, e.Msg.Template}
		} else if err != nil {
			t.Errorf("%s: %v is not an *Error", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want.Text)
		}
	}
}

func TestReadCSVRefusesWhatIsNoTable(t *testing.T) {
	for _, c := range []struct{ name, text, says string }{
		{"empty.csv", "", "header row"},
		{"broken.csv", "\"name,email\n", "header row could not be read"},
	} {
		_, err := ReadCSV(writeCSV(t, c.name, c.text))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if _, err := ReadCSV(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.HasPrefix(err.Error(), "cannot read the file: ") {
		t.Errorf("missing: %v", err)
	}
	if IsCSV(writeCSV(t, "cards.txt", "BEGIN:VCARD\r\nFN:A, B\r\nEND:VCARD\r\n")) || !IsCSV(writeCSV(t, "leads.txt", "name;email\n")) || !IsCSV("x.CSV") {
		t.Error("IsCSV")
	}
}
