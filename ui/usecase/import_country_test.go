package usecase

import (
	"strings"
	"testing"

	"warmlead/consent"
)

func writeVCF(t *testing.T, name, body string) string {
	t.Helper()
	return writeInDir(t, t.TempDir(), name, body)
}

func vcardWithPhone(name, email, phone string) string {
	return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\nEMAIL:" + email + "\r\nTEL;TYPE=WORK:" + phone + "\r\nEND:VCARD\r\n"
}

// National numbers read in the country chosen for the import, else the
// setting, else the language's; a number that still does not read keeps
// the card, as written, with a warning.
func TestImportNationalNumbers(t *testing.T) {
	cases := []struct {
		name, setting, chosen, phone string
		wantPhone, wantRaw           string
	}{
		{"NL number, country chosen", "", "NL", "(0)20 555 0100", "+31205550100", ""},
		{"NL number, setting", "NL", "", "020-5550100", "+31205550100", ""},
		{"NL number, chosen beats the setting", "US", "nl", "020-5550100", "+31205550100", ""},
		{"US number in the US", "", "US", "(410) 555-1234", "+14105551234", ""},
		{"international whatever the country", "NO", "", "+47 22 33 44 55", "+4722334455", ""},
		// An English rep in the Netherlands without the setting: the
		// language's country (GB) has no such number, so it is kept as
		// written rather than stored as a British one.
		{"no country: the language's (GB) does not read it", "", "", "(0)20 555 0100", "", "(0)20 555 0100"},
		{"unreadable: kept as written", "NL", "", "12", "", "12"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db := newTestApp(t)
			if c.setting != "" {
				if _, err := app.Settings.SetCountry(c.setting); err != nil {
					t.Fatal(err)
				}
			}
			path := writeVCF(t, "n.vcf", vcardWithPhone("Jan de Vries", "jan@vries.example", c.phone))
			res, err := app.Imports.Import([]string{path}, ImportOptions{Country: c.chosen})
			if err != nil {
				t.Fatal(err)
			}
			if res.Summary.Imported != 1 || res.Summary.Failed != 0 {
				t.Fatalf("summary %s, problems %v", res.Summary.Line(), res.Summary.Problems)
			}
			got := db.Index().Search("jan de vries")
			if len(got) != 1 {
				t.Fatalf("search: %+v", got)
			}
			rec, err := db.Record(got[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			p := rec.Prospect
			if p.Phone != c.wantPhone || p.PhoneRaw != c.wantRaw || p.Email != "jan@vries.example" || p.Name != "Jan de Vries" {
				t.Fatalf("phone %q raw %q email %q name %q, want %q %q", p.Phone, p.PhoneRaw, p.Email, p.Name, c.wantPhone, c.wantRaw)
			}
			kept := len(res.Warnings) == 1 && res.Warnings[0].Code == ProblemPhoneKept
			if kept != (c.wantRaw != "") {
				t.Errorf("warnings %v", res.Warnings)
			}
			want := Counts{Whole: 1}
			if c.wantRaw != "" {
				want = Counts{Dropped: 1}
			}
			if got := res.Counts(); got != want {
				t.Errorf("counts %+v, want %+v", got, want)
			}
		})
	}
}

// A prospect whose number was kept as written cannot be called (policy and
// call log) until the number is corrected; email stays open.
func TestUnreadPhoneBlocksCallsUntilCorrected(t *testing.T) {
	app, db := newTestApp(t)
	path := writeVCF(t, "n.vcf", vcardWithPhone("Jan de Vries", "jan@vries.example", "555 01"))
	if _, err := app.Imports.Import([]string{path}, ImportOptions{Country: "ZZ"}); err == nil {
		t.Fatal("country ZZ accepted")
	} else if CodeOf(err) != CodeInvalid || !strings.Contains(err.Error(), `"ZZ" is not a country code`) {
		t.Fatalf("bad country: %v", err)
	}
	if _, err := app.Imports.Import([]string{path}, ImportOptions{Country: "US"}); err != nil {
		t.Fatal(err)
	}
	id := db.Index().Search("jan de vries")[0].ID
	d, err := app.Consents.CanContact(id, consent.ChannelPhone, consent.PurposeFollowUp)
	if err != nil || d.Allowed || d.Rule != consent.RulePhoneUnread {
		t.Fatalf("phone: %+v %v", d, err)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeFollowUp); !d.Allowed {
		t.Fatalf("email: %+v", d)
	}
	_, err = app.Calls.Log(id, consent.CallLog{Outcome: consent.OutcomeReached})
	if CodeOf(err) != CodeBlocked || !strings.Contains(err.Error(), "no country code: cannot check the do-not-call register") {
		t.Fatalf("call log: %v", err)
	}
	if _, err := app.Prospects.Edit(id, "phone", "+31 20 555 0100"); err != nil {
		t.Fatal(err)
	}
	rec, _ := db.Record(id)
	if rec.Prospect.Phone != "+31205550100" || rec.Prospect.PhoneRaw != "" {
		t.Fatalf("after correction: %+v", rec.Prospect)
	}
	if d, _ := app.Consents.CanContact(id, consent.ChannelPhone, consent.PurposeFollowUp); !d.Allowed {
		t.Fatalf("phone after correction: %+v", d)
	}
	if _, err := app.Calls.Log(id, consent.CallLog{Outcome: consent.OutcomeNoAnswer}); err != nil {
		t.Fatalf("call after correction: %v", err)
	}
}

// Where the cards come from is what the rep chose, with the list's vendor;
// the contact answer says so, and never "handed over a business card"
// unless cards were chosen.
func TestImportSourceIsWhatTheRepChose(t *testing.T) {
	cases := []struct {
		source       consent.Source
		event, vendr string
		allowed      bool
		has, hasNot  string
	}{
		{consent.SourceAddressBook, "", "", true, "own address book", "business card"},
		{consent.SourceCard, "Vakbeurs Utrecht", "", true, "handed over a business card at Vakbeurs Utrecht", "address book"},
		{consent.SourceList, "", "LeadCo", false, "bought list from LeadCo", "business card"},
		{consent.SourceCustomer, "", "", true, "is a customer", "business card"},
		{"", "", "", true, "handed over a business card", "address book"}, // scripts: the default stays card
	}
	for _, c := range cases {
		t.Run(string(c.source), func(t *testing.T) {
			app, db := newTestApp(t)
			path := writeVCF(t, "a.vcf", vcardWithPhone("Kari Nordmann", "kari@nordmann.example", "+47 22 33 44 55"))
			if _, err := app.Imports.Import([]string{path}, ImportOptions{Source: c.source, Event: c.event, ListVendor: c.vendr}); err != nil {
				t.Fatal(err)
			}
			id := db.Index().Search("kari")[0].ID
			rec, _ := db.Record(id)
			if want := cmpOr(c.source, consent.SourceCard); rec.Prospect.Source != want || rec.Prospect.ListVendor != c.vendr {
				t.Fatalf("source %q vendor %q", rec.Prospect.Source, rec.Prospect.ListVendor)
			}
			d, _ := app.Consents.CanContact(id, consent.ChannelEmail, consent.PurposeFollowUp)
			if d.Allowed != c.allowed || !strings.Contains(d.Reason, c.has) || strings.Contains(d.Reason, c.hasNot) {
				t.Fatalf("answer %+v", d)
			}
		})
	}
}

func cmpOr(a, b consent.Source) consent.Source {
	if a != "" {
		return a
	}
	return b
}

// A file that holds no card is a failure of its own, said: an empty file,
// one with only white space, and a CSV alike.
func TestImportFileWithoutCards(t *testing.T) {
	for name, body := range map[string]string{"empty.vcf": "", "blank.vcf": " \r\n\r\n", "contacts.vcf": "name,email\nJan,jan@x.example\n"} {
		t.Run(name, func(t *testing.T) {
			app, _ := newTestApp(t)
			res, err := app.Imports.Import([]string{writeVCF(t, name, body)}, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if res.FilesFailed() != 1 || res.Summary.Failed != 1 || len(res.Summary.Problems) != 1 {
				t.Fatalf("%s: files failed %d, %+v", name, res.FilesFailed(), res.Summary)
			}
			if code := res.Summary.Problems[0].Code; code != ProblemEmptyFile && code != ProblemNotVCard {
				t.Errorf("code %s", code)
			}
		})
	}
}

func TestCountryFromEnv(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "en_NL.UTF-8"}, "NL"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_TELEPHONE": "nb_NO.UTF-8"}, "NO"},
		{map[string]string{"LC_ALL": "de_DE.UTF-8", "LC_TELEPHONE": "nb_NO.UTF-8"}, "DE"},
		{map[string]string{"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, ""},
		{map[string]string{"LANG": "C.UTF-8"}, ""},
		{map[string]string{}, ""},
	}
	for _, c := range cases {
		if got := countryFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %q, want %q", c.env, got, c.want)
		}
	}
}

func TestSetCountry(t *testing.T) {
	app, db := newTestApp(t)
	if _, err := app.Settings.SetCountry("zz"); CodeOf(err) != CodeInvalid {
		t.Fatalf("zz: %v", err)
	}
	st, err := app.Settings.SetCountry("se")
	if err != nil || st.Country != "SE" {
		t.Fatalf("%+v %v", st, err)
	}
	if got, _ := db.Settings(); got.Country != "SE" || got.Rep != "Rita Rep" {
		t.Fatalf("stored %+v", got)
	}
	p, err := app.Prospects.Add(consent.Prospect{Name: "Sven", Phone: "08-555 123 45", Source: consent.SourceCard}, AddOptions{})
	if err != nil || !strings.HasPrefix(p.Phone, "+46") {
		t.Fatalf("add reads national numbers in the setting: %+v %v", p, err)
	}
}
