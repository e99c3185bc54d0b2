package cardgen

import (
	"math/rand/v2"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"warmlead/cardscan/internal/fold"
)

// country is what the cards of one country are made of: names with their
// diacritics, company name parts and legal forms, titles, phone labels in
// its language, streets and towns.
type country struct {
	Code, TLD              string
	First, Last            []string
	Stems, Sectors, Suffix []string
	Titles                 []string
	Tel, Mob, Fax          []string // phone labels
	Streets, Towns         []string
	Post                   func(r *rand.Rand) string
}

func digits(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

var countries = []country{
	{Code: "NO", TLD: "no",
		First:   []string{"Jørgen", "Åse", "Bjørn", "Kari", "Ingrid", "Håkon", "Sigrid", "Øyvind", "Marit", "Ståle", "Solveig", "Tormod"},
		Last:    []string{"Hansen", "Bråten", "Sæther", "Løvås", "Strøm", "Ødegård", "Haugen", "Nygård", "Bjørnstad", "Dahl", "Kristiansen", "Vik"},
		Stems:   []string{"Fjord", "Nordlys", "Bølge", "Høyfjell", "Vestkyst", "Trollheim", "Havbris", "Solstrand", "Jøkul"},
		Sectors: []string{"Energi", "Data", "Bygg", "Marine", "Rådgivning", "Teknikk", "Logistikk", "Eiendom"},
		Suffix:  []string{"AS", "AS", "ASA"},
		Titles:  []string{"Daglig leder", "Salgssjef", "Innkjøpssjef", "Prosjektleder", "Økonomisjef", "Key Account Manager", "Markedssjef"},
		Tel:     []string{"Tlf", "Telefon", "Tlf.", "T"}, Mob: []string{"Mob", "Mobil", "M"}, Fax: []string{"Faks", "Fax"},
		Streets: []string{"Storgata", "Kongens gate", "Dronningens gate", "Bryggegata", "Strandveien", "Fjordveien"},
		Towns:   []string{"Oslo", "Bergen", "Trondheim", "Tromsø", "Stavanger", "Ålesund"},
		Post:    func(r *rand.Rand) string { return "0" + digits(r, 3) }},
	{Code: "SE", TLD: "se",
		First:   []string{"Åsa", "Björn", "Märta", "Göran", "Linnéa", "Måns", "Elin", "Örjan", "Karin", "Sören", "Ebba", "Lars"},
		Last:    []string{"Ångström", "Nyström", "Öberg", "Åkesson", "Söderberg", "Lindqvist", "Håkansson", "Sjöberg", "Bergström", "Löfgren", "Ekström", "Wallin"},
		Stems:   []string{"Älvdal", "Björkö", "Norrsken", "Vättern", "Skärgård", "Ekholm", "Solvik", "Fjällbo"},
		Sectors: []string{"Teknik", "Data", "Bygg", "Konsult", "Logistik", "Fastigheter", "Miljö"},
		Suffix:  []string{"AB"},
		Titles:  []string{"VD", "Försäljningschef", "Inköpschef", "Projektledare", "Ekonomichef", "Key Account Manager", "Konsult"},
		Tel:     []string{"Tel", "Telefon", "Växel", "T"}, Mob: []string{"Mobil", "Mob", "M"}, Fax: []string{"Fax"},
		Streets: []string{"Drottninggatan", "Kungsgatan", "Sveavägen", "Storgatan", "Hamngatan", "Östra Hamngatan"},
		Towns:   []string{"Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro"},
		Post:    func(r *rand.Rand) string { return "1" + digits(r, 2) + " " + digits(r, 2) }},
	{Code: "NL", TLD: "nl",
		First:   []string{"Daan", "Sanne", "Joëlle", "Bram", "Eline", "Thijs", "Femke", "Ruud", "Marieke", "Sjoerd", "Anouk", "Pieter"},
		Last:    []string{"de Vries", "van Dijk", "Bakker", "Janssen", "van den Berg", "IJsselmuiden", "Visser", "Smit", "de Jong", "Rijnders", "van der Meer", "Wijnands"},
		Stems:   []string{"Zeeland", "Delta", "Polder", "Rijnmond", "Oranje", "Noordzee", "Kempen", "Veluwe", "IJmond"},
		Sectors: []string{"Techniek", "Logistiek", "Advies", "Bouw", "Installaties", "Software", "Energie"},
		Suffix:  []string{"B.V.", "BV", "N.V."},
		Titles:  []string{"Directeur", "Verkoopleider", "Hoofd Inkoop", "Projectleider", "Accountmanager", "Adviseur", "Commercieel directeur"},
		Tel:     []string{"T", "Tel", "Telefoon"}, Mob: []string{"M", "Mob", "Mobiel"}, Fax: []string{"F", "Fax"},
		Streets: []string{"Keizersgracht", "Stationsweg", "Dorpsstraat", "Kerkstraat", "Marktplein", "Havenkade"},
		Towns:   []string{"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Zwolle"},
		Post: func(r *rand.Rand) string {
			return "1" + digits(r, 3) + " " + string(rune('A'+r.IntN(26))) + string(rune('A'+r.IntN(26)))
		}},
	{Code: "DE", TLD: "de",
		First:   []string{"Jürgen", "Käthe", "Jörg", "Lukas", "Anna", "Günther", "Sophie", "Matthias", "Lena", "Uwe", "Birgit", "Tobias"},
		Last:    []string{"Müller", "Schröder", "Weiß", "Groß", "Köhler", "Bäcker", "Schäfer", "Fuchs", "Krüger", "Hoffmann", "Meißner", "Strauß"},
		Stems:   []string{"Rheinland", "Alpen", "Nordsee", "Spreewald", "Bodensee", "Schwarzwald", "Elbtal", "Isar"},
		Sectors: []string{"Technik", "Logistik", "Maschinenbau", "Beratung", "Energie", "Software", "Anlagenbau"},
		Suffix:  []string{"GmbH", "GmbH", "AG"},
		Titles:  []string{"Geschäftsführer", "Vertriebsleiter", "Einkaufsleiter", "Projektleiter", "Key Account Manager", "Leiter Marketing", "Technischer Berater"},
		Tel:     []string{"Tel.", "Telefon", "T"}, Mob: []string{"Mobil", "Handy", "M"}, Fax: []string{"Fax"},
		Streets: []string{"Friedrichstraße", "Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Marktplatz"},
		Towns:   []string{"Berlin", "München", "Köln", "Düsseldorf", "Würzburg", "Lübeck"},
		Post:    func(r *rand.Rand) string { return digits(r, 5) }},
	{Code: "GB", TLD: "co.uk",
		First:   []string{"Oliver", "Emily", "James", "Charlotte", "Harry", "Amelia", "George", "Chloé", "William", "Grace", "Renée", "Thomas"},
		Last:    []string{"Smith", "Taylor", "Brown", "Wilson", "Evans", "Roberts", "Walker", "Wright", "O'Brien", "Hughes", "Clarke", "Bennett"},
		Stems:   []string{"Thames", "Pennine", "Highland", "Severn", "Cotswold", "Albion", "Mersey"},
		Sectors: []string{"Engineering", "Logistics", "Consulting", "Software", "Energy", "Systems"},
		Suffix:  []string{"Ltd", "Ltd", "PLC"},
		Titles:  []string{"Sales Director", "Managing Director", "Head of Procurement", "Account Manager", "Operations Manager", "Chief Executive Officer", "Project Manager"},
		Tel:     []string{"T", "Tel", "Phone", "Direct"}, Mob: []string{"M", "Mob", "Mobile"}, Fax: []string{"F", "Fax"},
		Streets: []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Mill Lane"},
		Towns:   []string{"London", "Manchester", "Leeds", "Bristol", "York", "Cardiff"},
		Post: func(r *rand.Rand) string {
			return string(rune('A'+r.IntN(26))) + string(rune('A'+r.IntN(26))) + digits(r, 1) + " " + digits(r, 1) + string(rune('A'+r.IntN(26))) + string(rune('A'+r.IntN(26)))
		}},
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Fold is s in lower-case ASCII letters and digits only ("Bølge" is
// "bolge"): how the generator makes domains and email addresses.
func Fold(s string) string { return fold.ASCII(s) }

// number draws a valid number of the given type in the country.
func number(r *rand.Rand, cc string, mobile bool) *phonenumbers.PhoneNumber {
	prefixes := map[string][2][]string{ // landline, mobile national prefixes and lengths
		"NO": {{"22", "23", "55", "73"}, {"9", "4"}},
		"SE": {{"8", "31", "40"}, {"70", "72", "73"}},
		"NL": {{"20", "10", "30", "70"}, {"6"}},
		"DE": {{"30", "89", "221", "40"}, {"151", "160", "171"}},
		"GB": {{"20", "161", "113"}, {"7700", "7911", "7400"}},
	}[cc]
	p := prefixes[0]
	if mobile {
		p = prefixes[1]
	}
	for range 200 {
		pre := pick(r, p)
		for n := 6; n <= 9; n++ {
			num, err := phonenumbers.Parse("+"+itoa(phonenumbers.GetCountryCodeForRegion(cc))+pre+digits(r, n), cc)
			if err != nil || !phonenumbers.IsValidNumber(num) {
				continue
			}
			t := phonenumbers.GetNumberType(num)
			if mobile && t == phonenumbers.MOBILE || !mobile && t == phonenumbers.FIXED_LINE {
				return num
			}
		}
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
