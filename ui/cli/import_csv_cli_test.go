package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func (h *harness) file(name, text string) string {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return path
}

// `import FILE.csv`: the vCard import's output style, row numbers for card
// numbers, a note for a row imported without its bad phone.
func TestImportCSVOutput(t *testing.T) {
	h := newHarness(t)
	h.init()
	path := h.file("leads.csv", "First Name,Last Name,Company,E-mail Address,Business Phone\r\n"+
		"Anna,Berg,Berg AB,anna@berg.example,+46 8 123 456 78\r\n"+
		"Bo,\"The\" Boss,Boss BV,bo@boss.example,\r\n"+
		"Cy,Bad,Cy BV,cy@,\r\n"+
		"Di,Dropped,Di BV,di@di.example,12\r\n")
	code, out, errs := h.run("import", path, "--source", "list", "--list-vendor", "LeadCo")
	if code != 0 || out != "imported 2, merged 0, suppressed 0, failed 2\n" {
		t.Fatalf("exit %d, %q, %q", code, out, errs)
	}
	want := "leads.csv, row 3: row 3 could not be read: a quote in it is not closed or stands inside a value\n" +
		"leads.csv, row 4: its email address is not valid: write it as name@company.com\n" +
		"note: leads.csv, row 5: row 5 was imported without its phone number, which is not valid: include the country code, e.g. +31 20 555 0100\n"
	if errs != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, want)
	}
	var shown []map[string]any
	json.Unmarshal([]byte(h.must("list", "--json")), &shown)
	if len(shown) != 2 || shown[0]["name"] != "Anna Berg" || shown[0]["source"] != "list" || shown[1]["phone"] != "" {
		t.Errorf("list: %v", shown)
	}
	// The same file again, as JSON: merged, with rows.
	code, out, _ = h.run("import", path, "--source", "list", "--list-vendor", "LeadCo", "--json")
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); code != 0 || err != nil || sum["merged"] != 2.0 || sum["failed"] != 2.0 {
		t.Fatalf("json: exit %d, %v: %s", code, err, out)
	}
	if p := sum["problems"].([]any)[0].(map[string]any); p["row"] != 3.0 || p["file"] != "leads.csv" {
		t.Errorf("json problem %v", p)
	}
}

// No source and no source column: a usage error naming what to say, and
// nothing imported; a bought list needs its vendor.
func TestImportCSVAsksWhereTheRowsComeFrom(t *testing.T) {
	h := newHarness(t)
	h.init()
	path := h.file("leads.csv", "name,email\nAnna,anna@berg.example\n")
	for _, c := range []struct {
		args []string
		says string
	}{
		{nil, "say where the rows come from (--source list, customer"},
		{[]string{"--source", "list"}, "a bought list needs its vendor: name it (--list-vendor NAME)"},
		{[]string{"--source", "card", "--map", "Emial=email"}, `the file has no column "Emial": its columns are name, email`},
		{[]string{"--source", "card", "--map", "email=phone_number"}, `unknown field "phone_number"`},
	} {
		code, out, errs := h.run(append([]string{"import", path}, c.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %q, %q", c.args, code, out, errs)
		}
	}
	if out := h.must("list"); strings.Contains(out, "Anna") {
		t.Fatalf("a refused import imported: %q", out)
	}
	// Warmlead's own export maps 1:1 and carries its sources.
	own := h.file("export.txt", "name,company,title,email,phone,source,event,list_vendor,lang\n"+
		"Åse Ødegård,Fjord AS,CEO,ase@fjord.example,+47 22 12 34 56,card,Nor-Shipping,,nb\n"+
		"Lars List,ListCo,,lars@list.example,,list,,LeadCo,\n")
	if out := h.must("import", own); out != "imported 2, merged 0, suppressed 0, failed 0\n" {
		t.Fatalf("own export: %q", out)
	}
	var shown []map[string]any
	json.Unmarshal([]byte(h.must("list", "--json")), &shown)
	if len(shown) != 2 || shown[0]["source"] != "card" || shown[1]["source"] != "list" {
		t.Errorf("own export: %v", shown)
	}
}

// --dry-run prints the mapping (with --map applied) and the row count and
// saves nothing; it needs no database.
func TestImportCSVDryRun(t *testing.T) {
	h := newHarness(t)
	path := h.file("firma.csv", "Vorname;Nachname;Firma;E-Mail;Notiz\n\"Jürgen\";Größe;Müller GmbH;j@m.example;x\nbroken\"row;;;;\n")
	code, out, errs := h.run("import", path, "--dry-run", "--source", "customer", "--map", "Notiz=title,e-mail=ignore")
	want := "firma.csv: 1 rows, 1 that cannot be read (UTF-8, separated by semicolons)\n" +
		"  Vorname -> first_name\n  Nachname -> last_name\n  Firma -> company\n  E-Mail -> ignore\n  Notiz -> title\n"
	if code != 0 || out != want || errs != "" {
		t.Fatalf("exit %d, stdout:\n%s\nwant:\n%s\nstderr %q", code, out, want, errs)
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Error("a dry run created the database")
	}
}

// A web form's export on the command line: consents recorded, can-contact
// answers from them.
func TestImportCSVWebForm(t *testing.T) {
	h := newHarness(t)
	h.init()
	path := h.file("form.csv", "Email,Name,Newsletter,Events,Submitted at,Double opt-in confirmed\n"+
		"anna@berg.example,Anna Berg,yes,,2026-11-12 14:03:00,2026-11-12 14:10:00\n"+
		"bo@berg.example,Bo Berg,yes,x,2026-11-12 15:00:00,\n")
	code, out, errs := h.run("import", path, "--source", "inbound")
	if code != 0 || out != "imported 2, merged 0, suppressed 0, failed 0\nrecorded 1 web-form consents\n" ||
		errs != "note: form.csv, row 3: row 3 ticks newsletter, but its double opt-in was not confirmed: no consent recorded\n"+
			"note: form.csv, row 3: row 3 ticks events, but its double opt-in was not confirmed: no consent recorded\n" {
		t.Fatalf("exit %d, %q, %q", code, out, errs)
	}
	for _, c := range []struct {
		id, purpose string
		code        int
	}{{"1", "newsletter", 0}, {"1", "events", ExitBlocked}, {"2", "newsletter", ExitBlocked}} {
		if code, out, _ := h.run("can-contact", c.id, "--channel", "email", "--purpose", c.purpose); code != c.code {
			t.Errorf("can-contact %s %s: exit %d, %q", c.id, c.purpose, code, out)
		}
	}
	if code, _, errs := h.run("import", path, "--source", "card", "--event", "Expo"); code != ExitUsage || !strings.Contains(errs, "web-form exports only") {
		t.Errorf("consent columns from cards: %d %q", code, errs)
	}
}
