package cardscan

import (
	"strings"
)

// findLostAt finds an email whose "@" the OCR lost or misread
// ("elinQbjorkokonsult.se", "oyvind.bjornstad Gjokuleiendom.no", "lars
// solvikdata.se"): a word holding the company's domain, as the company's
// name or the web address spell it, with the local part before it in the
// word (the misread "@" dropped) or in the word before. A guess, so the
// confidence is halved.
func findLostAt(lines []*line, labels []string) Field {
	for _, l := range lines {
		toks := strings.Fields(l.Text)
		for i, tok := range toks {
			low := strings.ToLower(tok)
			for _, d := range labels {
				if len(d) < 4 || strings.HasPrefix(low, "www.") {
					continue
				}
				at := strings.Index(low, d+".")
				if at < 0 || at > 0 && low[at-1] == '.' {
					continue
				}
				local := ""
				switch {
				case at >= 3: // "elinQ": the last letter was the "@"
					local = low[:at-1]
				case i > 0: // the "@" dropped or read as one letter of its own
					local = strings.ToLower(toks[i-1])
				}
				if e, _ := findEmail(local + "@" + low[at:]); e != "" && strings.HasPrefix(e, local+"@") {
					return Field{e, clamp(l.Conf) * 0.5}
				}
			}
		}
	}
	return Field{}
}

// domainLabels are the first labels a card's email domain is likely to
// have: the company's folded name and the web address's.
func domainLabels(c Card) []string {
	host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(c.Web.Value, "https://"), "http://"), "www.")
	label, _, _ := strings.Cut(host, ".")
	return []string{companyStem(c.Company.Value), strings.ToLower(label)}
}
