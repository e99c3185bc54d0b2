package consent

import "fmt"

// The Art. 14 notice in every language Warmlead writes. Each language is
// written as a native writer would put it (the law's local name: GDPR, AVG,
// personvernregelverket, dataskyddsförordningen, DSGVO; the local supervisory
// authority where a language has one country), not translated word for word,
// so sentences differ in shape and the source sentences are functions. The
// texts hold no links: the only URLs in a notice are the two from the
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
	source                 func(Source, sourceArgs) string
}

// orUs puts the rep's name in a source sentence, or "us" when there is none.
func orUs(rep, us string) string {
	if rep == "" {
		return us
	}
	return rep
}

var noticeTexts = map[string]*noticeLang{
	"en": {
		code: "en", subject: "How %s uses your personal data", subjectUs: "How we use your personal data",
		greet: "Dear %s,", greetAnon: "Hello,",
		intro:     "I am writing to tell you which personal data %s holds about you, where it comes from and what your rights are under the GDPR.",
		introUs:   "I am writing to tell you which personal data we hold about you, where it comes from and what your rights are under the GDPR.",
		and:       "and",
		fields:    [5]string{"your name", "your company", "your job title", "your email address", "your phone number"},
		log:       "a record of our contacts with you",
		holdLabel: "What we hold: ", fromLabel: "Where it comes from: ", whyLabel: "Why: ", howLongLabel: "How long: ",
		why:   "to contact you, business to business, about the services of %s.",
		whyUs: "to contact you, business to business, about our services.",
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
		privacy:  "Our privacy statement: ", prefs: "Your preferences, or unsubscribe: ",
		regards: "Kind regards,",
		source: func(s Source, a sourceArgs) string {
			switch s {
			case SourceReferral:
				return "you were referred to us by one of our customers on " + a.date
			case SourceList:
				if a.vendor != "" {
					return fmt.Sprintf("your details were on a purchased list from %s, which we received on %s", a.vendor, a.date)
				}
				return "your details were on a purchased list, which we received on " + a.date
			case SourceCard:
				if a.event != "" {
					return fmt.Sprintf("a business card you gave %s at %s on %s", orUs(a.rep, "us"), a.event, a.date)
				}
				return fmt.Sprintf("a business card you gave %s on %s", orUs(a.rep, "us"), a.date)
			case SourceSocial:
				return "your public profile on LinkedIn or a similar social network, found on " + a.date
			case SourceColdCall:
				return fmt.Sprintf("a phone call with %s on %s", orUs(a.rep, "us"), a.date)
			case SourceInbound:
				return "you contacted us yourself on " + a.date
			case SourceCustomer:
				return "your contract with us, since " + a.date
			}
			return "a business contact on " + a.date
		},
	},
	"nl": {
		code: "nl", subject: "Hoe %s met uw persoonsgegevens omgaat", subjectUs: "Hoe wij met uw persoonsgegevens omgaan",
		greet: "Beste %s,", greetAnon: "Goedendag,",
		intro:     "Met deze e-mail laat ik u weten welke persoonsgegevens %s van u bewaart, waar ze vandaan komen en welke rechten u hebt onder de AVG.",
		introUs:   "Met deze e-mail laat ik u weten welke persoonsgegevens wij van u bewaren, waar ze vandaan komen en welke rechten u hebt onder de AVG.",
		and:       "en",
		fields:    [5]string{"uw naam", "uw bedrijf", "uw functie", "uw e-mailadres", "uw telefoonnummer"},
		log:       "een overzicht van ons contact met u",
		holdLabel: "Wat wij bewaren: ", fromLabel: "Waar ze vandaan komen: ", whyLabel: "Waarom: ", howLongLabel: "Hoe lang: ",
		why:   "om zakelijk contact met u op te nemen over de diensten van %s.",
		whyUs: "om zakelijk contact met u op te nemen over onze diensten.",
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
		privacy:  "Onze privacyverklaring: ", prefs: "Uw voorkeuren of afmelden: ",
		regards: "Met vriendelijke groet,",
		source: func(s Source, a sourceArgs) string {
			switch s {
			case SourceReferral:
				return "een van onze klanten heeft u op " + a.date + " bij ons aanbevolen"
			case SourceList:
				if a.vendor != "" {
					return fmt.Sprintf("uw gegevens stonden op een gekochte lijst van %s, die wij op %s ontvingen", a.vendor, a.date)
				}
				return "uw gegevens stonden op een gekochte adressenlijst, die wij op " + a.date + " ontvingen"
			case SourceCard:
				if a.event != "" {
					return fmt.Sprintf("het visitekaartje dat u %s gaf tijdens %s, op %s", orUs(a.rep, "ons"), a.event, a.date)
				}
				return fmt.Sprintf("het visitekaartje dat u %s gaf op %s", orUs(a.rep, "ons"), a.date)
			case SourceSocial:
				return "uw openbare profiel op LinkedIn of een vergelijkbaar sociaal netwerk, gevonden op " + a.date
			case SourceColdCall:
				return fmt.Sprintf("een telefoongesprek met %s op %s", orUs(a.rep, "ons"), a.date)
			case SourceInbound:
				return "u nam op " + a.date + " zelf contact met ons op"
			case SourceCustomer:
				return "uw overeenkomst met ons, sinds " + a.date
			}
			return "een zakelijk contact op " + a.date
		},
	},
	"nb": {
		code: "nb", subject: "Slik behandler %s personopplysningene dine", subjectUs: "Slik behandler vi personopplysningene dine",
		greet: "Hei %s,", greetAnon: "Hei,",
		intro:     "Jeg skriver for å fortelle hvilke personopplysninger %s har om deg, hvor de kommer fra, og hvilke rettigheter du har etter personvernregelverket (GDPR).",
		introUs:   "Jeg skriver for å fortelle hvilke personopplysninger vi har om deg, hvor de kommer fra, og hvilke rettigheter du har etter personvernregelverket (GDPR).",
		and:       "og",
		fields:    [5]string{"navnet ditt", "bedriften din", "stillingstittelen din", "e-postadressen din", "telefonnummeret ditt"},
		log:       "en oversikt over kontakten vår med deg",
		holdLabel: "Hva vi lagrer: ", fromLabel: "Hvor de kommer fra: ", whyLabel: "Hvorfor: ", howLongLabel: "Hvor lenge: ",
		why:   "for å kontakte deg i jobbsammenheng om tjenestene til %s.",
		whyUs: "for å kontakte deg i jobbsammenheng om tjenestene våre.",
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
		privacy:  "Personvernerklæringen vår: ", prefs: "Innstillingene dine, eller avmelding: ",
		regards: "Vennlig hilsen",
		source: func(s Source, a sourceArgs) string {
			switch s {
			case SourceReferral:
				return "en av kundene våre anbefalte deg til oss den " + a.date
			case SourceList:
				if a.vendor != "" {
					return fmt.Sprintf("opplysningene dine sto på en kjøpt liste fra %s, som vi mottok den %s", a.vendor, a.date)
				}
				return "opplysningene dine sto på en kjøpt adresseliste, som vi mottok den " + a.date
			case SourceCard:
				if a.event != "" {
					return fmt.Sprintf("visittkortet du ga %s på %s den %s", orUs(a.rep, "oss"), a.event, a.date)
				}
				return fmt.Sprintf("visittkortet du ga %s den %s", orUs(a.rep, "oss"), a.date)
			case SourceSocial:
				return "den offentlige profilen din på LinkedIn eller et lignende sosialt nettverk, funnet den " + a.date
			case SourceColdCall:
				return fmt.Sprintf("en telefonsamtale med %s den %s", orUs(a.rep, "oss"), a.date)
			case SourceInbound:
				return "du tok selv kontakt med oss den " + a.date
			case SourceCustomer:
				return "avtalen din med oss, siden " + a.date
			}
			return "en forretningskontakt den " + a.date
		},
	},
	"sv": {
		code: "sv", subject: "Så behandlar %s dina personuppgifter", subjectUs: "Så behandlar vi dina personuppgifter",
		greet: "Hej %s,", greetAnon: "Hej,",
		intro:     "Jag skriver för att berätta vilka personuppgifter %s har om dig, var de kommer ifrån och vilka rättigheter du har enligt dataskyddsförordningen (GDPR).",
		introUs:   "Jag skriver för att berätta vilka personuppgifter vi har om dig, var de kommer ifrån och vilka rättigheter du har enligt dataskyddsförordningen (GDPR).",
		and:       "och",
		fields:    [5]string{"ditt namn", "ditt företag", "din titel", "din e-postadress", "ditt telefonnummer"},
		log:       "en logg över våra kontakter med dig",
		holdLabel: "Vad vi sparar: ", fromLabel: "Var de kommer ifrån: ", whyLabel: "Varför: ", howLongLabel: "Hur länge: ",
		why:   "för att kontakta dig i affärssyfte om tjänster från %s.",
		whyUs: "för att kontakta dig i affärssyfte om våra tjänster.",
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
		privacy:  "Vår integritetspolicy: ", prefs: "Dina inställningar, eller avregistrering: ",
		regards: "Vänliga hälsningar",
		source: func(s Source, a sourceArgs) string {
			switch s {
			case SourceReferral:
				return "en av våra kunder rekommenderade dig till oss den " + a.date
			case SourceList:
				if a.vendor != "" {
					return fmt.Sprintf("dina uppgifter fanns på en köpt lista från %s, som vi fick den %s", a.vendor, a.date)
				}
				return "dina uppgifter fanns på en köpt adresslista, som vi fick den " + a.date
			case SourceCard:
				if a.event != "" {
					return fmt.Sprintf("visitkortet du gav %s på %s den %s", orUs(a.rep, "oss"), a.event, a.date)
				}
				return fmt.Sprintf("visitkortet du gav %s den %s", orUs(a.rep, "oss"), a.date)
			case SourceSocial:
				return "din offentliga profil på LinkedIn eller ett liknande socialt nätverk, hittad den " + a.date
			case SourceColdCall:
				return fmt.Sprintf("ett telefonsamtal med %s den %s", orUs(a.rep, "oss"), a.date)
			case SourceInbound:
				return "du kontaktade oss själv den " + a.date
			case SourceCustomer:
				return "ditt avtal med oss, sedan " + a.date
			}
			return "en affärskontakt den " + a.date
		},
	},
	"de": {
		code: "de", subject: "Wie %s Ihre personenbezogenen Daten verarbeitet", subjectUs: "Wie wir Ihre personenbezogenen Daten verarbeiten",
		greet: "Guten Tag %s,", greetAnon: "Guten Tag,", greetFullName: true,
		intro:     "mit dieser E-Mail informiere ich Sie darüber, welche personenbezogenen Daten %s über Sie gespeichert hat, woher sie stammen und welche Rechte Sie nach der DSGVO haben.",
		introUs:   "mit dieser E-Mail informiere ich Sie darüber, welche personenbezogenen Daten wir über Sie gespeichert haben, woher sie stammen und welche Rechte Sie nach der DSGVO haben.",
		and:       "und",
		fields:    [5]string{"Ihren Namen", "Ihr Unternehmen", "Ihre Position", "Ihre E-Mail-Adresse", "Ihre Telefonnummer"},
		log:       "ein Protokoll unserer Kontakte mit Ihnen",
		holdLabel: "Was wir speichern: ", fromLabel: "Woher sie stammen: ", whyLabel: "Warum: ", howLongLabel: "Wie lange: ",
		why:   "um Sie geschäftlich zu den Leistungen von %s zu kontaktieren.",
		whyUs: "um Sie geschäftlich zu unseren Leistungen zu kontaktieren.",
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
		exercise: "Um eines dieser Rechte auszuüben, antworten Sie einfach auf diese E-Mail.",
		privacy:  "Unsere Datenschutzerklärung: ", prefs: "Ihre Einstellungen oder Abmeldung: ",
		regards:    "Mit freundlichen Grüßen",
		capitalise: true,
		source: func(s Source, a sourceArgs) string {
			switch s {
			case SourceReferral:
				return "einer unserer Kunden hat Sie uns am " + a.date + " empfohlen"
			case SourceList:
				if a.vendor != "" {
					return fmt.Sprintf("Ihre Daten standen auf einer gekauften Liste von %s, die wir am %s erhalten haben", a.vendor, a.date)
				}
				return "Ihre Daten standen auf einer gekauften Adressliste, die wir am " + a.date + " erhalten haben"
			case SourceCard:
				if a.event != "" {
					return fmt.Sprintf("Sie haben %s bei %s am %s Ihre Visitenkarte gegeben", orUs(a.rep, "uns"), a.event, a.date)
				}
				return fmt.Sprintf("Sie haben %s am %s Ihre Visitenkarte gegeben", orUs(a.rep, "uns"), a.date)
			case SourceSocial:
				return "wir haben am " + a.date + " Ihr öffentliches Profil auf LinkedIn oder einem ähnlichen sozialen Netzwerk gefunden"
			case SourceColdCall:
				return fmt.Sprintf("Sie haben am %s mit %s telefoniert", a.date, orUs(a.rep, "uns"))
			case SourceInbound:
				return "Sie haben am " + a.date + " selbst Kontakt mit uns aufgenommen"
			case SourceCustomer:
				return "Sie sind seit dem " + a.date + " unser Kunde"
			}
			return "wir haben Sie am " + a.date + " geschäftlich kennengelernt"
		},
	},
}
