package csvin

import (
	"strings"
	"unicode"

	"warmlead/consent"
)

// headerKey is a header as the dictionary knows it: folded (case and
// accents aside, ø as o) and without spaces or punctuation, so "E-mail
// Address", "e_mail address" and "EMAIL ADDRESS" are one key.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range consent.Fold(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// alias is a known header and how sure the match is: when several columns
// claim one field, only the surest are mapped (Outlook's "Job Title" beats
// its "Title", which is Mr or Ms).
type alias struct {
	field Field
	rank  int
}

// known maps header keys, in the five languages and as CRM, Outlook,
// Google, HubSpot, Pipedrive, Salesforce, LinkedIn and Mailchimp exports
// write them, to fields. Warmlead's own export header is among them.
var known = map[string]alias{}

func init() {
	add := func(f Field, rank int, headers ...string) {
		for _, h := range headers {
			known[headerKey(h)] = alias{f, rank}
		}
	}
	add(Name, 3, "name", "full name", "naam", "volledige naam", "navn", "fullt navn", "namn", "fullständigt namn",
		"vollständiger name", "contact name", "contact", "display name", "contact person", "contactpersoon",
		"kontaktperson", "ansprechpartner", "person - name", "person name", "lead name", "kontakt")
	add(FirstName, 3, "first name", "firstname", "given name", "voornaam", "roepnaam", "fornavn", "förnamn", "vorname", "first")
	add(MiddleName, 3, "middle name", "additional name", "tussenvoegsel", "tussenvoegsels", "mellomnavn", "mellannamn", "zweiter vorname")
	add(LastName, 3, "last name", "lastname", "surname", "family name", "achternaam", "etternavn", "efternamn", "nachname",
		"familienname", "last")
	add(Company, 3, "company", "company name", "organization", "organisation", "organization name", "organisation name",
		"organization 1 - name", "organization - name", "person - organization", "account", "account name", "bedrijf",
		"bedrijfsnaam", "organisatie", "firma", "firmanaam", "firmanavn", "selskap", "bedrift", "organisasjon", "företag",
		"företagsnamn", "unternehmen", "firmenname", "employer", "werkgever", "arbeidsgiver", "arbetsgivare", "arbeitgeber")
	add(Title, 3, "job title", "jobtitle", "position", "role", "function", "functie", "functietitel", "stilling",
		"stillingstittel", "befattning", "yrkestitel", "tjänst", "rolle", "funktion", "berufsbezeichnung", "organization title",
		"organization 1 - title", "job", "beroep", "positie")
	add(Title, 1, "title", "titel", "tittel")
	add(Email, 3, "email", "e-mail", "email address", "e-mail address", "e-mail 1 - value", "e-mail 1 value", "email 1",
		"e-mail adres", "e-mailadres", "emailadres", "mail", "e-post", "epost", "e-postadresse", "e-postadress",
		"e-mail-adresse", "person - email", "person - email - work", "work email", "business email", "email (work)",
		"zakelijk e-mailadres", "e-mail (werk)", "primary email", "e-mail 2 address", "e-mail 3 address", "email 2")
	add(Phone, 3, "phone", "telephone", "phone number", "business phone", "business phone 2", "work phone", "mobile phone",
		"mobile", "mobile phone number", "mobile number", "cell", "cell phone", "phone 1 - value", "phone 1 value",
		"person - phone", "person - phone - work", "person - phone - mobile", "primary phone", "company main phone",
		"telefoon", "telefoonnummer", "mobiel", "mobiele telefoon", "mobiel nummer", "telefoon werk", "zakelijk telefoonnummer",
		"telefon", "telefonnummer", "mobil", "mobiltelefon", "mobilnummer", "telefon arbeid", "jobbtelefon", "arbetstelefon",
		"telefon (arbeit)", "telefon geschäftlich", "handy", "handynummer", "tel", "tel.", "gsm")
	add(Source, 3, "source", "lead source", "bron", "kilde", "källa", "quelle", "herkunft")
	add(Event, 3, "event", "event name", "trade fair", "beurs", "evenement", "messe", "arrangement", "mässa", "veranstaltung")
	add(ListVendor, 3, "list_vendor", "list vendor", "vendor", "list provider", "leverancier", "lijstleverancier",
		"leverandør", "leverantör", "listenanbieter", "anbieter")
	add(Lang, 3, "lang", "language", "taal", "språk", "sprache", "preferred language")
	add(ConsentTime, 3, "consent time", "consent date", "consent given", "consent given at", "consent timestamp",
		"optin time", "opt-in time", "opt-in date", "optin date", "opted in at", "submitted at", "submitted on",
		"submission date", "submission time", "date submitted", "time submitted", "timestamp", "tijdstempel",
		"tidsmerke", "tidsstempel", "tidsstämpel", "zeitstempel", "toestemming gegeven op", "datum toestemming",
		"toestemmingsdatum", "ingezonden op", "samtykke gitt", "samtykkedato", "samtycke givet", "samtyckesdatum",
		"einwilligung am", "einwilligungsdatum", "eingereicht am", "created (form)", "entry date", "date created form")
	add(ConfirmTime, 3, "confirm time", "confirmed at", "confirmation time", "confirmation date", "double opt-in",
		"double opt-in confirmed", "double opt-in time", "double opt-in date", "doi", "doi confirmed", "doi time",
		"opt-in confirmed", "optin confirmed", "confirmed", "bevestigd", "bevestigd op", "bevestigingsdatum",
		"bekreftet", "bekreftet dato", "bekräftad", "bekräftelsedatum", "bestätigt", "bestätigt am", "bestätigungsdatum",
		"doi bestätigt")
}

