package cardscan

import (
	"image"
	"image/color"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func TestParseQRText(t *testing.T) {
	tests := []struct {
		name, text string
		want       qrContact
		ok         bool
	}{
		{"vCard 3.0 with work, cell and fax numbers",
			"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bråten;Jørgen;;;\r\nFN:Jørgen Bråten\r\nORG:Fjord\\; Kraft AS\r\nTITLE:Daglig leder\r\n" +
				"EMAIL;TYPE=INTERNET:jorgen@fjordkraft.no\r\nTEL;TYPE=WORK,VOICE:+47 22 12 34 56\r\nTEL;TYPE=CELL:+47 912 34 567\r\n" +
				"TEL;TYPE=FAX:+47 22 12 34 57\r\nURL:https://fjordkraft.no\r\nADR;TYPE=WORK:;;Storgata 1;Oslo;;0155;Norway\r\nEND:VCARD\r\n",
			qrContact{Name: "Jørgen Bråten", Title: "Daglig leder", Company: "Fjord; Kraft AS", Email: "jorgen@fjordkraft.no",
				Web: "https://fjordkraft.no", Address: "Storgata 1, 0155 Oslo, Norway",
				Phone: "+47 22 12 34 56", Mobile: "+47 912 34 567", Fax: "+47 22 12 34 57"}, true},
		{"vCard 4.0 without FN: the name from N", "BEGIN:VCARD\nVERSION:4.0\nN:Schäfer;Käthe;;Dr.;\nEMAIL:k@alpen.de\nEND:VCARD\n",
			qrContact{Name: "Dr. Käthe Schäfer", Email: "k@alpen.de"}, true},
		{"MeCard with escapes", `MECARD:N:van den Berg,Daan;ORG:Polder\; Advies B.V.;TEL:+31201234567;EMAIL:daan@polder.nl;URL:http\://polder.nl;TITLE:Directeur;;`,
			qrContact{Name: "Daan van den Berg", Company: "Polder; Advies B.V.", Phone: "+31201234567", Email: "daan@polder.nl",
				Web: "http://polder.nl", Title: "Directeur"}, true},
		{"a web link is no contact", "https://example.com/card", qrContact{}, false},
		{"a broken vCard", "BEGIN:VCARD\nthis is not a property\n", qrContact{}, false},
		{"an empty MeCard", "MECARD:;;", qrContact{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseQRText(tt.text)
			if ok != tt.ok || got != tt.want {
				t.Errorf("got %+v %v\nwant %+v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// A code drawn, turned a little and read back: the reader finds it in an
// image and reports where it is.
func TestReadQRFromImage(t *testing.T) {
	text := "MECARD:N:Öberg,Åsa;TEL:+46812345678;EMAIL:asa@norrsken.se;;"
	m, err := qrcode.NewQRCodeWriter().Encode(text, gozxing.BarcodeFormat_QR_CODE, 240, 240,
		map[gozxing.EncodeHintType]interface{}{gozxing.EncodeHintType_CHARACTER_SET: "UTF-8"})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewGray(image.Rect(0, 0, 600, 400))
	for i := range img.Pix {
		img.Pix[i] = 235
	}
	for y := 0; y < 240; y++ {
		for x := 0; x < 240; x++ {
			if m.Get(x, y) {
				img.SetGray(300+x+y/20, 100+y, color.Gray{20}) // sheared a little
			}
		}
	}
	got, box, ok := readQRGray(img)
	if !ok || got.Name != "Åsa Öberg" || got.Phone != "+46812345678" || got.Email != "asa@norrsken.se" {
		t.Fatalf("read %+v %v", got, ok)
	}
	if !box.Overlaps(image.Rect(300, 100, 552, 340)) || box.Dx() < 200 {
		t.Errorf("box %v, want about (300,100)-(552,340)", box)
	}
	if _, _, ok := readQRGray(image.NewGray(image.Rect(0, 0, 100, 100))); ok {
		t.Error("a blank image read as a QR code")
	}
}
