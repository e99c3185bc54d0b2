package vcardin

import (
	"bytes"
	"fmt"
	"testing"
	"warmlead/consent/vcardin/vcardtest"

	"github.com/emersion/go-vcard"
)

// tenThousandCards is a 3.0 file of 10,000 cards with non-ASCII names,
// two emails, two phones, ORG and TITLE each: a large CRM export.
func tenThousandCards() []byte {
	given := []string{"Jørgen", "Åsa", "Björn", "Łukasz", "Jürgen", "太郎", "Zoë", "Ségolène"}
	family := []string{"Sørensen", "Öberg", "Wałęsa", "Müller", "山田", "Dupré", "Nordmann", "Kowalski"}
	var b bytes.Buffer
	for i := range 10_000 {
		g, f := given[i%len(given)], family[(i/len(given))%len(family)]
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:%s;%s;;;\r\nFN:%s %s\r\nORG:Firma %d AS;Salg\r\nTITLE:Innkjøpssjef\r\n", f, g, g, f, i)
		fmt.Fprintf(&b, "EMAIL;TYPE=INTERNET,HOME:person%d@home.example\r\nEMAIL;TYPE=INTERNET,WORK:person%d@firma.example\r\n", i, i)
		fmt.Fprintf(&b, "TEL;TYPE=CELL:+47 400 %05d\r\nTEL;TYPE=WORK,VOICE:+47 22 %06d\r\nEND:VCARD\r\n", i, i)
	}
	return b.Bytes()
}

func BenchmarkParse10k(b *testing.B) {
	data := tenThousandCards()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Parse(bytes.NewReader(data), DefaultLimits())
		if err != nil || len(res.Cards) != 10_000 {
			b.Fatalf("err %v, %d cards", err, len(res.Cards))
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "cards/s")
}

// BenchmarkRawDecode10k is go-vcard's own Decoder over the same file: the
// floor Parse's overhead is measured against.
func BenchmarkRawDecode10k(b *testing.B) {
	data := tenThousandCards()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := vcardtest.RawDecode(b, data, func(c vcard.Card) { _ = c.PreferredValue(vcard.FieldEmail) })
		if n != 10_000 {
			b.Fatalf("%d cards", n)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "cards/s")
}
