package vcardin

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"warmlead/consent"
)

// card wraps property lines in BEGIN/END with CRLF line ends.
func card(version string, lines ...string) string {
	return "BEGIN:VCARD\r\nVERSION:" + version + "\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCARD\r\n"
}

func parseString(t *testing.T, s string) Result {
	t.Helper()
	res, err := Parse(strings.NewReader(s), DefaultLimits())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return res
}

func one(t *testing.T, s string) Card {
	t.Helper()
	res := parseString(t, s)
	if len(res.Cards) != 1 || len(res.Failures) != 0 {
		t.Fatalf("got %d cards, failures %v; want 1 card", len(res.Cards), res.Failures)
	}
	return res.Cards[0]
}

func shiftJIS(s string) string {
	b, err := japanese.ShiftJIS.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func utf16(s string, e unicode.Endianness) string {
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func utf16NoBOM(s string) string {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

// want lists the Card fields a test checks; empty strings are checked too.
type want struct {
	name, company, title, email, phone string
	emails, phones                     []string
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want want
	}{
		{"2.1 QP with CHARSET=ISO-8859-1", card("2.1",
			"N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Hansen;J=F8rgen",
			"FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F8rgen Hansen"),
			want{name: "Jørgen Hansen"}},
		{"2.1 QP with CHARSET=UTF-8 and bare QUOTED-PRINTABLE", card("2.1",
			"FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=C3=85se Str=C3=B6m",
			"TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Inkj=C3=B8per"),
			want{name: "Åse Ström", title: "Inkjøper"}},
		{"QP soft line break splitting a UTF-8 sequence", card("2.1",
			"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=",
			"J=C3=",
			"=B8rgen M=C3=BC=",
			"ller"),
			want{name: "Jørgen Müller"}},
		{"QP soft break whose next line starts with a space or #", card("2.1",
			"FN:Anna Berg",
			"TITLE;ENCODING=QUOTED-PRINTABLE:Head of=",
			" Sales=",
			"#1"),
			want{name: "Anna Berg", title: "Head of Sales#1"}},
		{"3.0 folded lines, folded parameters", card("3.0",
			"FN:Katarzyna Wi",
			" śniewska",
			"EMAIL;TYPE=INTER",
			"\tNET,WORK:kasia@example.",
			" pl"),
			want{name: "Katarzyna Wiśniewska", email: "kasia@example.pl", emails: []string{"kasia@example.pl"}}},
		{"3.0 escapes", card("3.0",
			`FN:Smith\, John`,
			`ORG:Smith\, Jones \; Partners;Legal`,
			`TITLE:Partner\nLitigation`),
			want{name: "Smith, John", company: "Smith, Jones ; Partners", title: "Partner Litigation"}},
		{"grouped item1.EMAIL with Apple work label", card("3.0",
			"FN:Lars Øberg",
			"item1.EMAIL;type=INTERNET:lars@home.example",
			"item1.X-ABLabel:_$!<Home>!$",
			"item2.EMAIL;type=INTERNET:lars@firm.example",
			"item2.X-ABLabel:_$!<Work>!$"),
			want{name: "Lars Øberg", email: "lars@firm.example", emails: []string{"lars@home.example", "lars@firm.example"}}},
		{"TYPE=WORK beats PREF and order", card("3.0",
			"FN:Eva Lind",
			"EMAIL;TYPE=HOME,PREF:eva@home.example",
			"EMAIL;TYPE=WORK:eva@work.example",
			"TEL;TYPE=CELL;TYPE=PREF:+46 70 111 11 11",
			"TEL;TYPE=WORK,FAX:+46 8 222 22 22",
			"TEL;TYPE=WORK,VOICE:+46 8 333 33 33"),
			want{name: "Eva Lind", email: "eva@work.example", phone: "+46 8 333 33 33",
				emails: []string{"eva@home.example", "eva@work.example"},
				phones: []string{"+46 70 111 11 11", "+46 8 222 22 22", "+46 8 333 33 33"}}},
		{"PREF beats first; 2.1 bare parameters", card("2.1",
			"FN:Per Holm",
			"EMAIL;INTERNET:per@a.example",
			"EMAIL;INTERNET;PREF:per@b.example",
			"TEL;HOME:111",
			"TEL;PREF;CELL:222"),
			want{name: "Per Holm", email: "per@b.example", phone: "222",
				emails: []string{"per@a.example", "per@b.example"}, phones: []string{"111", "222"}}},
		{"N without FN", card("3.0", "N:Kowalski;Łukasz;Jan;Dr.;"),
			want{name: "Łukasz Kowalski"}},
		{"N without FN, Japanese order", card("4.0", "N:山田;太郎;;;"),
			want{name: "山田 太郎"}},
		{"FN without N", card("3.0", "FN:Zoë Dupré"), want{name: "Zoë Dupré"}},
		{"empty FN falls back to N", card("2.1", "FN:", "N:Brünnhilde;Ülle"), want{name: "Ülle Brünnhilde"}},
		{"ORG with units, TITLE, photo ignored", card("3.0",
			"FN:Ola Nordmann",
			"ORG:Nordmann AS;Salg;Region Øst",
			"TITLE:Salgssjef",
			"PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a",
			" HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIy"),
			want{name: "Ola Nordmann", company: "Nordmann AS", title: "Salgssjef"}},
		{"2.1 unindented base64 photo then properties", card("2.1",
			"FN:Siri Dahl",
			"PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD",
			"HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL",
			"",
			"EMAIL:siri@example.no"),
			want{name: "Siri Dahl", email: "siri@example.no", emails: []string{"siri@example.no"}}},
		{"email with display name, mailto and tel URIs", card("4.0",
			"FN:Omega",
			`EMAIL:"Omega" <omega@example.com>`,
			"EMAIL:mailto:o2@example.com",
			"TEL;VALUE=uri:tel:+31-20-555-0100;ext=12"),
			want{name: "Omega", email: "omega@example.com", phone: "+31-20-555-0100",
				emails: []string{"omega@example.com", "o2@example.com"}, phones: []string{"+31-20-555-0100"}}},
		{"UTF-8 BOM, LF line ends", "\uFEFFBEGIN:VCARD\nVERSION:3.0\nFN:Jürgen Groß\nEND:VCARD\n",
			want{name: "Jürgen Groß"}},
		{"CR line ends", "BEGIN:VCARD\rVERSION:3.0\rFN:Åsa Öst\rEND:VCARD\r", want{name: "Åsa Öst"}},
		{"CR CR LF line ends with folding", "BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Bob\r\r\n  Smith\r\r\nEND:VCARD\r\r\n",
			want{name: "Bob Smith"}},
		{"UTF-16LE with BOM", utf16(card("3.0", "FN:Małgorzata Żak", "EMAIL:m@zak.example"), unicode.LittleEndian),
			want{name: "Małgorzata Żak", email: "m@zak.example", emails: []string{"m@zak.example"}}},
		{"UTF-16LE without BOM", utf16NoBOM(card("3.0", "FN:Håkon Ås")), want{name: "Håkon Ås"}},
		{"UTF-16BE with BOM", utf16(card("3.0", "FN:Ærø Ødegård"), unicode.BigEndian), want{name: "Ærø Ødegård"}},
		{"Windows-1252 undeclared", card("2.1", "FN:J\xf8rgen S\xf8rensen", "ORG:Kj\xf8benhavn A/S"),
			want{name: "Jørgen Sørensen", company: "Kjøbenhavn A/S"}},
		{"code page declared on another property", card("2.1",
			"FN:\xc2\xb3\xf2\xe0\xeb\xb3\xe9 \xca\xeb\xe8\xf7\xea\xee",
			"LABEL;CHARSET=Windows-1251;QUOTED-PRINTABLE:=CA=E8=BF=E2"),
			want{name: "Віталій Кличко"}},
		{"CHARSET=SHIFT_JIS raw bytes", card("2.1", "FN;CHARSET=SHIFT_JIS:"+shiftJIS("安藤 ロイド")), want{name: "安藤 ロイド"}},
		{"CHARSET=SHIFT_JIS quoted-printable", card("2.1", "N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=88=C0=93=A1;=83=8D=83=43=83=68"),
			want{name: "安藤 ロイド"}},
		{"CHARSET=ISO-8859-2", card("2.1", "FN;CHARSET=ISO-8859-2:\xa3ukasz B\xb3aszczyk"), want{name: "Łukasz Błaszczyk"}},
		{"declared Latin-1 but really UTF-8", card("2.1", "FN;CHARSET=ISO-8859-1:Bj\xc3\xb6rn"), want{name: "Björn"}},
		{"base64 text value", card("3.0", "FN;ENCODING=b:SsO4cmdlbg=="), want{name: "Jørgen"}},
		{"AGENT card is skipped", card("2.1",
			"N:Doe;John",
			"AGENT:BEGIN:VCARD",
			"FN:Jane Assistant",
			"EMAIL:jane@example.com",
			"END:VCARD",
			"EMAIL:john@example.com"),
			want{name: "John Doe", email: "john@example.com", emails: []string{"john@example.com"}}},
		{"empty AGENT card", card("2.1", "FN:Solo", "AGENT:BEGIN:VCARD", "END:VCARD", "TEL:12345"),
			want{name: "Solo", phone: "12345", phones: []string{"12345"}}},
		{"only an email: name from its local part", card("3.0", "EMAIL:j.nowak@example.pl"),
			want{name: "j.nowak", email: "j.nowak@example.pl", emails: []string{"j.nowak@example.pl"}}},
		{"only a phone: no name", card("3.0", "TEL:+47 22 00 00 00"),
			want{phone: "+47 22 00 00 00", phones: []string{"+47 22 00 00 00"}}},
		{"company card", card("3.0", "FN:", "ORG:Blåbær AS", "X-ABShowAs:COMPANY"),
			want{name: "Blåbær AS", company: "Blåbær AS"}},
		{"a phone without digits is no phone", card("4.0", "FN:Gerda", "TEL:Privattelefon"), want{name: "Gerda"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := one(t, tt.in)
			got := want{c.Name, c.Company, c.Title, c.Email, c.Phone, c.Emails, c.Phones}
			if got.name != tt.want.name || got.company != tt.want.company || got.title != tt.want.title ||
				got.email != tt.want.email || got.phone != tt.want.phone ||
				!slices.Equal(got.emails, tt.want.emails) || !slices.Equal(got.phones, tt.want.phones) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestNonASCIINames(t *testing.T) {
	for _, name := range []string{"Søren Kierkegård", "Åse Ørnø", "Björn Östlund", "Łucja Wałęsa", "Jürgen Müller", "山田 太郎", "Ελένη Παπαδοπούλου", "Віталій Кличко"} {
		for _, enc := range []string{"utf8", "qp"} {
			line := "FN:" + name
			if enc == "qp" {
				var b strings.Builder
				for _, c := range []byte(name) {
					b.WriteString("=" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
				}
				line = "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + b.String()
			}
			if got := one(t, card("2.1", line)).Name; got != name {
				t.Errorf("%s %s: got %q", name, enc, got)
			}
		}
	}
}

func TestSeveralCardsAndNumbers(t *testing.T) {
	in := card("3.0", "FN:One", "EMAIL:one@example.com") +
		"\r\n" + card("3.0", "X-SOMETHING:only custom data") + // no name, email or phone
		card("2.1", "N:Three;Card") +
		"BEGIN:VCARD\r\nEND:VCARD\r\n" + // empty
		"BEGIN:VCARD\r\nVERSION:3.0\r\nKIND:group\r\nFN:Team\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Six no end\r\n" + // followed by a new BEGIN
		card("3.0", "FN:Seven") +
		"BEGIN:VCARD\nVERSION:3.0\nFN:Eight cut at EOF\nEMAIL:eight@exa"
	res := parseString(t, in)
	var names []string
	var nums []int
	for _, c := range res.Cards {
		names = append(names, c.Name)
		nums = append(nums, c.Number)
	}
	if want := []string{"One", "Card Three", "Six no end", "Seven", "Eight cut at EOF"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	if want := []int{1, 3, 6, 7, 8}; !slices.Equal(nums, want) {
		t.Errorf("numbers %v, want %v", nums, want)
	}
	type brief struct {
		Number int
		Reason string
		Code   Code
	}
	wantFail := []brief{
		{2, "card 2 has no name, email or phone", CodeNoContact},
		{4, "card 4 is empty", CodeEmpty},
		{5, "card 5 is a contact group, not a person", CodeGroup},
	}
	var gotFail []brief
	for _, f := range res.Failures {
		gotFail = append(gotFail, brief{f.Number, f.Reason, f.Code})
		if f.Msg.String() != f.Reason || f.Msg.Data["Number"] != f.Number {
			t.Errorf("failure %d: message %q %v, reason %q", f.Number, f.Msg.String(), f.Msg.Data, f.Reason)
		}
	}
	if !slices.Equal(gotFail, wantFail) {
		t.Errorf("failures %v, want %v", gotFail, wantFail)
	}
	if got := res.Cards[4].Email; got != "eight@exa" {
		t.Errorf("card cut at EOF: email %q", got)
	}
	var warned []int
	for _, w := range res.Warnings {
		warned = append(warned, w.Number)
		if strings.Contains(w.Reason, "Six") || strings.Contains(w.Reason, "Eight") {
			t.Errorf("warning repeats card content: %q", w.Reason)
		}
	}
	if !slices.Equal(warned, []int{6, 8}) {
		t.Errorf("warnings for cards %v, want [6 8] (missing END)", warned)
	}
}

func TestBrokenCardAmongGoodOnes(t *testing.T) {
	// Card 2 has an unterminated quoted parameter, a property name that is
	// no name, a lone QP soft break, and nothing usable.
	in := card("3.0", "FN:Good One") +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nN;TYPE=\"broken:\r\n@@@:x\r\nNOTE;ENCODING=QUOTED-PRINTABLE:=\r\nEND:VCARD\r\n" +
		card("3.0", "FN:Good Three")
	res := parseString(t, in)
	if len(res.Cards) != 2 || res.Cards[0].Number != 1 || res.Cards[1].Number != 3 || res.Cards[1].Name != "Good Three" {
		t.Fatalf("cards %+v", res.Cards)
	}
	if len(res.Failures) != 1 || res.Failures[0].Number != 2 || res.Failures[0].Reason != "card 2 has no name, email or phone" {
		t.Errorf("failures %v, want card 2 without name, email or phone", res.Failures)
	}
}

func TestMissingBeginAndEnd(t *testing.T) {
	res := parseString(t, "VERSION:3.0\nFN:No Begin\nEND:VCARD\nBEGIN:VCARD\nFN:No End\n")
	if len(res.Cards) != 2 || res.Cards[0].Name != "No Begin" || res.Cards[1].Name != "No End" || res.Cards[1].Number != 2 {
		t.Fatalf("cards %+v", res.Cards)
	}
	// A truncated "END:VCARD" stub is not read as part of a value.
	c := one(t, "BEGIN:VCARD\nVERSION:3.0\nFN:Frank\nTEL:+1 919 676 9564\nE")
	if c.Phone != "+1 919 676 9564" {
		t.Errorf("phone %q", c.Phone)
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\uFEFF", "\r\n\r\n", "just some text\n"} {
		res := parseString(t, in)
		if len(res.Cards)+len(res.Failures) != 0 {
			t.Errorf("%q: %+v", in, res)
		}
	}
}

func TestProspect(t *testing.T) {
	c := Card{Number: 3, Name: "Jørgen Hansen", Company: "Hansen ApS", Title: "CEO",
		Email: "JH@Hansen.dk", Phone: "+45 33 12 34 56", Emails: []string{"JH@Hansen.dk"}, Phones: []string{"+45 33 12 34 56"}}
	p := c.Prospect(consent.SourceCard, " Hannover Messe 2026 ")
	if p.Name != c.Name || p.Company != c.Company || p.Title != c.Title || p.Email != c.Email || p.Phone != c.Phone ||
		p.Source != consent.SourceCard || p.Event != "Hannover Messe 2026" || p.ID != 0 {
		t.Errorf("prospect %+v", p)
	}
	if err := p.Normalize("DK"); err != nil || p.Email != "jh@hansen.dk" || p.Phone != "+4533123456" {
		t.Errorf("normalised %+v, %v", p, err)
	}
}
