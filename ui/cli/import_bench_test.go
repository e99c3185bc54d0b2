package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"warmlead/consent"
	"warmlead/consent/vcardin/vcardtest"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// cardsFile generates n vCard 3.0 business cards with European names,
// emails and phones, as a trade-fair export would hold.
func cardsFile(n int) []byte {
	first := []string{"Jørgen", "Åsa", "Łukasz", "Anna-Maria", "Pieter", "Sœren", "Zoë", "Müller", "Ingrid", "Björn"}
	last := []string{"Ångström", "Żółw", "de Vries", "Schüller", "Ødegård", "Lindqvist", "van den Berg", "Kowalski"}
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		f, l := first[i%len(first)], last[(i/len(first))%len(last)]
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:%s;%s;;;\r\nFN:%s %s %d\r\nORG:Firma %d AS;Sales\r\nTITLE:Inkoper\r\n"+
			"EMAIL;TYPE=WORK:person%d@firma%d.example\r\nTEL;TYPE=WORK,VOICE:+31 20 %03d %04d\r\nEND:VCARD\r\n",
			l, f, f, l, i, i%997, i, i%997, i/10000, i%10000)
	}
	return b.Bytes()
}

// benchImport times what warmlead import does with one file, through the
// use case the command and the window call: read the file, parse,
// normalise (a number that does not read is kept as written), dedupe,
// seal, commit.
func benchImport(b *testing.B, n int) {
	data := cardsFile(n)
	path := filepath.Join(b.TempDir(), "cards.vcf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Create(filepath.Join(b.TempDir(), "w.db"), []byte("benchmark passphrase"), consent.DefaultSettings(), store.Options{KDF: store.FastKDF()})
		if err != nil {
			b.Fatal(err)
		}
		app := usecase.New(db, usecase.Env{Rep: func() string { return "Bench" }})
		b.StartTimer()
		res, err := app.Imports.Import([]string{path}, usecase.ImportOptions{Event: "Bench Expo", Country: "NL"})
		if err != nil || res.Summary.Imported != n {
			b.Fatalf("%s %v", res.Summary.Line(), err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cards/s")
}

// The raw rate of the library underneath: go-vcard decoding the same bytes.
func benchRawDecode(b *testing.B, n int) {
	data := cardsFile(n)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if count := vcardtest.RawDecode(b, data, nil); count != n {
			b.Fatalf("decoded %d", count)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cards/s")
}

func BenchmarkImport10k(b *testing.B)     { benchImport(b, 10_000) }
func BenchmarkImport100k(b *testing.B)    { benchImport(b, 100_000) }
func BenchmarkRawDecode10k(b *testing.B)  { benchRawDecode(b, 10_000) }
func BenchmarkRawDecode100k(b *testing.B) { benchRawDecode(b, 100_000) }
