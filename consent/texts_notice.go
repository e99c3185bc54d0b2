package consent

import "strings"

// The Art. 14 notice in every language Warmlead writes. Each language is
// written as a native writer would put it (the law's local name: GDPR, AVG,
// personvernregelverket, dataskyddsförordningen, DSGVO; the local supervisory
// authority where a language has one country), not translated word for word,
// so sentences differ in shape: the source sentences name their facts by
// place ({date}, {rep}), each language in its own order. The texts hold no
// links: the only URLs in a notice are the two from the
// settings, so nothing in it can track the reader.

// noticeLang holds one language's texts. Strings with %s take the company
// name; their "Us" twins are used when no company is set.
type noticeLang struct {
	code                   string
	subject, subjectUs     string
	greet, greetAnon       string
	greetFullName          bool // German greets formally with the full name
	intro, introUs         string
	and                    string
	fields                 [5]string // name, company, title, email, phone
	log                    string
	holdLabel, fromLabel   string
	whyLabel, howLongLabel string
	why, whyUs             string
	basis                  [noticeBasisCount]string
	howLong                string // %d months, %s end date
	rightsHead             string
	rights                 [6]string // access, rectification, portability, erasure, objection, complaint
	exercise               string
	privacy, prefs         string
	regards                string
	capitalise             bool // a full sentence after a colon starts with a capital
	// Where the data comes from, by source: {date} the day, {rep} the rep
	// (or us when none is set), {event} and {vendor} as recorded.
	us           string
	sources      map[Source]string
	sourceVendor string // a purchased list whose vendor is known
	sourceEvent  string // a business card given at a named event
	sourceOther  string // a source with no sentence of its own
}

// source is the sentence that says where the data comes from.
func (t *noticeLang) source(s Source, a sourceArgs) string {
	tpl, ok := t.sources[s]
	switch {
	case !ok:
		tpl = t.sourceOther
	case s == SourceList && a.vendor != "":
		tpl = t.sourceVendor
	case s == SourceCard && a.event != "":
		tpl = t.sourceEvent
	}
	rep := a.rep
	if rep == "" {
		rep = t.us
	}
	// One pass: a value that holds a placeholder is not expanded again.
	return strings.NewReplacer("{date}", a.date, "{rep}", rep, "{event}", a.event, "{vendor}", a.vendor).Replace(tpl)
}

