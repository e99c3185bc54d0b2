package consent

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestParseDNC(t *testing.T) {
	long := strings.Repeat("9", DNCMaxLine+1)
	cases := []struct {
		name    string
		in      string
		region  string
		numbers []string
		bad     []DNCBadLine
		lines   int
		dups    int
		column  string
	}{
		{
			name:    "one per line, mixed formats, comments, duplicates",
			in:      "# Bel-me-niet export\n020 555 0100\n\n+31 20 555 0101\n0031205550102\nnot a number\n020-5550100\n0205550103 # old entry\n",
			region:  "NL",
			numbers: []string{"+31205550100", "+31205550101", "+31205550102", "+31205550103"},
			bad:     []DNCBadLine{{6, dncNotPhone}},
			lines:   8, dups: 1,
		},
		{
			name:    "BOM, CRLF and no final newline",
			in:      "\uFEFF0612345678\r\n+31 6 12345679\r\n\r\n0612345680",
			region:  "NL",
			numbers: []string{"+31612345678", "+31612345679", "+31612345680"},
			lines:   4,
		},
		{
			name:    "comma CSV with quotes",
			in:      "Name,Phone,City\n\"de Vries, Jan\",\"+31 20 555 0100\",Amsterdam\nPiet,020 555 0101,\"Den \"\"Haag\"\"\"\n",
			region:  "NL",
			numbers: []string{"+31205550100", "+31205550101"},
			lines:   3, column: "Phone",
		},
		{
			name:    "semicolon CSV, Dutch header, customer number not mistaken for the phone",
			in:      "klantnummer;naam;telefoonnummer\n1001;Jan;020 555 0100\n1002;Piet;\n1003;Kees\n1004;\"open;020 555 0102\n1005;Els;0205550103\n",
			region:  "NL",
			numbers: []string{"+31205550100", "+31205550103"},
			bad:     []DNCBadLine{{3, dncNoColumn}, {4, dncNoColumn}, {5, dncQuotes}},
			lines:   6, column: "telefoonnummer",
		},
		{
			name:    "Norwegian register, Telefon column",
			in:      "Telefon;Reservert dato\n22 33 44 55;2026-01-01\n+47 915 55 555;2026-01-02\n",
			region:  "NO",
			numbers: []string{"+4722334455", "+4791555555"},
			lines:   3, column: "Telefon",
		},
		{
			name:    "Swedish NIX numbers",
			in:      "08-123 456 78\n070-123 45 67\n",
			region:  "SE",
			numbers: []string{"+46812345678", "+46701234567"},
			lines:   2,
		},
		{
			name:    "a line over 64 KB is skipped, the rest is read",
			in:      "0205550100\n" + long + "\n0205550101\n" + long,
			region:  "NL",
			numbers: []string{"+31205550100", "+31205550101"},
			bad:     []DNCBadLine{{2, dncTooLong}, {4, dncTooLong}},
			lines:   4,
		},
		{
			name:    "a field too long for a phone number",
			in:      "0205550100\n" + strings.Repeat("1 ", 40) + "\n",
			region:  "NL",
			numbers: []string{"+31205550100"},
			bad:     []DNCBadLine{{2, dncLongField}},
			lines:   2,
		},
		{
			name:    "empty region reads Dutch numbers",
			in:      "020 555 0100\n",
			numbers: []string{"+31205550100"},
			lines:   1,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ParseDNC(strings.NewReader(c.in), c.region)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(f.Numbers, c.numbers) {
				t.Errorf("numbers = %v, want %v", f.Numbers, c.numbers)
			}
			if !slices.Equal(f.Bad, c.bad) {
				t.Errorf("bad = %v, want %v", f.Bad, c.bad)
			}
			if f.Lines != c.lines || f.Duplicates != c.dups || f.Column != c.column {
				t.Errorf("lines %d dups %d column %q, want %d %d %q", f.Lines, f.Duplicates, f.Column, c.lines, c.dups, c.column)
			}
		})
	}
}

func TestParseDNCErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", "no phone numbers"},
		{"only comments", "# nothing\n\n", "no phone numbers"},
		{"no valid number", "hello\nworld\n", "line 1, not a phone number"},
		{"CSV without a phone column", "name;city\nJan;Utrecht\n", "no column is named phone"},
		{"header only", "Name,Phone\n", "no phone numbers"},
	} {
		f, err := ParseDNC(strings.NewReader(c.in), "NL")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
		if strings.Contains(c.want, "no phone") && !errors.Is(err, ErrNoDNCNumbers) {
			t.Errorf("%s: err does not wrap ErrNoDNCNumbers", c.name)
		}
		if len(f.Numbers) != 0 {
			t.Errorf("%s: numbers %v with an error", c.name, f.Numbers)
		}
	}
}

