package vcardin

import (
	"strings"
	"unicode"

	"github.com/emersion/go-vcard"

	"warmlead/consent"
)

// extract picks a Card out of a clean card parsed by go-vcard, or returns
// why the card cannot become a prospect (ok false).
func extract(vc vcard.Card, number int, limits Limits) (Card, Failure, bool) {
	if vc.Kind() == vcard.KindGroup {
		// An address book group ("Colleagues") lists members; it is not
		// a person to contact.
		return Card{}, failure(number, CodeGroup, tGroup), false
	}
	c := Card{Number: number}
	c.Company = firstComponent(vc[vcard.FieldOrganization])
	c.Title = firstValue(vc[vcard.FieldTitle])

	var emails, phones []ranked
	for _, f := range vc[vcard.FieldEmail] {
		if v := cleanEmail(f.Value); v != "" {
			emails = addRanked(emails, v, rank(f, false))
		}
	}
	for _, f := range vc[vcard.FieldTelephone] {
		if v := cleanPhone(f.Value); v != "" {
			phones = addRanked(phones, v, rank(f, true))
		}
	}
	c.Emails, c.Email = pick(emails)
	c.Phones, c.Phone = pick(phones)

	c.Name = displayName(vc, c.Company, c.Email, limits.MaxFieldBytes)
	if c.Name == "" && c.Email == "" && c.Phone == "" {
		return Card{}, failure(number, CodeNoContact, tNoContact), false
	}
	return c, Failure{}, true
}

// displayName decides the prospect's name, in this order:
//  1. the first non-empty FN in file order (a multilingual 4.0 card lists
//     the ALTID variants in the order its author chose);
//  2. the first N with a given or family name: "given family", or
//     "family given" for Chinese, Japanese and Korean names;
//  3. NICKNAME;
//  4. the company (a company's own card, e.g. Apple's "show as company");
//  5. the local part of the preferred email ("jan.jansen" for
//     jan.jansen@example.com): a card someone handed over with only an
//     address is still a lead, and the rep can correct the name;
//  6. nothing: a card with only a phone gets an empty name, and the
//     prospect form asks for one (Prospect.Normalize requires it).
func displayName(vc vcard.Card, company, email string, max int) string {
	if fn := firstValue(vc[vcard.FieldFormattedName]); fn != "" {
		return fn
	}
	for _, f := range vc[vcard.FieldName] {
		parts := splitComponents(f.Value, false)
		family := strings.TrimSpace(part(parts, 0))
		given := strings.TrimSpace(part(parts, 1))
		var name string
		switch {
		case family == "" || given == "":
			name = family + given
		case isCJK(family) || isCJK(given):
			name = family + " " + given
		default:
			name = given + " " + family
		}
		if name != "" {
			name, _ = oneLine(name, max)
			return name
		}
	}
	if nick := firstValue(vc[vcard.FieldNickname]); nick != "" {
		return nick
	}
	if company != "" {
		return company
	}
	if at := strings.LastIndexByte(email, '@'); at > 0 {
		return email[:at]
	}
	return ""
}

func isCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

func part(parts []string, i int) string {
	if i < len(parts) {
		return parts[i]
	}
	return ""
}

func firstValue(fields []*vcard.Field) string {
	for _, f := range fields {
		if v := strings.TrimSpace(f.Value); v != "" {
			return v
		}
	}
	return ""
}

// firstComponent is the organisation name of the first ORG: its first
// component, or the first non-empty one when an exporter left the name
// empty and filled only a unit (";Sales").
func firstComponent(fields []*vcard.Field) string {
	for _, f := range fields {
		for _, p := range splitComponents(f.Value, false) {
			if p = strings.TrimSpace(p); p != "" {
				return p
			}
		}
	}
	return ""
}

// cleanEmail reduces an EMAIL value to an address: "mailto:" and a display
// name (`"Omega" <omega@example.com>`) are dropped. A value without "@" is
// no address at all and is dropped too.
func cleanEmail(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 7 && strings.EqualFold(v[:7], "mailto:") {
		v = strings.TrimSpace(v[7:])
	}
	if lt := strings.LastIndexByte(v, '<'); lt >= 0 {
		if gt := strings.IndexByte(v[lt:], '>'); gt > 0 {
			v = strings.TrimSpace(v[lt+1 : lt+gt])
		}
	}
	if !strings.Contains(v, "@") {
		return ""
	}
	return v
}

// cleanPhone drops a "tel:" URI prefix (4.0) and its parameters. A value
// without a digit ("Privattelefon", a label typed into the number field)
// cannot be dialled and is dropped.
func cleanPhone(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 4 && strings.EqualFold(v[:4], "tel:") {
		v = v[4:]
		if i := strings.IndexByte(v, ';'); i >= 0 {
			v = v[:i]
		}
		v = strings.TrimSpace(v)
	}
	if !strings.ContainsFunc(v, func(r rune) bool { return r >= '0' && r <= '9' }) {
		return ""
	}
	return v
}

type ranked struct {
	value string
	rank  int
}

// rank orders candidates for the preferred email or phone: work and
// preferred (0), work (1), preferred (2), others (3). A business-card
// importer wants the work contact first; "pref" is the person's own choice
// among the rest. Fax, pager and modem numbers come after every voice
// number, since nobody can be called on them.
func rank(f *vcard.Field, phone bool) int {
	r := 3
	work := f.Params.HasType(vcard.TypeWork)
	pref := f.Params.Get(vcard.ParamPreferred) != "" || f.Params.HasType("pref")
	switch {
	case work && pref:
		r = 0
	case work:
		r = 1
	case pref:
		r = 2
	}
	if phone && !f.Params.HasType(vcard.TypeVoice) && !f.Params.HasType(vcard.TypeCell) &&
		(f.Params.HasType(vcard.TypeFax) || f.Params.HasType(vcard.TypePager) || f.Params.HasType("modem")) {
		r += 4
	}
	return r
}

// addRanked adds v unless it is already there (the same address under
// HOME and WORK), keeping the better rank.
func addRanked(list []ranked, v string, r int) []ranked {
	for i := range list {
		if strings.EqualFold(list[i].value, v) {
			list[i].rank = min(list[i].rank, r)
			return list
		}
	}
	return append(list, ranked{v, r})
}

// pick returns the values in file order and the best-ranked one (the first
// of equals).
func pick(list []ranked) (all []string, best string) {
	bestRank := 1 << 30
	for _, c := range list {
		all = append(all, c.value)
		if c.rank < bestRank {
			best, bestRank = c.value, c.rank
		}
	}
	return all, best
}

// Prospect maps the card to a draft prospect for the import review. It is
// not normalised: the caller runs Prospect.Normalize, which validates the
// email and turns the phone into E.164 with the user's region, and shows
// the rep what it rejects.
func (c Card) Prospect(source consent.Source, event string) consent.Prospect {
	return consent.Prospect{
		Name:    c.Name,
		Company: c.Company,
		Title:   c.Title,
		Email:   c.Email,
		Phone:   c.Phone,
		Source:  source,
		Event:   strings.TrimSpace(event),
	}
}