var noticeTexts = map[string]*noticeLang{
	"en": {
		code:         "en",
		subject:      "How %s uses your personal data",
		subjectUs:    "How we use your personal data",
		greet:        "Dear %s,",
		greetAnon:    "Hello,",
		intro:        "I am writing to tell you which personal data %s holds about you, where it comes from and what your rights are under the GDPR.",
		introUs:      "I am writing to tell you which personal data we hold about you, where it comes from and what your rights are under the GDPR.",
		and:          "and",
		fields:       [5]string{"your name", "your company", "your job title", "your email address", "your phone number"},
		log:          "a record of our contacts with you",
		holdLabel:    "What we hold: ",
		fromLabel:    "Where it comes from: ",
		whyLabel:     "Why: ",
		howLongLabel: "How long: ",
		why:          "to contact you, business to business, about the services of %s.",
		whyUs:        "to contact you, business to business, about our services.",
		basis: [noticeBasisCount]string{
			basisPending:    "We will only do so if you agree to it.",
			basisLegitimate: "We do so on the basis of our legitimate interest (Art. 6(1)(f) GDPR); you can object at any time.",
			basisConsent:    "We do so because you agreed to it (Art. 6(1)(a) GDPR); you can withdraw your consent at any time.",
			basisContract:   "We do so because you are our customer (Art. 6(1)(b) GDPR).",
		},
		howLong:    "we keep your data for %d months after our last contact with you, that is until %s unless we are in touch again before then. After that we erase it.",
		rightsHead: "Your rights under the GDPR:",
		rights: [6]string{
			"access to the data we hold about you",
			"correction of anything that is wrong",
			"portability: a copy of your data in a machine-readable format",
			"erasure of your data",
			"objection: ask us to stop contacting you",
			"a complaint to a data protection supervisory authority",
		},
		exercise: "To use any of these rights, simply reply to this email.",
		privacy:  "Our privacy statement: ",
		prefs:    "Your preferences, or unsubscribe: ",
		regards:  "Kind regards,",
		us:       "us",
		sources: map[Source]string{
			SourceReferral: "you were referred to us by one of our customers on {date}",
			SourceList:     "your details were on a purchased list, which we received on {date}",
			SourceCard:     "a business card you gave {rep} on {date}",
			SourceSocial:   "your public profile on LinkedIn or a similar social network, found on {date}",
			SourceColdCall: "a phone call with {rep} on {date}",
			SourceInbound:  "you contacted us yourself on {date}",
			SourceCustomer: "your contract with us, since {date}",
		},
		sourceVendor: "your details were on a purchased list from {vendor}, which we received on {date}",
		sourceEvent:  "a business card you gave {rep} at {event} on {date}",
		sourceOther:  "a business contact on {date}",
	},
	"nl": {
		code:         "nl",
		subject:      "Hoe %s met uw persoonsgegevens omgaat",
		subjectUs:    "Hoe wij met uw persoonsgegevens omgaan",
		greet:        "Beste %s,",
		greetAnon:    "Goedendag,",
		intro:        "Met deze e-mail laat ik u weten welke persoonsgegevens %s van u bewaart, waar ze vandaan komen en welke rechten u hebt onder de AVG.",
		introUs:      "Met deze e-mail laat ik u weten welke persoonsgegevens wij van u bewaren, waar ze vandaan komen en welke rechten u hebt onder de AVG.",
		and:          "en",
		fields:       [5]string{"uw naam", "uw bedrijf", "uw functie", "uw e-mailadres", "uw telefoonnummer"},
		log:          "een overzicht van ons contact met u",
		holdLabel:    "Wat wij bewaren: ",
		fromLabel:    "Waar ze vandaan komen: ",
		whyLabel:     "Waarom: ",
		howLongLabel: "Hoe lang: ",
		why:          "om zakelijk contact met u op te nemen over de diensten van %s.",
		whyUs:        "om zakelijk contact met u op te nemen over onze diensten.",
		basis: [noticeBasisCount]string{
			basisPending:    "Dat doen wij alleen als u daarmee instemt.",
			basisLegitimate: "Wij doen dat op grond van ons gerechtvaardigd belang (art. 6 lid 1 sub f AVG); u kunt daar altijd bezwaar tegen maken.",
			basisConsent:    "Wij doen dat omdat u daarvoor toestemming hebt gegeven (art. 6 lid 1 sub a AVG); u kunt die toestemming altijd intrekken.",
			basisContract:   "Wij doen dat omdat u klant bij ons bent (art. 6 lid 1 sub b AVG).",
		},
		howLong:    "wij bewaren uw gegevens tot %d maanden na ons laatste contact, dus tot %s, tenzij we elkaar eerder weer spreken. Daarna verwijderen wij ze.",
		rightsHead: "Uw rechten onder de AVG:",
		rights: [6]string{
			"inzage in de gegevens die wij over u hebben",
			"correctie van gegevens die niet kloppen",
			"overdraagbaarheid: een kopie van uw gegevens in een machineleesbaar formaat",
			"verwijdering van uw gegevens",
			"bezwaar: u vraagt ons geen contact meer met u op te nemen",
			"een klacht indienen bij de toezichthouder, in Nederland de Autoriteit Persoonsgegevens",
		},
		exercise: "Wilt u een van deze rechten gebruiken? Beantwoord dan gewoon deze e-mail.",
		privacy:  "Onze privacyverklaring: ",
		prefs:    "Uw voorkeuren of afmelden: ",
		regards:  "Met vriendelijke groet,",
		us:       "ons",
		sources: map[Source]string{
			SourceReferral: "een van onze klanten heeft u op {date} bij ons aanbevolen",
			SourceList:     "uw gegevens stonden op een gekochte adressenlijst, die wij op {date} ontvingen",
			SourceCard:     "het visitekaartje dat u {rep} gaf op {date}",
			SourceSocial:   "uw openbare profiel op LinkedIn of een vergelijkbaar sociaal netwerk, gevonden op {date}",
			SourceColdCall: "een telefoongesprek met {rep} op {date}",
			SourceInbound:  "u nam op {date} zelf contact met ons op",
			SourceCustomer: "uw overeenkomst met ons, sinds {date}",
		},
		sourceVendor: "uw gegevens stonden op een gekochte lijst van {vendor}, die wij op {date} ontvingen",
		sourceEvent:  "het visitekaartje dat u {rep} gaf tijdens {event}, op {date}",
		sourceOther:  "een zakelijk contact op {date}",
	},
	"nb": {
		code:         "nb",
		subject:      "Slik behandler %s personopplysningene dine",
		subjectUs:    "Slik behandler vi personopplysningene dine",
		greet:        "Hei %s,",
		greetAnon:    "Hei,",
		intro:        "Jeg skriver for å fortelle hvilke personopplysninger %s har om deg, hvor de kommer fra, og hvilke rettigheter du har etter personvernregelverket (GDPR).",
		introUs:      "Jeg skriver for å fortelle hvilke personopplysninger vi har om deg, hvor de kommer fra, og hvilke rettigheter du har etter personvernregelverket (GDPR).",
		and:          "og",
		fields:       [5]string{"navnet ditt", "bedriften din", "stillingstittelen din", "e-postadressen din", "telefonnummeret ditt"},
		log:          "en oversikt over kontakten vår med deg",
		holdLabel:    "Hva vi lagrer: ",
		fromLabel:    "Hvor de kommer fra: ",
		whyLabel:     "Hvorfor: ",
		howLongLabel: "Hvor lenge: ",
		why:          "for å kontakte deg i jobbsammenheng om tjenestene til %s.",
		whyUs:        "for å kontakte deg i jobbsammenheng om tjenestene våre.",
		basis: [noticeBasisCount]string{
			basisPending:    "Det gjør vi bare hvis du sier ja til det.",
			basisLegitimate: "Vi gjør det på grunnlag av vår berettigede interesse (personvernforordningen art. 6 nr. 1 bokstav f); du kan når som helst protestere.",
			basisConsent:    "Vi gjør det fordi du har samtykket (personvernforordningen art. 6 nr. 1 bokstav a); du kan når som helst trekke samtykket tilbake.",
			basisContract:   "Vi gjør det fordi du er kunde hos oss (personvernforordningen art. 6 nr. 1 bokstav b).",
		},
		howLong:    "vi lagrer opplysningene dine i %d måneder etter siste kontakt, altså til %s, med mindre vi har kontakt igjen før det. Deretter sletter vi dem.",
		rightsHead: "Rettighetene dine etter personvernregelverket:",
		rights: [6]string{
			"innsyn i opplysningene vi har om deg",
			"retting av opplysninger som er feil",
			"dataportabilitet: en kopi av opplysningene dine i et maskinlesbart format",
			"sletting av opplysningene dine",
			"protest: be oss slutte å kontakte deg",
			"klage til Datatilsynet",
		},
		exercise: "Vil du bruke noen av disse rettighetene, svarer du bare på denne e-posten.",
		privacy:  "Personvernerklæringen vår: ",
		prefs:    "Innstillingene dine, eller avmelding: ",
		regards:  "Vennlig hilsen",
		us:       "oss",
		sources: map[Source]string{
			SourceReferral: "en av kundene våre anbefalte deg til oss den {date}",
			SourceList:     "opplysningene dine sto på en kjøpt adresseliste, som vi mottok den {date}",
			SourceCard:     "visittkortet du ga {rep} den {date}",
			SourceSocial:   "den offentlige profilen din på LinkedIn eller et lignende sosialt nettverk, funnet den {date}",
			SourceColdCall: "en telefonsamtale med {rep} den {date}",
			SourceInbound:  "du tok selv kontakt med oss den {date}",
			SourceCustomer: "avtalen din med oss, siden {date}",
		},
		sourceVendor: "opplysningene dine sto på en kjøpt liste fra {vendor}, som vi mottok den {date}",
		sourceEvent:  "visittkortet du ga {rep} på {event} den {date}",
		sourceOther:  "en forretningskontakt den {date}",
	},
	"sv": {
		code:         "sv",
		subject:      "Så behandlar %s dina personuppgifter",
		subjectUs:    "Så behandlar vi dina personuppgifter",
		greet:        "Hej %s,",
		greetAnon:    "Hej,",
		intro:        "Jag skriver för att berätta vilka personuppgifter %s har om dig, var de kommer ifrån och vilka rättigheter du har enligt dataskyddsförordningen (GDPR).",
		introUs:      "Jag skriver för att berätta vilka personuppgifter vi har om dig, var de kommer ifrån och vilka rättigheter du har enligt dataskyddsförordningen (GDPR).",
		and:          "och",
		fields:       [5]string{"ditt namn", "ditt företag", "din titel", "din e-postadress", "ditt telefonnummer"},
		log:          "en logg över våra kontakter med dig",
		holdLabel:    "Vad vi sparar: ",
		fromLabel:    "Var de kommer ifrån: ",
		whyLabel:     "Varför: ",
		howLongLabel: "Hur länge: ",
		why:          "för att kontakta dig i affärssyfte om tjänster från %s.",
		whyUs:        "för att kontakta dig i affärssyfte om våra tjänster.",
		basis: [noticeBasisCount]string{
			basisPending:    "Det gör vi bara om du själv vill det.",
			basisLegitimate: "Vi gör det med stöd av vårt berättigade intresse (artikel 6.1 f i dataskyddsförordningen); du kan när som helst invända.",
			basisConsent:    "Vi gör det eftersom du har samtyckt (artikel 6.1 a i dataskyddsförordningen); du kan när som helst återkalla ditt samtycke.",
			basisContract:   "Vi gör det eftersom du är kund hos oss (artikel 6.1 b i dataskyddsförordningen).",
		},
		howLong:    "vi sparar dina uppgifter i %d månader efter vår senaste kontakt, alltså till %s, om vi inte hörs igen innan dess. Därefter raderar vi dem.",
		rightsHead: "Dina rättigheter enligt dataskyddsförordningen:",
		rights: [6]string{
			"tillgång till de uppgifter vi har om dig",
			"rättelse av uppgifter som är fel",
			"dataportabilitet: en kopia av dina uppgifter i ett maskinläsbart format",
			"radering av dina uppgifter",
			"invändning: be oss sluta kontakta dig",
			"klagomål till Integritetsskyddsmyndigheten (IMY)",
		},
		exercise: "Om du vill använda någon av dessa rättigheter räcker det att du svarar på det här mejlet.",
		privacy:  "Vår integritetspolicy: ",
		prefs:    "Dina inställningar, eller avregistrering: ",
		regards:  "Vänliga hälsningar",
		us:       "oss",
		sources: map[Source]string{
			SourceReferral: "en av våra kunder rekommenderade dig till oss den {date}",
			SourceList:     "dina uppgifter fanns på en köpt adresslista, som vi fick den {date}",
			SourceCard:     "visitkortet du gav {rep} den {date}",
			SourceSocial:   "din offentliga profil på LinkedIn eller ett liknande socialt nätverk, hittad den {date}",
			SourceColdCall: "ett telefonsamtal med {rep} den {date}",
			SourceInbound:  "du kontaktade oss själv den {date}",
			SourceCustomer: "ditt avtal med oss, sedan {date}",
		},
		sourceVendor: "dina uppgifter fanns på en köpt lista från {vendor}, som vi fick den {date}",
		sourceEvent:  "visitkortet du gav {rep} på {event} den {date}",
		sourceOther:  "en affärskontakt den {date}",
	},
	"de": {
		code:          "de",
		subject:       "Wie %s Ihre personenbezogenen Daten verarbeitet",
		subjectUs:     "Wie wir Ihre personenbezogenen Daten verarbeiten",
		greet:         "Guten Tag %s,",
		greetAnon:     "Guten Tag,",
		greetFullName: true,
		intro:         "mit dieser E-Mail informiere ich Sie darüber, welche personenbezogenen Daten %s über Sie gespeichert hat, woher sie stammen und welche Rechte Sie nach der DSGVO haben.",
		introUs:       "mit dieser E-Mail informiere ich Sie darüber, welche personenbezogenen Daten wir über Sie gespeichert haben, woher sie stammen und welche Rechte Sie nach der DSGVO haben.",
		and:           "und",
		fields:        [5]string{"Ihren Namen", "Ihr Unternehmen", "Ihre Position", "Ihre E-Mail-Adresse", "Ihre Telefonnummer"},
		log:           "ein Protokoll unserer Kontakte mit Ihnen",
		holdLabel:     "Was wir speichern: ",
		fromLabel:     "Woher sie stammen: ",
		whyLabel:      "Warum: ",
		howLongLabel:  "Wie lange: ",
		why:           "um Sie geschäftlich zu den Leistungen von %s zu kontaktieren.",
		whyUs:         "um Sie geschäftlich zu unseren Leistungen zu kontaktieren.",
		basis: [noticeBasisCount]string{
			basisPending:    "Das tun wir nur, wenn Sie damit einverstanden sind.",
			basisLegitimate: "Rechtsgrundlage ist unser berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO); Sie können jederzeit widersprechen.",
			basisConsent:    "Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); Sie können sie jederzeit widerrufen.",
			basisContract:   "Rechtsgrundlage ist Ihr Vertrag mit uns (Art. 6 Abs. 1 lit. b DSGVO).",
		},
		howLong:    "Wir speichern Ihre Daten %d Monate nach unserem letzten Kontakt, also bis zum %s, sofern wir nicht vorher wieder in Kontakt sind. Danach löschen wir sie.",
		rightsHead: "Ihre Rechte nach der DSGVO:",
		rights: [6]string{
			"Auskunft über die Daten, die wir über Sie speichern",
			"Berichtigung falscher Daten",
			"Datenübertragbarkeit: eine Kopie Ihrer Daten in einem maschinenlesbaren Format",
			"Löschung Ihrer Daten",
			"Widerspruch: Sie können uns bitten, Sie nicht mehr zu kontaktieren",
			"Beschwerde bei einer Datenschutz-Aufsichtsbehörde",
		},
		exercise:   "Um eines dieser Rechte auszuüben, antworten Sie einfach auf diese E-Mail.",
		privacy:    "Unsere Datenschutzerklärung: ",
		prefs:      "Ihre Einstellungen oder Abmeldung: ",
		regards:    "Mit freundlichen Grüßen",
		capitalise: true,
		us:         "uns",
		sources: map[Source]string{
			SourceReferral: "einer unserer Kunden hat Sie uns am {date} empfohlen",
			SourceList:     "Ihre Daten standen auf einer gekauften Adressliste, die wir am {date} erhalten haben",
			SourceCard:     "Sie haben {rep} am {date} Ihre Visitenkarte gegeben",
			SourceSocial:   "wir haben am {date} Ihr öffentliches Profil auf LinkedIn oder einem ähnlichen sozialen Netzwerk gefunden",
			SourceColdCall: "Sie haben am {date} mit {rep} telefoniert",
			SourceInbound:  "Sie haben am {date} selbst Kontakt mit uns aufgenommen",
			SourceCustomer: "Sie sind seit dem {date} unser Kunde",
		},
		sourceVendor: "Ihre Daten standen auf einer gekauften Liste von {vendor}, die wir am {date} erhalten haben",
		sourceEvent:  "Sie haben {rep} bei {event} am {date} Ihre Visitenkarte gegeben",
		sourceOther:  "wir haben Sie am {date} geschäftlich kennengelernt",
	},
}
