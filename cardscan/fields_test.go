package cardscan

import (
	"image"
	"strconv"
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

// card lays out a test card written one line per printed line, each
// "HEIGHT text", top to bottom.
func card(spec string) []Word {
	var lines []cardLine
	y := 40
	for _, l := range strings.Split(strings.TrimSpace(spec), "\n") {
		h, text, _ := strings.Cut(strings.TrimSpace(l), " ")
		px, _ := strconv.Atoi(h)
		lines = append(lines, cardLine{text, px, y})
		y += px * 3 / 2
	}
	return wordsOf(lines...)
}

// Each case: the country setting, the card, and what is read as
// name|title|company|email|phone|mobile|fax|web.
func TestExtractFields(t *testing.T) {
	tests := []struct{ name, country, card, want string }{
		{"Norwegian card, labels and a fax", "NO", `
			40 Fjord Energi AS
			60 Jørgen Bråten
			32 Daglig leder
			28 Tlf: +47 22 12 34 56
			28 Mob: +47 912 34 567
			28 Faks: +47 22 12 34 57
			28 jorgen.braten@fjordenergi.no
			28 www.fjordenergi.no`,
			"Jørgen Bråten|Daglig leder|Fjord Energi AS|jorgen.braten@fjordenergi.no|+4722123456|+4791234567|+4722123457|www.fjordenergi.no"},
		{"German card, Telefon and Mobil, GmbH, ü written out in the email", "DE", `
			56 Jürgen Müller
			30 Geschäftsführer
			28 Telefon +49 30 12345678
			28 Mobil +49 151 23456789
			28 E-Mail: j.mueller@isartechnik.de
			40 Isar Technik GmbH`,
			"Jürgen Müller|Geschäftsführer|Isar Technik GmbH|j.mueller@isartechnik.de|+493012345678|+4915123456789||"},
		{"Dutch national numbers read with the country setting", "NL", `
			40 Polder Advies B.V.
			58 Daan de Vries
			30 Accountmanager
			28 T 020 123 4567
			28 M 06-12345678
			28 daan@polderadvies.nl`,
			"Daan de Vries|Accountmanager|Polder Advies B.V.|daan@polderadvies.nl|+31201234567|+31612345678||"},
		{"only a mobile: it is the number to call; the fax is not", "GB", `
			58 Emily Clarke
			30 Sales Director
			40 Mersey Logistics Ltd
			28 Fax +44 20 7946 0001
			28 Mobile +44 7911 123456
			28 e.clarke@merseylogistics.co.uk`,
			"Emily Clarke|Sales Director|Mersey Logistics Ltd|e.clarke@merseylogistics.co.uk|+447911123456|+447911123456|+442079460001|"},
		{"no labels: the number plan tells the mobile", "SE", `
			60 Åsa Öberg
			30 Inköpschef
			40 Norrsken Data AB
			28 +46 8 123 456 78
			28 +46 70 123 45 67
			28 asa.oberg@norrskendata.se`,
			"Åsa Öberg|Inköpschef|Norrsken Data AB|asa.oberg@norrskendata.se|+46812345678|+46701234567||"},
		{"a dot the OCR lost in small type is put back", "NO", `
			58 Marit Vik
			30 Salgssjef
			40 Bølge Data ASA
			24 E-mail: marit vik@bolgedata.no`,
			"Marit Vik|Salgssjef|Bølge Data ASA|marit.vik@bolgedata.no||||"},
		{"a misread letter in the email mended from the web address", "NL", `
			58 Sanne Smit
			30 Adviseur
			40 Kempen Bouw BV
			26 sanne.smit@kempenbouw.nt
			26 www.kempenbouw.nl`,
			"Sanne Smit|Adviseur|Kempen Bouw BV|sanne.smit@kempenbouw.nl||||www.kempenbouw.nl"},
		{"the name is the line matching the email, not the larger logo", "DE", `
			70 ALPEN ANLAGENBAU
			50 Käthe Schäfer
			30 Projektleiter
			28 k.schafer@alpenanlagenbau.de`,
			"Käthe Schäfer|Projektleiter|ALPEN ANLAGENBAU|k.schafer@alpenanlagenbau.de||||"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ExtractFields(card(tt.card), tt.country)
			fs := []Field{c.Name, c.Title, c.Company, c.Email, c.Phone, c.Mobile, c.Fax, c.Web}
			var got []string
			for _, f := range fs {
				got = append(got, f.Value)
				if (f.Value == "") != (f.Confidence == 0) || f.Confidence < 0 || f.Confidence > 1 {
					t.Errorf("%q has confidence %v", f.Value, f.Confidence)
				}
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
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
