package consent

import "strings"

// A phone number that cannot be read (written without a country code and not
// valid in the rep's country setting, or not a number at all) is not a
// reason to lose the person: an import keeps it as written in
// Prospect.PhoneRaw and leaves Phone empty. The policy blocks calls to such a
// prospect (RulePhoneUnread) until the rep corrects the number, which
// Normalize then reads and PhoneRaw is cleared.

// PhoneUnread reports a number kept as written that could not be read.
func (p Prospect) PhoneUnread() bool { return p.Phone == "" && p.PhoneRaw != "" }

// NormalizeKeepingUnreadPhone is Normalize for an import: a phone number
// that cannot be read in region is kept as written in PhoneRaw (and Phone
// left empty) instead of failing the card, and it reports whether it was.
// A number written without its country code must be a valid number of
// region, not only one of a possible length: "(0)20 555 0100" read in the
// US would be +1 020…, a number that does not exist, and no register could
// be checked for it. The number is parsed once.
func (p *Prospect) NormalizeKeepingUnreadPhone(region string) (kept bool, err error) {
	switch s := strings.TrimSpace(p.Phone); {
	case s == "":
		p.Phone = ""
	default:
		if r := readPhone(s, region); r.possible && !r.unchecked {
			p.Phone = r.e164
		} else {
			p.PhoneRaw, p.Phone, kept = s, "", true
		}
	}
	return kept, p.normalize(region, false)
}
