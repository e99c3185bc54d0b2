package usecase

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

// erased adds a person and erases them, so their email and phone are
// suppressed.
func erased(t *testing.T, app *App, db *store.DB, email, phone string) {
	t.Helper()
	p, err := app.Prospects.Add(consent.Prospect{Name: "Erik Eraseme", Email: email, Phone: phone, Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(p.ID, "asked to be forgotten", "Rita Rep", testNow); err != nil {
		t.Fatal(err)
	}
}

// Add refuses what the GUI and the CLI refused, with the same code and the
// English sentence the CLI has always printed; a refusal stores nothing.
func TestAddRefusals(t *testing.T) {
	app, db := newTestApp(t)
	existing, err := app.Prospects.Add(consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Email: "anna@berg.example",
		Phone: "+46 8 123 456 78", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	erased(t, app, db, "erik@gone.example", "+31 20 555 0199")
	card := func(email, phone string) consent.Prospect {
		return consent.Prospect{Name: "Bea Nieuw", Company: "Nieuw BV", Email: email, Phone: phone, Source: consent.SourceCard}
	}
	cases := []struct {
		name  string
		p     consent.Prospect
		o     AddOptions
		code  Code
		text  string
		value any // the Value the sentence holds apart, if any
	}{
		{"bad email", card("bea@", ""), AddOptions{}, CodeBadValue, `"bea@" is not an email address: write it as name@company.com`, "bea@"},
		{"email without a dot", card("bea@localhost", ""), AddOptions{}, CodeBadValue, `"bea@localhost" is not an email address: the domain after @ needs a dot`, "bea@localhost"},
		{"bad phone", card("bea@nieuw.example", "12"), AddOptions{}, CodeBadValue, `"12" is not a phone number: include the country code, e.g. +31 20 555 0100`, "12"},
		{"quoted value", card(`a"b@`, ""), AddOptions{}, CodeBadValue, `"a\"b@" is not an email address: write it as name@company.com`, `a\"b@`},
		{"no name", consent.Prospect{Name: "  ", Email: "x@y.example", Source: consent.SourceCard}, AddOptions{}, CodeBadValue, "a prospect needs a name", nil},
		{"duplicate by email", card("ANNA@berg.example", ""), AddOptions{}, CodeDuplicate, "a prospect with this email already exists (id 1)", nil},
		{"duplicate by phone", card("", "+46812345678"), AddOptions{}, CodeDuplicate, "a prospect with this phone already exists (id 1)", nil},
		{"suppressed by email", card("Erik@Gone.example", ""), AddOptions{KeepBoth: true}, CodeSuppressed, "this person asked to be erased (matched by email): they may not be added or contacted again", nil},
		{"suppressed by phone", card("", "+31 (20) 5550199"), AddOptions{}, CodeSuppressed, "this person asked to be erased (matched by phone): they may not be added or contacted again", nil},
	}
	for _, c := range cases {
		before := db.Index().Count()
		_, err := app.Prospects.Add(c.p, c.o)
		if CodeOf(err) != c.code || err.Error() != c.text {
			t.Errorf("%s: %v (code %q), want %q: %s", c.name, err, CodeOf(err), c.code, c.text)
			continue
		}
		if db.Index().Count() != before {
			t.Errorf("%s: a refused card was stored", c.name)
		}
		var ue *Error
		if c.value != nil && (!errors.As(err, &ue) || ue.Msg.Data["Value"] != c.value) {
			t.Errorf("%s: the value is not kept apart: %+v", c.name, ue)
		}
	}
	// The duplicate says whom, for the form's question; keeping both adds.
	var dup *store.DuplicateError
	if _, err := app.Prospects.Add(card("anna@berg.example", ""), AddOptions{}); !errors.As(err, &dup) || dup.ID != existing.ID || dup.Field != "email" {
		t.Fatalf("duplicate: %v", err)
	}
	if p, err := app.Prospects.Add(card("anna@berg.example", ""), AddOptions{KeepBoth: true, Agreed: "call in May"}); err != nil || p.ID == existing.ID {
		t.Fatalf("keep both: %v %+v", err, p)
	}
}

// Merge fills what the existing prospect lacked, as an import would; an
// erased person is refused with the import's sentence as an Error.
func TestMergeCard(t *testing.T) {
	app, db := newTestApp(t)
	old, err := app.Prospects.Add(consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	merged, err := app.Prospects.Merge(consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Email: "anna@berg.example", Source: consent.SourceCard}, "")
	if err != nil || !merged {
		t.Fatalf("merge: %v %v", merged, err)
	}
	if p, _ := db.Index().Cached(old.ID); p.Company != "Berg AB" || db.Index().Count() != 1 {
		t.Fatalf("after merge: %+v, %d prospects", p, db.Index().Count())
	}
	erased(t, app, db, "erik@gone.example", "")
	_, err = app.Prospects.Merge(consent.Prospect{Name: "Erik", Email: "erik@gone.example", Source: consent.SourceCard}, "")
	var ue *Error
	if CodeOf(err) != CodeSuppressed || !errors.As(err, &ue) || !strings.HasPrefix(ue.Msg.Template, "this person asked to be erased (matched by email)") {
		t.Fatalf("merge of an erased person: %v", err)
	}
	if _, err := app.Prospects.Merge(consent.Prospect{Name: "X", Email: "x@", Source: consent.SourceCard}, ""); CodeOf(err) != CodeBadValue {
		t.Fatalf("merge of a bad card: %v", err)
	}
}

// An edit, a correction or a look at a prospect that is not there is
// CodeNotFound (the GUI's "This record no longer exists."), with the
// sentence the CLI has always printed.
func TestMissingProspectIsNotFound(t *testing.T) {
	app, _ := newTestApp(t)
	calls := map[string]func() error{
		"edit":    func() error { _, err := app.Prospects.Edit(99, "name", "Nobody"); return err },
		"correct": func() error { _, err := app.Prospects.Correct(99, consent.Prospect{Name: "Nobody"}); return err },
		"show":    func() error { _, err := app.Rights.View(99, ""); return err },
	}
	for name, call := range calls {
		err := call()
		if CodeOf(err) != CodeNotFound || !errors.Is(err, store.ErrNotFound) || err.Error() != "no prospect with id 99" {
			t.Errorf("%s of a missing prospect: %v (code %q)", name, err, CodeOf(err))
		}
	}
}

// Edit and Correct record each changed field as a rectification; a bad
// value or an unknown field changes nothing.
func TestEditAndCorrect(t *testing.T) {
	app, db := newTestApp(t)
	p, err := app.Prospects.Add(consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Phone: "+46 8 123 456 78", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		field, value string
		code         Code
		text         string
	}{
		{"nick", "x", CodeBadValue, `unknown field "nick": use one of name, company, title, email, phone, lang, event`},
		{"email", "anna@", CodeBadValue, `"anna@" is not an email address: write it as name@company.com`},
		{"name", "", CodeBadValue, "a prospect needs a name"},
		{"title", "Inköpschef", "", ""},
	}
	for _, c := range cases {
		_, err := app.Prospects.Edit(p.ID, c.field, c.value)
		if CodeOf(err) != c.code || (err != nil && err.Error() != c.text) {
			t.Errorf("edit %s=%q: %v (code %q), want %q", c.field, c.value, err, CodeOf(err), c.code)
		}
	}
	want, _ := db.Prospect(p.ID)
	want.Name, want.Email, want.Phone = "Anna Berg-Lund", "anna@berg.example", "+46 8-12 34 56 78" // the phone typed otherwise, same number
	out, err := app.Prospects.Correct(p.ID, want)
	if err != nil || out.Name != "Anna Berg-Lund" || out.Email != "anna@berg.example" || out.Phone != "+46812345678" || out.Title != "Inköpschef" {
		t.Fatalf("correct: %v %+v", err, out)
	}
	evs, _ := db.Events(p.ID)
	var fields []string
	for _, ev := range evs {
		if ev.Kind == consent.KindRectified {
			fields = append(fields, ev.Field)
		}
	}
	// The phone read back the same is no change; the source is history.
	if strings.Join(fields, ",") != "title,name,email" {
		t.Fatalf("rectified fields %v", fields)
	}
	if _, err := app.Prospects.Correct(p.ID, consent.Prospect{Name: "Anna", Email: "bad@", Source: consent.SourceList}); CodeOf(err) != CodeBadValue {
		t.Fatalf("a bad correction: %v", err)
	}
	if now, _ := db.Prospect(p.ID); now.Name != "Anna Berg-Lund" || now.Source != consent.SourceCard {
		t.Fatalf("a refused correction changed the prospect: %+v", now)
	}
}

// Viewing logs the look with its reason; the list export logs one entry.
func TestShowAndExportAreAudited(t *testing.T) {
	app, db := newTestApp(t)
	p, err := app.Prospects.Add(consent.Prospect{Name: "Anna Berg", Email: "anna@berg.example", Source: consent.SourceCard}, AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rec, err := app.Rights.View(p.ID, "call prep"); err != nil || rec.Prospect.Name != "Anna Berg" || len(rec.Events) != 1 {
		t.Fatalf("show: %v %+v", err, rec)
	}
	var buf bytes.Buffer
	if err := app.Prospects.ExportList(&buf, []consent.Prospect{p}); err != nil || !strings.Contains(buf.String(), "BEGIN:VCARD") {
		t.Fatalf("export: %v %q", err, buf.String())
	}
	log, _ := db.AuditLog()
	if len(log) != 2 || log[0].Action != "viewed" || log[0].Prospect != p.ID || log[0].Detail != "call prep" || log[0].Rep != "Rita Rep" ||
		log[1].Action != "exported" || log[1].Detail != "vcf of 1 prospects from the list" {
		t.Fatalf("audit log %+v", log)
	}
}
