package cardscan

import "testing"

// The web address misread like the email's domain does not vouch for it:
// the company's stem and the phone's country mend both.
func TestMendDomain(t *testing.T) {
	for _, c := range []struct{ domain, stem, cc, want string }{
		{"fiallbologistik.se", "fjallbologistik", "se", "fjallbologistik.se"},
		{"kempenbouw.ni", "kempenbouw", "nl", "kempenbouw.nl"},
		{"vattemlogistik.se", "vatternlogistik", "se", "vatternlogistik.se"},
		{"nordsee.co.uk", "nordsea", "uk", "nordsea.co.uk"},
		{"veluweinstallaties.nl", "veluweinstallatiesbv", "nl", "veluweinstallaties.nl"}, // a legal form left on the stem
		{"acme.com", "acne", "nl", "acme.com"},                                           // a short stem proves nothing
		{"bolgedata.no", "fjordkraft", "no", "bolgedata.no"},                             // another name altogether
		{"firm.de", "", "at", "firm.de"},                                                 // two letters off
	} {
		if got := mendDomain(c.domain, c.stem, c.cc); got != c.want {
			t.Errorf("mendDomain(%q, %q, %q) = %q, want %q", c.domain, c.stem, c.cc, got, c.want)
		}
	}
	if phoneTLD("+31201234567") != "nl" || phoneTLD("+442071234567") != "uk" || phoneTLD("") != "" {
		t.Error("phoneTLD")
	}
	c := Card{Company: Field{"Fjällbo Logistik AB", 0.9}, Email: Field{"elin@fiallbologistik.se", 0.8},
		Web: Field{"www.fiallbologistik.se", 0.8}, Phone: Field{"+468679976", 0.9}}
	mendEmail(&c)
	if c.Email.Value != "elin@fjallbologistik.se" || c.Web.Value != "www.fjallbologistik.se" {
		t.Errorf("mended to %q and %q", c.Email.Value, c.Web.Value)
	}
}
