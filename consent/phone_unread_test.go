package consent

import (
	"strings"
	"testing"
)

// unreadPhone gives a record's prospect a number kept as written.
func unreadPhone(r Record) Record {
	r.Prospect.Phone, r.Prospect.PhoneRaw = "", "(0)20 555 0100"
	return r
}

// Calls to a number kept as written are blocked by every source and every
// consent until it is corrected; the stronger blocks still win, and email
// is not affected.
func TestPhoneUnreadPolicy(t *testing.T) {
	cases := []struct {
		name string
		r    Record
		ch   Channel
		p    Purpose
		rule string
	}{
		{"card, phone", unreadPhone(rec(SourceCard)), ChannelPhone, PurposeFollowUp, RulePhoneUnread},
		{"customer, phone", unreadPhone(rec(SourceCustomer)), ChannelPhone, PurposeFollowUp, RulePhoneUnread},
		{"phone consent does not get past it", unreadPhone(rec(SourceCard, grant(1, PurposeFollowUp, ChannelPhone))), ChannelPhone, PurposeFollowUp, RulePhoneUnread},
		{"email is unaffected", unreadPhone(rec(SourceCard)), ChannelEmail, PurposeFollowUp, RuleSourceCard},
		{"an objection still wins", unreadPhone(rec(SourceCard, ev(KindObjection, 1))), ChannelPhone, PurposeFollowUp, RuleObjection},
		{"erased still wins", erased(unreadPhone(rec(SourceCard))), ChannelPhone, PurposeFollowUp, RuleErased},
		{"a readable number is called as before", rec(SourceCard), ChannelPhone, PurposeFollowUp, RuleSourceCard},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.r, c.ch, c.p, day(2), 12)
			if d.Rule != c.rule {
				t.Fatalf("rule %s (%s), want %s", d.Rule, d.Reason, c.rule)
			}
			if c.rule == RulePhoneUnread {
				if d.Allowed || !strings.Contains(d.Reason, "no country code: cannot check the do-not-call register") ||
					!strings.Contains(d.Reason, "(0)20 555 0100") {
					t.Errorf("reason %q", d.Reason)
				}
			}
		})
	}
}

func TestNormalizeKeepingUnreadPhone(t *testing.T) {
	cases := []struct {
		name, phone, region string
		kept                bool
		wantPhone, wantRaw  string
	}{
		{"national number read in NL", "020-5550100", "NL", false, "+31205550100", ""},
		{"US national in the US", "(410) 555-1234", "US", false, "+14105551234", ""},
		{"international anywhere", "+47 22 33 44 55", "NL", false, "+4722334455", ""},
		{"letters and a digit", "ext 1", "NL", true, "", "ext 1"},
		{"too short", "12", "NL", true, "", "12"},
		{"empty", "", "NL", false, "", ""},
		{"blank", "   ", "NL", false, "", ""},
		{"an NL number read in the US is no US number", "(0)20 555 0100", "US", true, "", "(0)20 555 0100"},
		{"kept as written with its spaces folded", " 020  555 ", "US", true, "", "020 555"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Prospect{Name: "Jan", Phone: c.phone, Source: SourceCard}
			got, err := p.NormalizeKeepingUnreadPhone(c.region)
			if err != nil || got != c.kept || p.Phone != c.wantPhone || p.PhoneRaw != c.wantRaw {
				t.Fatalf("kept %v phone %q raw %q (%v), want %v %q %q", got, p.Phone, p.PhoneRaw, err, c.kept, c.wantPhone, c.wantRaw)
			}
			if p.PhoneUnread() != c.kept {
				t.Errorf("PhoneUnread = %v", p.PhoneUnread())
			}
			again := p
			if err := again.Normalize(c.region); err != nil || again != p {
				t.Errorf("Normalize after it changed %+v to %+v (%v)", p, again, err)
			}
		})
	}
	// The rest of the prospect is normalised, and checked, as Normalize does.
	p := Prospect{Name: "  Jan   Jansen ", Email: "JAN@Firma.example", Phone: "+31 20 555 0100", Source: SourceCard}
	if _, err := p.NormalizeKeepingUnreadPhone("NL"); err != nil || p.Name != "Jan Jansen" || p.Email != "jan@firma.example" {
		t.Errorf("%+v %v", p, err)
	}
	for _, bad := range []Prospect{{Name: "Jan", Email: "not an address", Source: SourceCard}, {Phone: "+31 20 555 0100", Source: SourceCard}} {
		if _, err := bad.NormalizeKeepingUnreadPhone("NL"); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	// Correcting the number clears what was kept as written.
	p = Prospect{Name: "Jan", Source: SourceCard, PhoneRaw: "(0)20 555 0100", Phone: "+31 20 555 0100"}
	if err := p.Normalize("GB"); err != nil || p.PhoneRaw != "" || p.Phone != "+31205550100" {
		t.Errorf("after correction: %+v, %v", p, err)
	}
}