// The reasons reach screens and terminals; they must not repeat the line,
// which could be someone's phone number: only the fixed texts are allowed.
func TestParseDNCReasonsQuoteNothing(t *testing.T) {
	in := "phone;name\n0205550100;a\n12;b\n\"0205550199;c\n" + strings.Repeat("0612345678", 10) + ";d\nx;" + strings.Repeat("0", DNCMaxLine) + "\n;e\n"
	f, err := ParseDNC(strings.NewReader(in), "NL")
	if err != nil {
		t.Fatal(err)
	}
	want := []DNCBadLine{{3, dncNotPhone}, {4, dncQuotes}, {5, dncLongField}, {6, dncTooLong}, {7, dncNoColumn}}
	if !slices.Equal(f.Bad, want) {
		t.Fatalf("bad = %v, want %v", f.Bad, want)
	}
	fixed := []string{dncNotPhone, dncTooLong, dncLongField, dncNoColumn, dncQuotes}
	for _, b := range f.Bad {
		if !slices.Contains(fixed, b.Reason) || strings.ContainsFunc(strings.TrimSuffix(b.Reason, "64 KB"), unicode.IsDigit) {
			t.Errorf("line %d: reason %q is not one of the fixed texts", b.Line, b.Reason)
		}
	}
}

func TestParseDNCManyLinesKeepsOrder(t *testing.T) {
	// Enough lines for the parallel path; order and line numbers must hold.
	var b bytes.Buffer
	for i := range 10000 {
		if i%1000 == 999 {
			b.WriteString("garbage\n")
			continue
		}
		fmt.Fprintf(&b, "06%08d\n", i)
	}
	f, err := ParseDNC(&b, "NL")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Numbers) != 9990 || len(f.Bad) != 10 || f.Lines != 10000 {
		t.Fatalf("numbers %d bad %d lines %d", len(f.Numbers), len(f.Bad), f.Lines)
	}
	if f.Numbers[0] != "+31600000000" || f.Numbers[len(f.Numbers)-1] != "+31600009998" {
		t.Errorf("order lost: first %s last %s", f.Numbers[0], f.Numbers[len(f.Numbers)-1])
	}
	for i, bl := range f.Bad {
		if bl.Line != (i+1)*1000 {
			t.Errorf("bad[%d] at line %d, want %d", i, bl.Line, (i+1)*1000)
		}
	}
}

func FuzzParseDNC(f *testing.F) {
	f.Add([]byte("020 555 0100\n+31 20 555 0101\n# c\n\nx\n"), "NL")
	f.Add([]byte("\uFEFFName;Telefon\r\n\"a;b\";22 33 44 55\r\n"), "NO")
	f.Add([]byte("phone,x\n\"\"\"0205550100\",1\n"), "NL")
	f.Add([]byte("08-123 456 78"), "SE")
	f.Fuzz(func(t *testing.T, in []byte, region string) {
		res, err := ParseDNC(bytes.NewReader(in), region)
		if err == nil && len(res.Numbers) == 0 {
			t.Fatal("no error but no numbers")
		}
		seen := map[string]bool{}
		for _, n := range res.Numbers {
			if !strings.HasPrefix(n, "+") || seen[n] {
				t.Fatalf("number %q not E.164 or repeated", n)
			}
			seen[n] = true
		}
		last := 0
		for _, b := range res.Bad {
			if b.Line < last || b.Line < 1 || b.Line > res.Lines {
				t.Fatalf("bad line %d out of order or range (lines %d)", b.Line, res.Lines)
			}
			last = b.Line
		}
		if len(res.Numbers)+len(res.Bad)+res.Duplicates > res.Lines {
			t.Fatalf("more results than lines: %+v", res)
		}
	})
}

// BenchmarkParseDNC1M parses a register of a million Dutch numbers in mixed
// formats, the size of a real Bel-me-niet export, and reports the speed of
// the phone library alone beside it.
func BenchmarkParseDNC1M(b *testing.B) {
	const n = 1_000_000
	var buf bytes.Buffer
	buf.Grow(n * 16)
	for i := range n {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&buf, "06%08d\n", i)
		case 1:
			fmt.Fprintf(&buf, "+31 6 %08d\r\n", i)
		default:
			fmt.Fprintf(&buf, "0031 20 %07d\n", i%10_000_000)
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		f, err := ParseDNC(bytes.NewReader(data), "NL")
		if err != nil {
			b.Fatal(err)
		}
		if f.Lines != n || len(f.Bad) != 0 {
			b.Fatalf("lines %d bad %d", f.Lines, len(f.Bad))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkNormalizePhone is the phone library underneath ParseDNC, one
// number per op, for comparison with BenchmarkParseDNC1M's lines/s.
func BenchmarkNormalizePhone(b *testing.B) {
	i := 0
	for b.Loop() {
		if _, err := NormalizePhone(fmt.Sprintf("06%08d", i), "NL"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
