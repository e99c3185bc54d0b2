// Package cardgen makes synthetic business-card photos with known fields,
// for the card reader's tests and benchmark: a card is drawn from a seed
// (names and companies of five countries with their diacritics, layouts,
// fonts, sizes, colours, a QR code or none), then "photographed": turned,
// put in perspective on a desk, blurred, lit unevenly and saved as a JPEG.
// The same seed gives the same photos.
package cardgen

import (
	"math/rand/v2"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Truth is what a generated card says: what a perfect reader returns.
// Phone is the number to call (the landline, or the mobile when the card
// has no landline), all numbers in E.164; Fax is never Phone.
type Truth struct {
	File    string `json:"file"`
	Country string `json:"country"`
	Name    string `json:"name"`
	Title   string `json:"title"`
	Company string `json:"company"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Mobile  string `json:"mobile"`
	Fax     string `json:"fax"`
	Web     string `json:"web"`
	Address string `json:"address"`
	QR      string `json:"qr"` // "", "vcard" or "mecard"
}

// printed is a card's text as laid out: the truth in the card's own
// wording (labels, number formats).
type printed struct {
	Name, Title, Company string
	Contacts             []string // phone, email, web lines
	Address              []string
}

// HomeCountry is the country setting the benchmark's readers use: its
// cards may print national numbers ("020 123 4567").
const HomeCountry = "NL"

func newTruth(r *rand.Rand) (Truth, printed) {
	c := pick(r, countries)
	first, last := pick(r, c.First), pick(r, c.Last)
	stem, sector := pick(r, c.Stems), pick(r, c.Sectors)
	t := Truth{Country: c.Code, Name: first + " " + last, Title: pick(r, c.Titles)}
	t.Company = stem + " " + sector + " " + pick(r, c.Suffix)
	domain := Fold(stem) + Fold(sector) + "." + c.TLD
	switch r.IntN(4) {
	case 0:
		t.Email = Fold(first) + "." + Fold(last) + "@" + domain
	case 1:
		t.Email = Fold(first)[:1] + "." + Fold(last) + "@" + domain
	case 2:
		t.Email = Fold(first) + "@" + domain
	default:
		t.Email = Fold(first) + Fold(last)[:1] + "@" + domain
	}
	if r.IntN(3) > 0 {
		t.Web = "www." + domain
	}
	street := pick(r, c.Streets)
	no := itoa(1 + r.IntN(180))
	town := c.Post(r) + " " + pick(r, c.Towns)
	if c.Code == "GB" {
		town = pick(r, c.Towns) + " " + c.Post(r)
		t.Address = no + " " + street + ", " + town
	} else {
		t.Address = street + " " + no + ", " + town
	}
	p := printed{Name: t.Name, Title: t.Title, Company: t.Company}
	if r.IntN(2) == 0 {
		p.Address = []string{t.Address}
	} else {
		a, b, _ := strings.Cut(t.Address, ", ")
		p.Address = []string{a, b}
	}
	hasTel, hasMob := true, true
	switch r.IntN(5) {
	case 0:
		hasTel = false
	case 1:
		hasMob = false
	}
	format := func(n *phonenumbers.PhoneNumber) string {
		if c.Code == HomeCountry {
			switch r.IntN(3) {
			case 0:
				return phonenumbers.Format(n, phonenumbers.NATIONAL)
			case 1: // the Dutch "(0)" trunk prefix in an international number
				s := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
				a, b, _ := strings.Cut(s, " ")
				return a + " (0)" + b
			}
		}
		return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
	}
	sep := pick(r, []string{": ", " ", ". "})
	label := func(ls []string) string {
		l := pick(r, ls)
		if strings.HasSuffix(l, ".") {
			return l + " "
		}
		return l + sep
	}
	if hasTel {
		n := number(r, c.Code, false)
		t.Phone = phonenumbers.Format(n, phonenumbers.E164)
		p.Contacts = append(p.Contacts, label(c.Tel)+format(n))
	}
	if hasMob {
		n := number(r, c.Code, true)
		t.Mobile = phonenumbers.Format(n, phonenumbers.E164)
		if t.Phone == "" {
			t.Phone = t.Mobile
		}
		p.Contacts = append(p.Contacts, label(c.Mob)+format(n))
	}
	if r.IntN(4) == 0 {
		n := number(r, c.Code, false)
		t.Fax = phonenumbers.Format(n, phonenumbers.E164)
		p.Contacts = append(p.Contacts, label(c.Fax)+format(n))
	}
	p.Contacts = append(p.Contacts, pick(r, []string{"", "", "E-mail: ", "E: ", "Mail: "})+t.Email)
	if t.Web != "" {
		p.Contacts = append(p.Contacts, t.Web)
	}
	switch r.IntN(10) {
	case 0, 1, 2:
		t.QR = "vcard"
	case 3:
		t.QR = "mecard"
	}
	return t, p
}

// qrText is the card's QR code content.
func qrText(t Truth) string {
	if t.QR == "mecard" {
		first, last, _ := strings.Cut(t.Name, " ")
		esc := strings.NewReplacer(`\`, `\\`, ";", `\;`, ":", `\:`, ",", `\,`)
		s := "MECARD:N:" + esc.Replace(last) + "," + esc.Replace(first) + ";ORG:" + esc.Replace(t.Company) +
			";TITLE:" + esc.Replace(t.Title) + ";TEL:" + t.Phone + ";EMAIL:" + esc.Replace(t.Email) + ";"
		if t.Web != "" {
			s += "URL:" + esc.Replace(t.Web) + ";"
		}
		return s + ";"
	}
	esc := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`)
	first, last, _ := strings.Cut(t.Name, " ")
	lines := []string{"BEGIN:VCARD", "VERSION:3.0",
		"N:" + esc.Replace(last) + ";" + esc.Replace(first) + ";;;",
		"FN:" + esc.Replace(t.Name), "ORG:" + esc.Replace(t.Company), "TITLE:" + esc.Replace(t.Title),
		"EMAIL;TYPE=INTERNET:" + t.Email}
	if t.Phone != "" && t.Phone != t.Mobile {
		lines = append(lines, "TEL;TYPE=WORK,VOICE:"+t.Phone)
	}
	if t.Mobile != "" {
		lines = append(lines, "TEL;TYPE=CELL:"+t.Mobile)
	}
	if t.Fax != "" {
		lines = append(lines, "TEL;TYPE=WORK,FAX:"+t.Fax)
	}
	if t.Web != "" {
		lines = append(lines, "URL:"+t.Web)
	}
	return strings.Join(append(lines, "END:VCARD"), "\r\n") + "\r\n"
}
