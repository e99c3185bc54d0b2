package cardscan

import (
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/nyaruka/phonenumbers"
)

// mendEmail corrects an email the OCR misread by a letter or two, from
// what else the card says: the local part from the name's usual spellings
// (jorgen.angstrom, j.angstrom, jorgen, jorgena…), the domain from the web
// address or the company. Small type loses letters first ("l" read as
// "t", a dot dropped); the name is large type and surer. A mended address
// keeps a lower confidence.
func mendEmail(c *Card) {
	local, domain, ok := strings.Cut(c.Email.Value, "@")
	if !ok {
		return
	}
	mended := false
	if l := nearest(local, localParts(c.Name.Value)); l != "" {
		local, mended = l, true
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(c.Web.Value, "https://"), "http://"), "www.")
	host = strings.SplitN(host, "/", 2)[0]
	if host != "" && host != domain && levenshtein.ComputeDistance(host, domain) <= 2 {
		domain, mended = host, true
	}
	// The web address is small type too, and often misread the same way
	// ("fiallbologistik" in both): the company, large type, and the
	// country of the phone number have the last word.
	if d := mendDomain(domain, companyStem(c.Company.Value), phoneTLD(c.Phone.Value)); d != domain {
		if host == domain {
			c.Web = Field{strings.Replace(c.Web.Value, host, d, 1), c.Web.Confidence * 0.8}
		}
		domain, mended = d, true
	}
	if mended {
		c.Email = Field{local + "@" + domain, c.Email.Confidence * 0.8}
	}
}

// mendDomain corrects a domain's first label to the company's stem when
// they are two edits apart or less, and its last label to the phone's
// country domain when one letter apart ("kempenbouw.ni" on a +31 card).
func mendDomain(domain, stem, cc string) string {
	label, rest, ok := strings.Cut(domain, ".")
	if !ok {
		return domain
	}
	// not when one is the other with letters added at the end: the stem
	// kept a legal form the OCR spelt oddly ("veluweinstallatiesbv")
	if len(stem) > 4 && !strings.HasPrefix(stem, label) && !strings.HasPrefix(label, stem) && levenshtein.ComputeDistance(label, stem) <= 2 {
		label = stem
	}
	if i := strings.LastIndexByte(rest, '.'); cc != "" {
		tld := rest[i+1:]
		if tld != cc && len(tld) == len(cc) && levenshtein.ComputeDistance(tld, cc) == 1 {
			rest = rest[:i+1] + cc
		}
	}
	return label + "." + rest
}

// phoneTLD is the country domain of an E.164 number's country ("nl" for
// +31..., "uk" for +44...), or "".
func phoneTLD(e164 string) string {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return ""
	}
	switch r := strings.ToLower(phonenumbers.GetRegionCodeForNumber(n)); r {
	case "gb":
		return "uk"
	case "zz":
		return ""
	default:
		return r
	}
}

// nearest is the candidate one or two edits from s (not s itself), or "".
func nearest(s string, candidates []string) string {
	best, bestD := "", 6
	for _, c := range candidates {
		if c == s {
			return ""
		}
		// a misread letter before a lost or an extra one
		d := 2 * levenshtein.ComputeDistance(s, c)
		if len(c) != len(s) {
			d++
		}
		if d < bestD && d <= len(c)/2 {
			best, bestD = c, d
		}
	}
	return best
}

// localParts are the ways an address spells a person's name, with the
// diacritics dropped ("muller") or written out ("mueller", "aasa").
func localParts(name string) []string {
	toks := strings.Fields(name)
	if len(toks) < 2 {
		return nil
	}
	var out []string
	for _, f := range []func(string) string{fold, func(s string) string { return fold(spellOut.Replace(s)) }} {
		first := f(toks[0])
		last := f(strings.Join(toks[1:], ""))
		if first == "" || last == "" {
			continue
		}
		out = append(out, first+"."+last, first[:1]+"."+last, first, first+last[:1], first+last,
			first[:1]+last, last, first+"_"+last, first+"-"+last)
	}
	return out
}

// spellOut writes diacritics out the way German and Scandinavian
// addresses do.
var spellOut = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "å", "aa", "Å", "Aa", "ø", "oe", "Ø", "Oe")

// companyStem is the company's name folded, without its legal form:
// "bolgedata" for "Bølge Data ASA".
func companyStem(company string) string {
	toks := strings.Fields(company)
	if len(toks) > 1 && legalSuffixes[toks[len(toks)-1]] {
		toks = toks[:len(toks)-1]
	}
	return fold(strings.Join(toks, ""))
}
