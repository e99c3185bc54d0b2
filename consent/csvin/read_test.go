package csvin

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func mustRead(t *testing.T, data []byte) *Table {
	t.Helper()
	tb, err := Read(strings.NewReader(string(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func utf16Bytes(t *testing.T, s string, e unicode.Endianness) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every encoding Excel, Outlook and form tools write gives the same text.
func TestReadEncodings(t *testing.T) {
	const text = "Name;Företag\r\nJørgen Ångström;Fjord AS\r\n"
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Name;Firma\r\nJürgen Größe;Müller GmbH\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, enc, header, name0 string
		data                     []byte
	}{
		{"utf-8", "UTF-8", "Företag", "Jørgen Ångström", []byte(text)},
		{"utf-8 bom", "UTF-8 (BOM)", "Företag", "Jørgen Ångström", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"utf-16le bom", "UTF-16LE", "Företag", "Jørgen Ångström", utf16Bytes(t, text, unicode.LittleEndian)},
		{"utf-16be bom", "UTF-16BE", "Företag", "Jørgen Ångström", utf16Bytes(t, text, unicode.BigEndian)},
		{"windows-1252", "Windows-1252", "Firma", "Jürgen Größe", cp1252},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := mustRead(t, c.data)
			if tb.Encoding != c.enc || tb.Sep != ';' || len(tb.Header) != 2 || tb.Header[0] != "Name" || tb.Header[1] != c.header {
				t.Fatalf("encoding %q sep %q header %q", tb.Encoding, tb.Sep, tb.Header)
			}
			if len(tb.Rows) != 1 || tb.Rows[0].Fields[0] != c.name0 || tb.Rows[0].Number != 2 {
				t.Fatalf("rows %+v", tb.Rows)
			}
		})
	}
}

func TestReadSeparatorsAndQuotes(t *testing.T) {
	for _, c := range []struct {
		name, data string
		sep        rune
		want       []string // the first row
	}{
		{"comma", "name,company\nAnna,Berg AB\n", ',', []string{"Anna", "Berg AB"}},
		{"semicolon with commas in values", "name;company\n\"Berg, Anna\";Berg AB\n", ';', []string{"Berg, Anna", "Berg AB"}},
		{"tab", "name\tcompany\tphone\nAnna\tBerg, AB\t+46 8 123\n", '\t', []string{"Anna", "Berg, AB", "+46 8 123"}},
		{"quoted line break and quote", "name,note\n\"Anna\",\"line one\nline \"\"two\"\"\"\n", ',', []string{"Anna", "line one\nline \"two\""}},
		{"excel sep line", "sep=;\r\nname;company\r\nAnna;Berg, AB\r\n", ';', []string{"Anna", "Berg, AB"}},
		{"classic mac line ends", "name,company\rAnna,Berg\r", ',', []string{"Anna", "Berg"}},
		{"header with a quoted separator", "\"Name, full\";Company\nAnna;Berg\n", ';', []string{"Anna", "Berg"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := mustRead(t, []byte(c.data))
			if tb.Sep != c.sep || len(tb.Rows) == 0 || strings.Join(tb.Rows[0].Fields, "|") != strings.Join(c.want, "|") {
				t.Fatalf("sep %q rows %+v failures %+v", tb.Sep, tb.Rows, tb.Failures)
			}
		})
	}
}

// A malformed row fails alone, with its number; the rows after it are
// read (an unclosed quote does not swallow the rest of the file).
func TestReadMalformedRowFailsAlone(t *testing.T) {
	data := "name,email\n" +
		"Anna,anna@berg.example\n" + // row 2
		"Bo \"The\" Boss,bo@x.example\n" + // row 3: a bare quote
		"Cy,cy@x.example,extra\n" + // row 4: a field too many
		"\"Di,di@x.example\n" + // row 5: a quote never closed
		"Ed,ed@x.example\n" // row 6
	tb := mustRead(t, []byte(data))
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r.Fields[0])
	}
	if strings.Join(got, ",") != "Anna,Ed" || tb.Rows[1].Number != 6 {
		t.Fatalf("rows %+v", tb.Rows)
	}
	want := []string{"3 malformed", "4 field-count", "5 malformed"}
	if len(tb.Failures) != len(want) {
		t.Fatalf("failures %+v", tb.Failures)
	}
	for i, f := range tb.Failures {
		if got := strconv.Itoa(f.Number) + " " + string(f.Code); got != want[i] {
			t.Errorf("failure %d: %s, want %s", i, got, want[i])
		}
		if strings.Contains(f.Msg.String(), "@") {
			t.Errorf("a failure quotes the row: %s", f.Msg)
		}
	}
	if tb.Rows[0].Line != "Anna,anna@berg.example" || tb.HeaderLine != "name,email" {
		t.Errorf("line %q header %q", tb.Rows[0].Line, tb.HeaderLine)
	}
}

func TestReadLimitsAndEmptyFiles(t *testing.T) {
	if _, err := Read(strings.NewReader(""), Limits{}); !errors.Is(err, ErrNoHeader) {
		t.Errorf("empty file: %v", err)
	}
	if _, err := Read(strings.NewReader("name\n"+strings.Repeat("x\n", 11)), Limits{MaxRows: 10}); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("11 rows over a limit of 10: %v", err)
	}
	if _, err := Read(strings.NewReader(strings.Repeat("x", 2<<20)), Limits{MaxBytes: 1 << 20}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("2 MB over 1 MB: %v", err)
	}
	tb := mustRead(t, []byte("name,,email\n\n  \nAnna,,a@b.example\n"))
	if tb.Header[1] != "#2" || len(tb.Rows) != 1 || tb.Rows[0].Number != 2 || len(tb.Failures) != 0 {
		t.Errorf("header %q rows %+v failures %+v", tb.Header, tb.Rows, tb.Failures)
	}
}

func TestLooks(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{
		{"name,email\nAnna,a@b.example\n", true},
		{"sep=;\nname;email\n", true},
		{"Name\tCompany\n", true},
		{"\xFF\xFEn\x00,\x00m\x00\n\x00", true},
		{"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna, Berg\r\nEND:VCARD\r\n", false},
		{"just some notes\n", false},
		{"", false},
	} {
		if got := Looks([]byte(c.head)); got != c.want {
			t.Errorf("Looks(%q) = %v", c.head, got)
		}
	}
}
