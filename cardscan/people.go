package cardscan

import (
	"regexp"
	"strings"
	"unicode"

	foldpkg "warmlead/cardscan/internal/fold"
)

// legalSuffixes mark a company name, as printed (case matters: "as" and
// "ab" are words, "AS" and "AB" are Norwegian and Swedish companies).
var legalSuffixes = map[string]bool{
	"AS": true, "ASA": true, "A/S": true, "ApS": true, "AB": true, "HB": true, "KB": true,
	"BV": true, "B.V.": true, "NV": true, "N.V.": true, "VOF": true, "V.O.F.": true,
	"GmbH": true, "AG": true, "KG": true, "e.K.": true, "UG": true, "SE": true, "GmbH & Co. KG": true,
	"Oy": true, "Oyj": true, "Ltd": true, "Ltd.": true, "Limited": true, "PLC": true, "plc": true, "LLP": true,
	"SA": true, "S.A.": true, "SAS": true, "SARL": true, "Sàrl": true, "Inc": true, "Inc.": true, "LLC": true,
}

// titleWords are lower-case stems of job titles in the five languages; a
// line holding one is a title, not a name.
var titleWords = []string{
	"manager", "director", "directeur", "direktør", "direktor", "direkteur", "sales", "ceo", "cfo", "cto", "coo",
	"founder", "partner", "head of", "lead", "leder", "ledare", "leider", "leiter", "chef", "officer", "consultant",
	"konsulent", "konsult", "berater", "adviseur", "rådgiver", "rådgivare", "engineer", "ingeniør", "ingenjör",
	"ingenieur", "specialist", "spesialist", "spezialist", "account", "verkoop", "verkoper", "salg", "selger",
	"sälj", "försälj", "vertrieb", "geschäftsführer", "geschäftsführerin", "eigenaar", "owner", "inhaber", "president",
	"vice", "inköp", "innkjøp", "einkauf", "inkoop", "marketing", "analyst", "analytiker", "architect", "arkitekt",
	"architekt", "coordinator", "coördinator", "koordinator", "developer", "utvikler", "utvecklare", "entwickler",
	"designer", "assistant", "assistent", "secretary", "sekretær", "advocaat", "advokat", "rechtsanwalt", "attorney",
	"representative", "teamleider", "projekt", "prosjekt", "project", "daglig", "vd", "administrerende",
	"verkställande", "bestuurder", "prokurist", "buyer", "purchasing", "kundenberater", "key", "export", "vendedor",
	"office", "hr", "finance", "økonomi", "ekonomi", "finanz", "controller", "mitarbeiter", "medewerker", "medarbeider",
}

// nameParticles may start lower-case inside a name.
var nameParticles = map[string]bool{
	"van": true, "de": true, "der": true, "den": true, "von": true, "zu": true, "ten": true, "ter": true,
	"af": true, "av": true, "te": true, "'t": true, "la": true, "le": true, "du": true, "dos": true, "da": true,
}

var (
	streetRe = regexp.MustCompile(`(?i)(straat|weg|gate|gata|gatan|vägen|veien|veg|vei|straße|strasse|str\.|laan|plein|gracht|kade|allee|platz|ring|road|street|lane|torget|torg|plass|avenue|square|park)\b\.?\s*\d+`)
	// postal codes: NL "1234 AB", SE "123 45", NO/DE/most "1234"/"12345"
	// followed by a town, GB "EC1A 1BB"
	postRe = regexp.MustCompile(`\b\d{4}\s?[A-Z]{2}\b|\b\d{3}\s\d{2}\b|\b(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b`)
)

func fold(s string) string { return foldpkg.ASCII(s) }

// companyScore is how much a line looks like a company name: a legal
// suffix, or the email's domain spelled in it.
func companyScore(text, domain string) float64 {
	score := 0.0
	toks := strings.Fields(text)
	for i, tok := range toks {
		t := strings.Trim(tok, ",;")
		if legalSuffixes[t] && i > 0 {
			score = 0.9
			break
		}
	}
	if strings.Contains(text, "GmbH") {
		score = 0.9
	}
	if domain != "" {
		f := fold(text)
		if len(domain) >= 3 && len(f) >= 3 && (strings.Contains(f, domain) || strings.Contains(domain, fold(firstWord(text)))) {
			score += 0.5
		}
	}
	return score
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		if len(f[0]) >= 4 {
			return f[0]
		}
	}
	return "\x00"
}

func isTitle(text string) bool {
	low := " " + strings.ToLower(text) + " "
	for _, w := range titleWords {
		if strings.Contains(low, " "+w) || strings.Contains(low, "-"+w) || strings.Contains(low, w+" ") && len(w) > 5 {
			return true
		}
	}
	// compounds, read with or without their diacritics: "Markedssjef",
	// "Forsaljningschef", "Einkaufsleiter"
	for _, tok := range strings.Fields(text) {
		f := fold(tok)
		for _, head := range titleHeads {
			if len(f) > len(head) && strings.HasSuffix(f, head) {
				return true
			}
		}
	}
	return false
}

// titleHeads end compound titles in the Germanic languages, folded.
var titleHeads = []string{"sjef", "chef", "leder", "ledare", "leiter", "leider", "manager", "direktor", "direktr",
	"ansvarlig", "ansvarig", "konsult", "berater", "adviseur", "radgiver", "radgivare", "inkoper", "verkoper"}

// nameShape is how much a line looks like a person's name, from 0: two to
// four words of letters, each capitalised but for particles like "van".
func nameShape(text string) float64 {
	toks := strings.Fields(text)
	if len(toks) < 2 || len(toks) > 5 {
		return 0
	}
	caps := 0
	for _, t := range toks {
		for _, r := range t {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
				return 0
			}
		}
		r := []rune(t)
		switch {
		case unicode.IsUpper(r[0]):
			caps++
		case nameParticles[strings.ToLower(t)]:
		default:
			return 0
		}
	}
	if caps < 2 {
		return 0
	}
	return 1
}

// emailMatch is how well a name matches the email's local part: both
// parts found ("jorgen.angstrom", "j.angstrom", "jangstrom") score 1.
func emailMatch(name, local string) float64 {
	if local == "" {
		return 0
	}
	return max(emailMatchFold(name, local), emailMatchFold(spellOut.Replace(name), local))
}

func emailMatchFold(name, local string) float64 {
	toks := strings.Fields(name)
	if len(toks) < 2 {
		return 0
	}
	first, last := fold(toks[0]), fold(toks[len(toks)-1])
	l := fold(local)
	switch {
	case first != "" && last != "" && strings.Contains(l, first) && strings.Contains(l, last):
		return 1
	case last != "" && len(last) > 2 && strings.Contains(l, last):
		return 0.7
	case first != "" && len(first) > 2 && strings.HasPrefix(l, first):
		return 0.6
	}
	return 0
}

func isAddress(text string) bool {
	return streetRe.MatchString(text) || postRe.MatchString(text)
}