// purposeWords name each purpose in a consent column's header, in the
// five languages; channelWords say a channel other than email.
var purposeWords = []struct {
	p     consent.Purpose
	words []string
}{
	{consent.PurposeThirdParty, []string{"thirdparty", "derden", "derde", "tredjepart", "tredjeparter", "dritte"}},
	{consent.PurposeNewsletter, []string{"newsletter", "nieuwsbrief", "nyhetsbrev"}},
	{consent.PurposeProductInfo, []string{"productinfo", "productinformatie", "produktinfo", "productupdates", "productnews"}},
	{consent.PurposeEvents, []string{"events", "evenementen", "arrangementer", "evenemang", "veranstaltungen", "webinar", "invitations", "uitnodigingen", "invitasjoner", "inbjudningar", "einladungen"}},
	{consent.PurposeOffers, []string{"offers", "aanbiedingen", "aanbod", "tilbud", "erbjudanden", "angebote", "promotions"}},
	{consent.PurposeTracking, []string{"tracking"}},
	{consent.PurposeFollowUp, []string{"followup", "opvolging", "oppfolging", "uppfoljning", "nachfassen", "contactme", "neemcontact", "kontaktmeg", "kontaktamig", "kontaktieren"}},
}

var channelWords = []struct {
	ch    consent.Channel
	words []string
}{
	{consent.ChannelSMS, []string{"sms", "textmessage"}},
	{consent.ChannelEmail, []string{"email", "epost", "mail"}},
	{consent.ChannelPhone, []string{"phone", "telefoon", "telefon", "bellen", "call", "anruf"}},
	{consent.ChannelPost, []string{"postal", "perpost", "bypost", "postweg"}},
}

// consentColumn reads a header that names a purpose ("Newsletter",
// "Toestemming nieuwsbrief", "Einwilligung Veranstaltungen per Telefon")
// as a consent column: by email unless another channel is named.
func consentColumn(key string) (Field, bool) {
	for _, w := range []string{"date", "time", "datum", "dato", "zeit", "tidspunkt", "tidpunkt"} {
		if strings.Contains(key, w) {
			return Ignore, false // "Newsletter opt-in date" is a time, not a tick
		}
	}
	for _, pw := range purposeWords {
		for _, w := range pw.words {
			if !strings.Contains(key, w) {
				continue
			}
			ch := consent.ChannelEmail
		channels:
			for _, cw := range channelWords {
				for _, c := range cw.words {
					if strings.Contains(key, c) {
						ch = cw.ch
						break channels
					}
				}
			}
			return ConsentField(consent.PurposeChannel{Purpose: pw.p, Channel: ch}), true
		}
	}
	return Ignore, false
}

// AutoMap guesses what each column holds from its header: a known header
// (see known), else a header naming a purpose is a consent column, else
// the column is ignored. A private ("home") email or phone is ignored: a
// B2B prospect's work details are what the rep needs. When several columns
// claim a field, only those of the highest rank keep it; several emails or
// phones of one rank all map, and a row takes the first one filled.
func AutoMap(header []string) Mapping {
	m := make(Mapping, len(header))
	rank := make([]int, len(header))
	best := map[Field]int{}
	for i, h := range header {
		key := headerKey(h)
		if a, ok := known[key]; ok {
			m[i], rank[i] = a.field, a.rank
		} else if f, ok := consentColumn(key); ok {
			m[i], rank[i] = f, 2
		}
		if m[i] != Ignore && rank[i] > best[m[i]] {
			best[m[i]] = rank[i]
		}
	}
	seen := map[Field]bool{}
	for i, f := range m {
		switch {
		case f == Ignore:
		case rank[i] < best[f]:
			m[i] = Ignore
		case f != Email && f != Phone && seen[f]:
			m[i] = Ignore // one column per field, the first of the surest
		}
		seen[m[i]] = true
	}
	return m
}
