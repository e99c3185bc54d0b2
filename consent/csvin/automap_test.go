package csvin

import (
	"strings"
	"testing"

	"warmlead/consent"
)

func TestAutoMapHeaders(t *testing.T) {
	nl := func(p consent.Purpose) Field {
		return ConsentField(consent.PurposeChannel{Purpose: p, Channel: consent.ChannelEmail})
	}
	for _, c := range []struct {
		name   string
		header string // comma-separated
		want   []Field
	}{
		{"warmlead export", "name,company,title,email,phone,source,event,list_vendor,lang",
			[]Field{Name, Company, Title, Email, Phone, Source, Event, ListVendor, Lang}},
		{"outlook", "Title,First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,E-mail 2 Address,Business Phone,Home Phone,Mobile Phone",
			[]Field{Ignore, FirstName, MiddleName, LastName, Company, Title, Email, Email, Phone, Ignore, Phone}},
		{"google", "First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Phone 1 - Value",
			[]Field{FirstName, LastName, Company, Title, Email, Phone}},
		{"hubspot", "First Name,Last Name,Email,Phone Number,Company Name,Job Title",
			[]Field{FirstName, LastName, Email, Phone, Company, Title}},
		{"pipedrive", "Person - Name,Person - Email - Work,Person - Phone - Work,Person - Organization",
			[]Field{Name, Email, Phone, Company}},
		{"linkedin", "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
			[]Field{FirstName, LastName, Ignore, Email, Company, Title, Ignore}},
		{"dutch", "Voornaam,Tussenvoegsel,Achternaam,Bedrijf,Functie,E-mailadres,Telefoon",
			[]Field{FirstName, MiddleName, LastName, Company, Title, Email, Phone}},
		{"german, case and accents aside", "VORNAME,nachname,Firma,Position,E-Mail-Adresse,TELEFON GESCHAFTLICH",
			[]Field{FirstName, LastName, Company, Title, Email, Phone}},
		{"norwegian", "Fornavn,Etternavn,Bedrift,Stilling,E-post,Mobil",
			[]Field{FirstName, LastName, Company, Title, Email, Phone}},
		{"swedish", "Förnamn,Efternamn,Företag,Befattning,E-postadress,Telefon",
			[]Field{FirstName, LastName, Company, Title, Email, Phone}},
		{"mailchimp", "Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,Newsletter",
			[]Field{Email, FirstName, LastName, ConsentTime, ConfirmTime, nl(consent.PurposeNewsletter)}},
		{"form tool in five languages", "Naam,E-mail,Nieuwsbrief,Evenementen per telefoon,Samtykke produktinformasjon,Einwilligung Angebote,Tijdstempel,Newsletter opt-in date",
			[]Field{Name, Email, nl(consent.PurposeNewsletter),
				ConsentField(consent.PurposeChannel{Purpose: consent.PurposeEvents, Channel: consent.ChannelPhone}),
				nl(consent.PurposeProductInfo), nl(consent.PurposeOffers), ConsentTime, Ignore}},
		{"unknown columns", "Shoe size,Favourite colour", []Field{Ignore, Ignore}},
		{"one column per field", "Company,Organisation,Name,Full name", []Field{Company, Ignore, Name, Ignore}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := AutoMap(strings.Split(c.header, ","))
			if len(got) != len(c.want) {
				t.Fatalf("%d fields for %d columns", len(got), len(c.want))
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("%q maps to %q, want %q", strings.Split(c.header, ",")[i], got[i], c.want[i])
				}
			}
		})
	}
}

func TestParseFieldAndOverride(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Field
		bad  bool
	}{
		{"email", Email, false}, {"First-Name", FirstName, false}, {"list-vendor", ListVendor, false},
		{"ignore", Ignore, false}, {"consent:newsletter", "consent:newsletter", false},
		{"consent:newsletter:email", "consent:newsletter", false}, {"consent:events:phone", "consent:events:phone", false},
		{"consent:lottery", "", true}, {"consent:newsletter:fax", "", true}, {"shoe_size", "", true},
	} {
		got, err := ParseField(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseField(%q) = %q, %v", c.in, got, err)
		}
	}
	header := []string{"E-Mail", "Firma", "Notiz"}
	m, err := AutoMap(header).Override(header, "e-mail=ignore, FIRMA=company,notiz=title")
	if err != nil || m[0] != Ignore || m[1] != Company || m[2] != Title {
		t.Fatalf("override: %q, %v", m, err)
	}
	if _, err := AutoMap(header).Override(header, "Emial=email"); err == nil || !strings.Contains(err.Error(), "E-Mail, Firma, Notiz") {
		t.Errorf("unknown column: %v", err)
	}
	if _, err := AutoMap(header).Override(header, "Firma"); err == nil {
		t.Error("a pair without = accepted")
	}
}
