package cardscan

import (
	"strings"

	"github.com/agnivade/levenshtein"
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
	if host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(c.Web.Value, "https://"), "http://"), "www."); host != "" {
		host = strings.SplitN(host, "/", 2)[0]
		if host != domain && levenshtein.ComputeDistance(host, domain) <= 2 {
			domain, mended = host, true
		}
	} else if co := companyStem(c.Company.Value); co != "" {
		label, rest, _ := strings.Cut(domain, ".")
		if label != co && levenshtein.ComputeDistance(label, co) <= 2 {
			domain, mended = co+"."+rest, true
		}
	}
	if mended {
		c.Email = Field{local + "@" + domain, c.Email.Confidence * 0.8}
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
