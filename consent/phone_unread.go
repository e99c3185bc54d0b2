package consent

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
// reports whether the number was kept as written.
func KeepUnreadPhone(p *Prospect, region string) bool {
	if p.Phone == "" {
		return false
	}
	if _, err := NormalizePhone(p.Phone, region); err == nil {
		return false
	}
	p.PhoneRaw, p.Phone = p.Phone, ""
	return true
}
