package usecase

// The demo generator's countries: names, companies, titles, fairs and
// phone numbers as they are written there.

// demoCountry is what makes a generated person Dutch, Norwegian, etc.
type demoCountry struct {
	code, lang string
	weight     int
	first      []string // "F:" marks a female name where the surname agrees (Polish)
	last       []string
	coPrefix   []string
	coSector   []string
	coForm     []string
	titles     []string
	fairs      []string
	// phone: country code and national prefixes; seven digits follow
	// each prefix.
	cc     string
	mobile []string
	fixed  []string
}

var demoCountries = []demoCountry{
	{
		code:     "NL",
		lang:     "nl",
		weight:   24,
		first:    []string{"Jan", "Pieter", "Sanne", "Femke", "Daan", "Eva", "Thijs", "Anouk", "Joost", "Marloes", "Bram", "Lotte", "Ruud", "Inge", "Zoë", "Daniëlle", "Sjoerd", "Maaike", "Geert", "Noëlle"},
		last:     []string{"de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Jong", "Mulder", "Bos", "van Dijk", "Vermeulen", "Hendriks", "van der Meer", "Brouwer", "Dekker", "Hoekstra", "van 't Hof", "Kuipers", "Schouten"},
		coPrefix: []string{"Polderlicht", "Tulpveld", "Dijkhuis", "Molenwiek", "Grachtzicht", "Duinrand", "Zeeuwse Stroom", "Brabantse Baan"},
		coSector: []string{"Techniek", "Logistiek", "Data", "Bouw", "Energie", "Zorgsystemen"},
		coForm:   []string{"B.V.", "BV", "N.V."},
		titles:   []string{"Inkoper", "Directeur", "Hoofd Inkoop", "Commercieel Manager", "Projectleider", "Financieel Directeur", "Operationeel Manager"},
		fairs:    []string{"Vakbeurs Utrecht", "Logistiekdagen Rotterdam", "Energiebeurs Gorinchem", "Technische Week Eindhoven"},
		cc:       "+31", mobile: []string{"61", "62", "63", "64", "65"}, fixed: []string{"20", "10", "30", "70"}},
	{
		code:     "NO",
		lang:     "nb",
		weight:   16,
		first:    []string{"Jørgen", "Øystein", "Åse", "Bjørn", "Kjersti", "Håkon", "Sigrid", "Ingrid", "Torbjørn", "Solveig", "Eirik", "Ragnhild", "Ståle", "Marit", "Ørjan", "Tove"},
		last:     []string{"Ødegård", "Johansen", "Hansen", "Bråthen", "Sæther", "Løvås", "Haugen", "Strøm", "Bakke", "Halvorsen", "Nygård", "Kristiansen", "Dæhlie", "Fjellstrøm", "Aasen", "Sørensen"},
		coPrefix: []string{"Nordlys", "Fjordglimt", "Fjellvind", "Bølgetopp", "Skogheim", "Havørn", "Trollstig", "Midnattsol"},
		coSector: []string{"Maritim", "Teknologi", "Logistikk", "Energi", "Bygg", "Data"},
		coForm:   []string{"AS", "ASA"},
		titles:   []string{"Innkjøpssjef", "Daglig leder", "Salgssjef", "Prosjektleder", "Økonomisjef", "Driftssjef"},
		fairs:    []string{"Maritim messe Bergen", "Energimessen Stavanger", "Næringslivsdagen Oslo"},
		cc:       "+47", mobile: []string{"9"}, fixed: []string{"2", "5", "7"}},
	{
		code:     "SE",
		lang:     "sv",
		weight:   16,
		first:    []string{"Åsa", "Björn", "Märta", "Göran", "Örjan", "Linnéa", "Anders", "Karin", "Måns", "Ulrika", "Jöns", "Sofia", "Håkan", "Elin", "Maja", "Pär"},
		last:     []string{"Ångström", "Lindqvist", "Nilsson", "Söderberg", "Åberg", "Öberg", "Bergström", "Sjögren", "Lundgren", "Ekström", "Wåhlin", "Hägglund", "Karlsson", "Björklund", "Löfgren", "Ståhl"},
		coPrefix: []string{"Norrsken", "Ångbåt", "Älvdal", "Skärgård", "Björkvik", "Fjällhöjd", "Östersjö", "Vänerstrand"},
		coSector: []string{"Teknik", "Logistik", "Data", "Bygg", "Energi", "Industri"},
		coForm:   []string{"AB"},
		titles:   []string{"Inköpschef", "VD", "Försäljningschef", "Projektledare", "Ekonomichef", "Driftchef"},
		fairs:    []string{"Industrimässan Göteborg", "Logistikdagarna Jönköping", "Energimässan Malmö"},
		cc:       "+46", mobile: []string{"70", "72", "73", "76"}, fixed: []string{"8", "31", "40"}},
	{
		code:     "DE",
		lang:     "de",
		weight:   20,
		first:    []string{"Jürgen", "Jörg", "Günter", "Käthe", "Lukas", "Anna", "Sören", "Marie", "Tobias", "Uwe", "Stefanie", "Maximilian", "Jürgen", "Lena", "Björn", "Ute"},
		last:     []string{"Müller", "Schüller", "Schröder", "Weiß", "Groß", "Köhler", "Fuchs", "Schäfer", "Bäcker", "Krüger", "Hoffmann", "Zimmermann", "Weißmüller", "Böhm", "Wagner", "Jäger"},
		coPrefix: []string{"Rheintal", "Schwarzwald", "Nordsee", "Alpenblick", "Elbufer", "Bodensee", "Spreewald", "Harzer"},
		coSector: []string{"Maschinenbau", "Logistik", "Software", "Energietechnik", "Bausysteme", "Präzisionsteile"},
		coForm:   []string{"GmbH", "AG", "GmbH & Co. KG"},
		titles:   []string{"Einkaufsleiter", "Geschäftsführer", "Vertriebsleiterin", "Projektleiter", "Leiterin Einkauf", "Prokurist", "Technischer Leiter"},
		fairs:    []string{"Fachmesse Hannover", "Logistiktage Hamburg", "Energiemesse Essen", "Industrietage Stuttgart"},
		cc:       "+49", mobile: []string{"1515", "1520", "1573", "1590"}, fixed: []string{"302", "404", "892"}},
	{
		code:     "PL",
		lang:     "en",
		weight:   12,
		first:    []string{"Łukasz", "Paweł", "F:Małgorzata", "Wojciech", "F:Agnieszka", "Zbigniew", "Józef", "F:Katarzyna", "Bartłomiej", "F:Dorota", "Michał", "F:Joanna", "Grzegorz", "F:Żaneta", "F:Bożena", "Mikołaj"},
		last:     []string{"Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Nowak", "Mazur", "Krawczyk", "Król", "Zając", "Gałązka"},
		coPrefix: []string{"Wisła", "Bałtyk", "Tatry", "Mazowsze", "Odra", "Żuraw", "Pomorze", "Śląsk"},
		coSector: []string{"Logistyka", "Budownictwo", "Systemy", "Energia", "Technika", "Dane"},
		coForm:   []string{"Sp. z o.o.", "S.A."},
		titles:   []string{"Kierownik zakupów", "Prezes zarządu", "Dyrektor handlowy", "Kierownik projektu", "Główny księgowy", "Dyrektor operacyjny"},
		fairs:    []string{"Targi Poznańskie", "Targi Logistyczne Warszawa", "Targi Energetyczne Kielce"},
		cc:       "+48", mobile: []string{"50", "60", "69", "79"}, fixed: []string{"22", "12", "61"}},
	{
		code:     "GB",
		lang:     "en",
		weight:   12,
		first:    []string{"Oliver", "Charlotte", "Harry", "Amelia", "George", "Siobhan", "Rhys", "Eleanor", "Callum", "Niamh", "Alistair", "Fiona", "Gareth", "Imogen", "Zoë", "Chloë"},
		last:     []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts", "O'Brien", "MacDonald", "Hughes", "Patel", "Clarke", "Brontë", "Ó Súilleabháin"},
		coPrefix: []string{"Thames", "Pennine", "Cotswold", "Highland", "Severn", "Mersey", "Fenland", "Tyneside"},
		coSector: []string{"Logistics", "Software", "Engineering", "Energy", "Analytics", "Building Systems"},
		coForm:   []string{"Ltd", "plc"},
		titles:   []string{"Head of Procurement", "Managing Director", "Sales Director", "Project Manager", "Finance Director", "Operations Manager"},
		fairs:    []string{"Trade Show Birmingham", "Logistics Expo Manchester", "Energy Week Glasgow"},
		cc:       "+44", mobile: []string{"770", "780", "790"}, fixed: []string{"207", "161", "131"}},
}
