package consent

import (
	"cmp"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// A phone number that cannot be read (written without a country code and not
// valid in the rep's country setting, or not a number at all) is not a
// reason to lose the person: an import keeps it as written in
// Prospect.PhoneRaw and leaves Phone empty. The policy blocks calls to such a
// prospect (RulePhoneUnread) until the rep corrects the number, which
// Normalize then reads and PhoneRaw is cleared.

// PhoneUnread reports a number kept as written that could not be read.
func (p Prospect) PhoneUnread() bool { return p.Phone == "" && p.PhoneRaw != "" }

// KeepUnreadPhone reads p.Phone in region; when it cannot be read it moves
// the text to PhoneRaw, so Normalize accepts the rest of the prospect. It
// reports whether the number was kept as written. A number written without
// its country code must be a valid number of region, not only one of a
// possible length: "(0)20 555 0100" read in the US would be +1 020…, a
// number that does not exist, and no register could be checked for it.
func KeepUnreadPhone(p *Prospect, region string) bool {
	if p.Phone == "" {
		return false
	}
	if _, err := NormalizePhone(p.Phone, region); err == nil && !nationalButInvalid(p.Phone, region) {
		return false
	}
	p.PhoneRaw, p.Phone = p.Phone, ""
	return true
}

// nationalButInvalid: s has no country code and is no valid number of
// region.
func nationalButInvalid(s, region string) bool {
	n, err := phonenumbers.ParseAndKeepRawInput(s, strings.ToUpper(cmp.Or(region, "NL")))
	if err != nil {
		return true
	}
	return n.GetCountryCodeSource() == phonenumbers.PhoneNumber_FROM_DEFAULT_COUNTRY && !phonenumbers.IsValidNumberForRegion(n, strings.ToUpper(cmp.Or(region, "NL")))
}
