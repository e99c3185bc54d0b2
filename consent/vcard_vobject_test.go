package consent

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// debianPython is Debian's interpreter, where python3-vobject is installed
// (the Makefile's DEB_PACKAGES); a python3 earlier on PATH may lack it.
const debianPython = "/usr/bin/python3"

// readBack is a Python program that reads vCards with vobject, a parser
// written apart from this one, and prints every field as JSON.
const readBack = `
import sys, json, vobject
def lst(v):
    if isinstance(v, list):
        return [x for x in v if x != ""]
    return [v] if v else []
def one(c, name):
    return c.contents[name][0].value if name in c.contents else ""
out = []
for c in vobject.readComponents(sys.stdin.buffer.read().decode("utf-8")):
    d = {k: one(c, k) for k in ["version", "kind", "fn", "title", "email", "tel", "lang", "uid", "rev", "x-warmlead-source"]}
    d["org"] = lst(one(c, "org")) if "org" in c.contents else []
    if "n" in c.contents:
        n = c.n.value
        d["n"] = [lst(n.family), lst(n.given), lst(n.additional), lst(n.prefix), lst(n.suffix)]
    out.append(d)
print(json.dumps(out))
`

type readCard struct {
	Version, Kind, FN, Title, Email, Tel, Lang, UID, Rev string
	Source                                               string `json:"x-warmlead-source"`
	Org                                                  []string
	N                                                    [][]string
}

