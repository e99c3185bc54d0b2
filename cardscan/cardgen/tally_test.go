package cardgen

import (
	"strings"
	"testing"
)

func TestTally(t *testing.T) {
	qr := Truth{File: "a.jpg", Name: "Åsa Öberg", Company: "Nord AB", Email: "asa@nord.se", Phone: "+46812345678", QR: "vcard"}
	plain := Truth{File: "b.jpg", Name: "Jan de Vries", Title: "Inkoper", Email: "jan@vries.nl", Phone: "+31201234567"}
	var y Tally
	y.Add(qr, map[string]string{"name": "ÅSA ÖBERG", "company": "Nord AB,", "email": "asa@nord.se", "phone": "+46 8 12 34 56 78"})
	y.Add(plain, map[string]string{"name": "Jan de Vries", "title": "lnkoper", "email": "jan@vries.nl", "phone": ""})
	if y.Cards != 2 || y.Rate("name") != 1 || y.Rate("title") != 0 || y.Rate("phone") != 0.5 || y.Total["company"] != 1 {
		t.Fatalf("tally %s", y.String())
	}
	if y.QRCards != 1 || y.QRRight != 1 || len(y.Misses) != 2 {
		t.Fatalf("QR %d/%d, misses %q", y.QRRight, y.QRCards, y.Misses)
	}
	short := y.Short(Floors)
	if len(short) != 2 || !strings.HasPrefix(short[0], "title: 0 of 1") || !strings.HasPrefix(short[1], "phone: 1 of 2") {
		t.Fatalf("short %q", short)
	}
	// A QR card with a wrong field fails the tally whatever the rates.
	y.Add(qr, map[string]string{"name": "Asa Oberg", "company": "Nord AB", "email": "asa@nord.se", "phone": "+46812345678"})
	if s := y.Short(map[string]float64{}); len(s) != 1 || !strings.HasPrefix(s[0], "cards with a QR code: 1 of 2") {
		t.Fatalf("short %q", s)
	}
}