func TestParseCountryAndRegion(t *testing.T) {
	cases := []struct {
		in, want string
		bad      bool
	}{
		{"NL", "NL", false}, {" nl ", "NL", false}, {"", "", false}, {"US", "US", false},
		{"XX", "", true}, {"NLD", "", true}, {"Netherlands", "", true},
	}
	for _, c := range cases {
		got, err := ParseCountry(c.in)
		if got != c.want || (err != nil) != c.bad {
			t.Errorf("ParseCountry(%q) = %q, %v", c.in, got, err)
		}
	}
	for _, c := range []struct{ country, lang, want string }{
		{"NL", "en", "NL"}, {"", "en", "GB"}, {"", "nb", "NO"}, {"US", "de", "US"},
	} {
		if got := (Settings{Country: c.country, Lang: c.lang}).PhoneRegion(); got != c.want {
			t.Errorf("PhoneRegion(%q, %q) = %q, want %q", c.country, c.lang, got, c.want)
		}
	}
	for in, want := range map[string]string{
		"en_NL.UTF-8": "NL", "nb_NO": "NO", "de_DE@euro": "DE", "C": "", "C.UTF-8": "", "en": "", "": "", "sv-SE": "SE", "en_ZZ.UTF-8": "",
	} {
		if got := CountryFromLocale(in); got != want {
			t.Errorf("CountryFromLocale(%q) = %q, want %q", in, got, want)
		}
	}
	s := DefaultSettings()
	s.Country = "xx"
	if err := s.Validate(); err == nil {
		t.Error("Validate accepted country xx")
	}
	s.Country = "se"
	if err := s.Validate(); err != nil || s.Country != "SE" {
		t.Errorf("Validate: %v, country %q", err, s.Country)
	}
}

// The rep's own address book allows one-to-one follow-up by email and
// phone on legitimate interest, says so (not "handed over a business card"),
// and nothing more: marketing and SMS need consent, and no notice is due.
func TestAddressBookSource(t *testing.T) {
	r := rec(SourceAddressBook)
	cases := []struct {
		ch      Channel
		p       Purpose
		allowed bool
		rule    string
	}{
		{ChannelEmail, PurposeFollowUp, true, RuleSourceAddressBook},
		{ChannelPhone, PurposeFollowUp, true, RuleSourceAddressBook},
		{ChannelSMS, PurposeFollowUp, false, RuleNoBasis},
		{ChannelEmail, PurposeNewsletter, false, RuleNoBasis},
		{ChannelEmail, PurposeOffers, false, RuleNoBasis},
	}
	for _, c := range cases {
		d := Decide(r, c.ch, c.p, day(2), 12)
		if d.Allowed != c.allowed || d.Rule != c.rule {
			t.Errorf("%s/%s: %v %s (%s)", c.ch, c.p, d.Allowed, d.Rule, d.Reason)
		}
		if c.allowed && (!strings.Contains(d.Reason, "own address book") || strings.Contains(d.Reason, "business card")) {
			t.Errorf("reason %q", d.Reason)
		}
	}
	if items := DueItems(r, day(2), 12); len(items) != 0 {
		t.Errorf("due items for an address-book contact: %v", items)
	}
	if _, err := ParseSource("address-book"); err != nil {
		t.Error(err)
	}
}
