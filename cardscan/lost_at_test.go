package cardscan

import "testing"

// An address whose "@" the OCR lost or read as a letter is found from the
// company's domain; nothing is made up when the domain is not there.
func TestFindLostAt(t *testing.T) {
	for _, c := range []struct{ text, company, web, want string }{
		{"elinQbjorkokonsult.se", "Björkö Konsult AB", "www.bjorkokonsult.se", "elin@bjorkokonsult.se"},
		{"oyvind.bjornstad Gjokuleiendom.no", "Jøkul Eiendom AS", "www.jokuleiendom.no", "oyvind.bjornstad@jokuleiendom.no"},
		{"lars solvikdata.se", "Solvik Data AB", "", "lars@solvikdata.se"},
		{"www.solvikdata.se", "Solvik Data AB", "", ""},      // the web address is not an email
		{"Kungsgatan 45", "Solvik Data AB", "", ""},          // no domain on the line
		{"info.solvikdata.se", "Solvik Data AB", "", ""},     // a host name
		{"lars solvikdata.se", "Nord AB", "www.nord.se", ""}, // another company's
	} {
		card := Card{Company: Field{c.company, 0.9}, Web: Field{c.web, 0.9}}
		got := findLostAt([]*line{{Text: c.text, Conf: 0.9}}, domainLabels(card))
		if got.Value != c.want || c.want != "" && got.Confidence >= 0.9 {
			t.Errorf("%q: %+v, want %q with a lowered confidence", c.text, got, c.want)
		}
	}
}
