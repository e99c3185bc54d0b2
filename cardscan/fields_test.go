package cardscan

import (
	"image"
	"strings"
	"testing"
)

// cardLine is one printed line for a test card: its text, the height of
// its type in pixels and its top edge.
type cardLine struct {
	text string
	h, y int
}

// wordsOf lays lines out as an OCR returns them: one Word per word, boxes
// left to right at 0.55 of the height per character.
func wordsOf(lines ...cardLine) []Word {
	var ws []Word
	for _, l := range lines {
		x := 60
		for _, w := range strings.Fields(l.text) {
			wd := len([]rune(w)) * l.h * 55 / 100
			ws = append(ws, Word{Text: w, Box: image.Rect(x, l.y, x+wd, l.y+l.h), Conf: 0.93})
			x += wd + l.h/3
		}
	}
	return ws
}

func TestExtractFields(t *testing.T) {
	type want struct{ name, title, company, email, phone, mobile, fax, web string }
	tests := []struct {
		name    string
		country string
		lines   []cardLine
		want    want
	}{
		{"Norwegian card, labels and a fax", "NO", []cardLine{
			{"Fjord Energi AS", 40, 50}, {"Jørgen Bråten", 60, 200}, {"Daglig leder", 32, 275},
			{"Tlf: +47 22 12 34 56", 28, 380}, {"Mob: +47 912 34 567", 28, 420}, {"Faks: +47 22 12 34 57", 28, 460},
			{"jorgen.braten@fjordenergi.no", 28, 500}, {"www.fjordenergi.no", 28, 540},
		}, want{"Jørgen Bråten", "Daglig leder", "Fjord Energi AS", "jorgen.braten@fjordenergi.no",
			"+4722123456", "+4791234567", "+4722123457", "www.fjordenergi.no"}},
		{"German card, Telefon and Mobil, GmbH", "DE", []cardLine{
			{"Jürgen Müller", 56, 60}, {"Geschäftsführer", 30, 130}, {"Telefon +49 30 12345678", 28, 400},
			{"Mobil +49 151 23456789", 28, 440}, {"E-Mail: j.mueller@isartechnik.de", 28, 480}, {"Isar Technik GmbH", 40, 560},
		}, want{"Jürgen Müller", "Geschäftsführer", "Isar Technik GmbH", "j.mueller@isartechnik.de",
			"+493012345678", "+4915123456789", "", ""}},
		{"Dutch national numbers read with the country setting", "NL", []cardLine{
			{"Polder Advies B.V.", 40, 50}, {"Daan de Vries", 58, 180}, {"Accountmanager", 30, 250},
			{"T 020 123 4567", 28, 400}, {"M 06-12345678", 28, 440}, {"daan@polderadvies.nl", 28, 480},
		}, want{"Daan de Vries", "Accountmanager", "Polder Advies B.V.", "daan@polderadvies.nl",
			"+31201234567", "+31612345678", "", ""}},
		{"only a mobile: it is the number to call; a fax alone is not", "GB", []cardLine{
			{"Emily Clarke", 58, 80}, {"Sales Director", 30, 150}, {"Mersey Logistics Ltd", 40, 230},
			{"Fax +44 20 7946 0001", 28, 440}, {"Mobile +44 7911 123456", 28, 480}, {"e.clarke@merseylogistics.co.uk", 28, 520},
		}, want{"Emily Clarke", "Sales Director", "Mersey Logistics Ltd", "e.clarke@merseylogistics.co.uk",
			"+447911123456", "+447911123456", "+442079460001", ""}},
		{"no labels: the number plan tells the mobile", "SE", []cardLine{
			{"Åsa Öberg", 60, 80}, {"Inköpschef", 30, 150}, {"Norrsken Data AB", 40, 230},
			{"+46 8 123 456 78", 28, 440}, {"+46 70 123 45 67", 28, 480}, {"asa.oberg@norrskendata.se", 28, 520},
		}, want{"Åsa Öberg", "Inköpschef", "Norrsken Data AB", "asa.oberg@norrskendata.se",
			"+46812345678", "+46701234567", "", ""}},
		{"a dot the OCR lost in small type is put back", "NO", []cardLine{
			{"Marit Vik", 58, 80}, {"Salgssjef", 30, 150}, {"Bølge Data ASA", 40, 230},
			{"E-mail: marit vik@bolgedata.no", 24, 480},
		}, want{"Marit Vik", "Salgssjef", "Bølge Data ASA", "marit.vik@bolgedata.no", "", "", "", ""}},
		{"a misread letter in the email mended from the web address", "NL", []cardLine{
			{"Sanne Smit", 58, 80}, {"Adviseur", 30, 150}, {"Kempen Bouw BV", 40, 230},
			{"sanne.smit@kempenbouw.nt", 26, 480}, {"www.kempenbouw.nl", 26, 520},
		}, want{"Sanne Smit", "Adviseur", "Kempen Bouw BV", "sanne.smit@kempenbouw.nl", "", "", "", "www.kempenbouw.nl"}},
		{"the name is the line matching the email, not the larger company logo", "DE", []cardLine{
			{"ALPEN ANLAGENBAU", 70, 40}, {"Käthe Schäfer", 50, 200}, {"Projektleiter", 30, 265},
			{"k.schafer@alpenanlagenbau.de", 28, 480},
		}, want{"Käthe Schäfer", "Projektleiter", "ALPEN ANLAGENBAU", "k.schafer@alpenanlagenbau.de", "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ExtractFields(wordsOf(tt.lines...), tt.country)
			got := want{c.Name.Value, c.Title.Value, c.Company.Value, c.Email.Value, c.Phone.Value, c.Mobile.Value, c.Fax.Value, c.Web.Value}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			for n, f := range map[string]Field{"name": c.Name, "title": c.Title, "company": c.Company, "email": c.Email, "phone": c.Phone} {
				if (f.Value == "") != (f.Confidence == 0) || f.Confidence < 0 || f.Confidence > 1 {
					t.Errorf("%s %q has confidence %v", n, f.Value, f.Confidence)
				}
			}
		})
	}
}