// TestExportVCardReadByVobject: the export read back by python3-vobject
// gives every field as it was, for tricky names, companies and titles in
// the five languages and in other scripts a name can hold.
func TestExportVCardReadByVobject(t *testing.T) {
	if _, err := os.Stat(debianPython); err != nil {
		t.Skip("Debian's python3 is not installed (make test installs python3-vobject)")
	}
	if err := exec.Command(debianPython, "-c", "import vobject").Run(); err != nil {
		t.Skip("python3-vobject is not installed: apt-get install python3-vobject")
	}
	t0 := time.Date(2026, 3, 1, 9, 30, 15, 0, time.UTC)
	type want struct {
		family, given      string
		prefixes, suffixes []string
	}
	cases := []struct {
		p Prospect
		n want
	}{
		{Prospect{ID: 1, Name: "Jørgen Ångström, Jr.", Company: "Fjord; Kraft AS", Title: "Salgssjef, Norden", Email: "jorgen@fjord.example", Phone: "+4722334455", Source: SourceCard, Lang: "nb"},
			want{"Ångström", "Jørgen", nil, []string{"Jr."}}},
		{Prospect{ID: 2, Name: "Ir. Jan van 't Hof", Company: `Bakker \ Zonen B.V.`, Title: "Inkoper; regio Noord", Email: "jan@hof.example", Source: SourceAddressBook, Lang: "nl"},
			want{"van 't Hof", "Jan", []string{"Ir."}, nil}},
		{Prospect{ID: 3, Name: "Åsa Öberg-Lindqvist", Company: "Nordisk Handel; Syd AB", Title: "VD", Phone: "+46812345678", Source: SourceReferral, Lang: "sv"},
			want{"Öberg-Lindqvist", "Åsa", nil, nil}},
		{Prospect{ID: 4, Name: "Prof. Dr. Zoë Müller-Lüdenscheidt", Company: "Müller, Söhne & Co. KG", Title: "Geschäftsführerin", Source: SourceList, Lang: "de"},
			want{"Müller-Lüdenscheidt", "Zoë", []string{"Prof.", "Dr."}, nil}},
		{Prospect{ID: 5, Name: "Mary O'Brien, PhD, MBA", Company: "O'Brien & Partners, Ltd.", Title: "Head of Sales, EMEA", Email: "mary@obrien.example", Source: SourceCustomer, Lang: "en"},
			want{"O'Brien", "Mary", nil, []string{"PhD", "MBA"}}},
		{Prospect{ID: 6, Name: "黄世勇", Company: "深圳华强电子有限公司; 海外部", Source: SourceCard}, want{"黄世勇", "", nil, nil}},
		{Prospect{ID: 7, Name: "Оксана Шевченко", Company: strings.Repeat("Київстар Телеком, ", 8), Source: SourceCard}, want{"Шевченко", "Оксана", nil, nil}},
		{Prospect{ID: 8, Name: "Γιώργος Παπαδόπουλος", Company: "Ελληνικά Πετρέλαια Α.Ε.", Source: SourceCard}, want{"Παπαδόπουλος", "Γιώργος", nil, nil}},
		{Prospect{ID: 9, Name: "שרה כהן", PhoneRaw: "(0)20 555 0100", Source: SourceCard}, want{"כהן", "שרה", nil, nil}},
	}
	var ps []Prospect
	for _, c := range cases {
		p := c.p
		p.Created, p.Updated = t0, t0.Add(time.Duration(p.ID)*time.Hour)
		ps = append(ps, p)
	}
	var buf bytes.Buffer
	if err := ExportVCard(&buf, ps); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(buf.String(), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	cmd := exec.Command(debianPython, "-c", readBack)
	cmd.Stdin = bytes.NewReader(buf.Bytes())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vobject: %v: %s\n%s", err, stderr.String(), buf.String())
	}
	var got []readCard
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(ps) {
		t.Fatalf("vobject read %d cards (%v): %s", len(got), err, out)
	}
	uids := map[string]bool{}
	for i, c := range cases {
		p, g := ps[i], got[i]
		tel := ""
		if p.Phone != "" {
			tel = "tel:" + p.Phone
		} else if p.PhoneRaw != "" {
			tel = p.PhoneRaw
		}
		org := []string(nil)
		if p.Company != "" {
			org = []string{p.Company}
		}
		wantN := [][]string{nonEmpty(c.n.family), nonEmpty(c.n.given), {}, orEmpty(c.n.prefixes), orEmpty(c.n.suffixes)}
		checks := []struct {
			field     string
			got, want any
		}{
			{"VERSION", g.Version, "4.0"}, {"KIND", g.Kind, "individual"}, {"FN", g.FN, p.Name}, {"TITLE", g.Title, p.Title},
			{"EMAIL", g.Email, p.Email}, {"TEL", g.Tel, tel}, {"LANG", g.Lang, p.Lang}, {"source", g.Source, string(p.Source)},
			{"REV", g.Rev, p.Updated.Format("20060102T150405Z")}, {"ORG", strings.Join(g.Org, "|"), strings.Join(org, "|")},
			{"N", jsonText(g.N), jsonText(wantN)},
		}
		for _, ch := range checks {
			if jsonText(ch.got) != jsonText(ch.want) {
				t.Errorf("%s: %s = %v, want %v", p.Name, ch.field, ch.got, ch.want)
			}
		}
		if !strings.HasPrefix(g.UID, "urn:uuid:") || len(g.UID) != len("urn:uuid:")+36 || uids[g.UID] {
			t.Errorf("%s: UID %q", p.Name, g.UID)
		}
		uids[g.UID] = true
	}
	// The same prospect gets the same UID in the next export.
	var again bytes.Buffer
	ExportVCard(&again, ps[:1])
	if !strings.Contains(again.String(), "UID:"+got[0].UID+"\r\n") {
		t.Errorf("UID changed between exports:\n%s", again.String())
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return []string{}
	}
	return []string{s}
}

func orEmpty(s []string) []string { return append([]string{}, s...) }

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestSplitNameParts(t *testing.T) {
	cases := []struct {
		in            string
		prefixes      []string
		given, family string
		suffixes      []string
	}{
		{"Jørgen Ångström, Jr.", nil, "Jørgen", "Ångström", []string{"Jr."}},
		{"Dr. Anna Schmidt", []string{"Dr."}, "Anna", "Schmidt", nil},
		{"Jan van der Berg MBA", nil, "Jan", "van der Berg", []string{"MBA"}},
		{"Dr.", nil, "", "Dr.", nil}, // only an honorific: it is the name
		{"Madonna", nil, "", "Madonna", nil},
		{"King Charles III", nil, "King", "Charles", []string{"III"}},
	}
	for _, c := range cases {
		n := SplitNameParts(c.in)
		if !slices.Equal(n.Prefixes, c.prefixes) || n.Given != c.given || n.Family != c.family || !slices.Equal(n.Suffixes, c.suffixes) {
			t.Errorf("SplitNameParts(%q) = %+v", c.in, n)
		}
	}
}