// A fax number never becomes the phone, whatever the order on the card.
func TestFaxIsNotThePhone(t *testing.T) {
	c := ExtractFields(wordsOf(cardLine{"Fax: +31 20 123 4567", 28, 100}, cardLine{"Tel: +31 20 765 4321", 28, 140}), "NL")
	if c.Phone.Value != "+31207654321" || c.Fax.Value != "+31201234567" {
		t.Errorf("phone %q fax %q", c.Phone.Value, c.Fax.Value)
	}
	c = ExtractFields(wordsOf(cardLine{"F +31 20 123 4567", 28, 100}), "NL")
	if c.Phone.Value != "" {
		t.Errorf("a card with only a fax has phone %q", c.Phone.Value)
	}
}

// A national number without the country setting is kept as printed, with
// a low confidence.
func TestNationalNumberWithoutCountry(t *testing.T) {
	c := ExtractFields(wordsOf(cardLine{"Tel 020 123 4567", 28, 100}), "")
	if c.Phone.Value != "020 123 4567" || c.Phone.Confidence >= LowConfidence {
		t.Errorf("phone %+v, want it as printed and under LowConfidence", c.Phone)
	}
}

// Words of two columns at one height stay apart; words of one line join.
func TestGroupLines(t *testing.T) {
	ws := []Word{
		{Text: "Tel", Box: image.Rect(60, 100, 100, 128)}, {Text: "+47", Box: image.Rect(110, 100, 160, 128)},
		{Text: "www.x.no", Box: image.Rect(700, 102, 900, 128)},
		{Text: "Next", Box: image.Rect(60, 150, 120, 178)},
	}
	var got []string
	for _, l := range groupLines(ws) {
		got = append(got, l.Text)
	}
	if strings.Join(got, "|") != "Tel +47|www.x.no|Next" {
		t.Errorf("lines %q", got)
	}
}
