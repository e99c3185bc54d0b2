package consent

// The cold-call follow-up email and the names of purposes and channels, in
// every language Warmlead writes. As with the notice, each language is
// written the way a native rep would put it, not translated word for word,
// and names the law as its readers know it (GDPR, AVG,
// personvernregelverket, dataskyddsförordningen, DSGVO). Greeting, dates,
// link labels and closing come from the notice texts of the same language,
// so all of Warmlead's emails open and close alike. The texts hold no links.

// followupLang holds one language's texts. Strings with %s take the company
// name (their "Us" twins are used when no company is set) or a date.
type followupLang struct {
	code                    string
	subjectToday, subjectOn string // subjectOn: %s the day of the call
	thanksToday, thanksOn   string // thanksOn: %s the day of the call
	why, whyUs              string // why the rep called: one sentence
	agreedHead, agreedNone  string
	callback                string // %s the call-back day
	whyEmail, whyEmailNone  string // why the rep follows up by email; names the law
	grantedHead             string
	declinedHead            string
	item                    string // %s purpose, %s channels
	and                     string
	anything                string // a refusal that names no purpose
	none                    string // no consent given: nothing else will be sent
	change, changeReply     string // how to change consents, with and without a preferences link
	purposes                map[Purpose]string
	channels                map[Channel]string
}

var followupTexts = map[string]*followupLang{
	"en": {
		code:         "en",
		subjectToday: "Our call today — what we agreed",
		subjectOn:    "Our call on %s — what we agreed",
		thanksToday:  "Thank you for taking my call today.",
		thanksOn:     "Thank you for taking my call on %s.",
		why:          "I called to introduce the services of %s and to hear whether they could be useful to you.",
		whyUs:        "I called to introduce our services and to hear whether they could be useful to you.",
		agreedHead:   "What we agreed:",
		agreedNone:   "We did not agree on a next step yet.",
		callback:     "As agreed, I will call you again on %s.",
		whyEmail:     "I am following up by email so that you have in writing what we discussed and what you agreed to on the phone. Under the GDPR we must be able to show your consent, and a yes on the phone is not enough on its own.",
		whyEmailNone: "I am following up by email so that you have in writing what we discussed: under the GDPR you have a right to know what we do with your details.",
		grantedHead:  "On the phone you agreed that we may contact you for:",
		declinedHead: "You told me you do not want:",
		item:         "%s, by %s",
		and:          "and",
		anything:     "anything from us",
		none:         "Apart from what we agreed, you did not ask for anything, so we will not send you anything else unless you ask us to.",
		change:       "You can change or withdraw these consents at any time, and it is as easy as giving them: reply to this email or use the preferences link below.",
		changeReply:  "You can change or withdraw these consents at any time, and it is as easy as giving them: just reply to this email.",
		purposes: map[Purpose]string{
			PurposeFollowUp:    "personal follow-up",
			PurposeNewsletter:  "newsletter",
			PurposeProductInfo: "product information",
			PurposeEvents:      "event invitations",
			PurposeOffers:      "offers",
			PurposeThirdParty:  "sharing your details with partners",
			PurposeTracking:    "email open and click tracking",
		},
		channels: map[Channel]string{ChannelEmail: "email", ChannelPhone: "phone", ChannelSMS: "text message", ChannelPost: "post"},
	},
	"nl": {
		code:         "nl",
		subjectToday: "Ons telefoongesprek van vandaag: wat we hebben afgesproken",
		subjectOn:    "Ons telefoongesprek van %s: wat we hebben afgesproken",
		thanksToday:  "Dank u voor ons telefoongesprek van vandaag.",
		thanksOn:     "Dank u voor ons telefoongesprek van %s.",
		why:          "Ik belde om kennis te maken en u te vertellen wat %s voor u kan betekenen.",
		whyUs:        "Ik belde om kennis te maken en u te vertellen wat wij voor u kunnen betekenen.",
		agreedHead:   "Wat we hebben afgesproken:",
		agreedNone:   "We hebben nog geen vervolgstap afgesproken.",
		callback:     "Zoals afgesproken bel ik u op %s terug.",
		whyEmail:     "Ik stuur u deze e-mail zodat u zwart op wit hebt wat we hebben besproken en waarvoor u telefonisch toestemming hebt gegeven. Volgens de AVG moeten wij uw toestemming kunnen aantonen, en alleen een ja aan de telefoon is daarvoor niet genoeg.",
		whyEmailNone: "Ik stuur u deze e-mail zodat u zwart op wit hebt wat we hebben besproken: volgens de AVG hebt u er recht op te weten wat wij met uw gegevens doen.",
		grantedHead:  "Telefonisch gaf u ons toestemming voor:",
		declinedHead: "U gaf aan dit niet te willen:",
		item:         "%s, per %s",
		and:          "en",
		anything:     "alles van ons",
		none:         "Verder hebt u nergens om gevraagd. Wij sturen u dus niets anders dan wat we hebben afgesproken, tenzij u daar zelf om vraagt.",
		change:       "U kunt deze toestemming altijd wijzigen of intrekken, en dat is net zo eenvoudig als toestemming geven: beantwoord deze e-mail of gebruik de link naar uw voorkeuren hieronder.",
		changeReply:  "U kunt deze toestemming altijd wijzigen of intrekken, en dat is net zo eenvoudig als toestemming geven: beantwoord gewoon deze e-mail.",
		purposes: map[Purpose]string{
			PurposeFollowUp:    "persoonlijke opvolging",
			PurposeNewsletter:  "nieuwsbrief",
			PurposeProductInfo: "productinformatie",
			PurposeEvents:      "uitnodigingen voor evenementen",
			PurposeOffers:      "aanbiedingen",
			PurposeThirdParty:  "delen van uw gegevens met partners",
			PurposeTracking:    "meten van openen en klikken in e-mails",
		},
		channels: map[Channel]string{ChannelEmail: "e-mail", ChannelPhone: "telefoon", ChannelSMS: "sms", ChannelPost: "post"},
	},
	"nb": {
		code:         "nb",
		subjectToday: "Samtalen vår i dag – dette ble vi enige om",
		subjectOn:    "Samtalen vår den %s – dette ble vi enige om",
		thanksToday:  "Takk for at du tok deg tid til å snakke med meg i dag.",
		thanksOn:     "Takk for at du tok deg tid til å snakke med meg den %s.",
		why:          "Jeg ringte for å fortelle om tjenestene til %s og høre om de kan være nyttige for deg.",
		whyUs:        "Jeg ringte for å fortelle om tjenestene våre og høre om de kan være nyttige for deg.",
		agreedHead:   "Dette ble vi enige om:",
		agreedNone:   "Vi har ikke avtalt noe videre ennå.",
		callback:     "Som avtalt ringer jeg deg igjen den %s.",
		whyEmail:     "Jeg følger opp på e-post slik at du har svart på hvitt hva vi snakket om og hva du sa ja til på telefonen. Etter personvernregelverket må vi kunne dokumentere samtykket ditt, og et ja på telefonen er ikke nok i seg selv.",
		whyEmailNone: "Jeg følger opp på e-post slik at du har svart på hvitt hva vi snakket om: etter personvernregelverket har du rett til å vite hva vi gjør med opplysningene dine.",
		grantedHead:  "På telefonen samtykket du til dette:",
		declinedHead: "Du sa nei til dette:",
		item:         "%s, via %s",
		and:          "og",
		anything:     "alt fra oss",
		none:         "Utover det vi avtalte, ba du ikke om noe, så vi sender deg ikke noe annet med mindre du selv ber om det.",
		change:       "Du kan når som helst endre eller trekke tilbake samtykket, og det er like enkelt som å gi det: svar på denne e-posten eller bruk lenken til innstillingene dine nedenfor.",
		changeReply:  "Du kan når som helst endre eller trekke tilbake samtykket, og det er like enkelt som å gi det: bare svar på denne e-posten.",
		purposes: map[Purpose]string{
			PurposeFollowUp:    "personlig oppfølging",
			PurposeNewsletter:  "nyhetsbrev",
			PurposeProductInfo: "produktinformasjon",
			PurposeEvents:      "invitasjoner til arrangementer",
			PurposeOffers:      "tilbud",
			PurposeThirdParty:  "deling av opplysningene dine med samarbeidspartnere",
			PurposeTracking:    "sporing av åpning og klikk i e-post",
		},
		channels: map[Channel]string{ChannelEmail: "e-post", ChannelPhone: "telefon", ChannelSMS: "SMS", ChannelPost: "post"},
	},
	"sv": {
		code:         "sv",
		subjectToday: "Vårt samtal i dag – det här kom vi överens om",
		subjectOn:    "Vårt samtal den %s – det här kom vi överens om",
		thanksToday:  "Tack för att du tog dig tid att prata med mig i dag.",
		thanksOn:     "Tack för att du tog dig tid att prata med mig den %s.",
		why:          "Jag ringde för att berätta vad %s kan erbjuda och höra om det kan vara intressant för dig.",
		whyUs:        "Jag ringde för att berätta vad vi kan erbjuda och höra om det kan vara intressant för dig.",
		agreedHead:   "Det här kom vi överens om:",
		agreedNone:   "Vi har inte bestämt något nästa steg ännu.",
		callback:     "Som vi kom överens om ringer jag dig igen den %s.",
		whyEmail:     "Jag följer upp med ett mejl så att du har svart på vitt vad vi pratade om och vad du sa ja till i telefon. Enligt dataskyddsförordningen måste vi kunna visa att du har samtyckt, och ett ja i telefon räcker inte i sig.",
		whyEmailNone: "Jag följer upp med ett mejl så att du har svart på vitt vad vi pratade om: enligt dataskyddsförordningen har du rätt att veta vad vi gör med dina uppgifter.",
		grantedHead:  "I telefon samtyckte du till följande:",
		declinedHead: "Du tackade nej till följande:",
		item:         "%s, via %s",
		and:          "och",
		anything:     "allt från oss",
		none:         "Utöver det vi kom överens om bad du inte om något, så vi skickar inget annat till dig om du inte själv ber om det.",
		change:       "Du kan när som helst ändra eller återkalla ditt samtycke, och det är lika enkelt som att ge det: svara på det här mejlet eller använd länken till dina inställningar nedan.",
		changeReply:  "Du kan när som helst ändra eller återkalla ditt samtycke, och det är lika enkelt som att ge det: svara bara på det här mejlet.",
		purposes: map[Purpose]string{
			PurposeFollowUp:    "personlig uppföljning",
			PurposeNewsletter:  "nyhetsbrev",
			PurposeProductInfo: "produktinformation",
			PurposeEvents:      "inbjudningar till evenemang",
			PurposeOffers:      "erbjudanden",
			PurposeThirdParty:  "delning av dina uppgifter med samarbetspartner",
			PurposeTracking:    "spårning av öppningar och klick i mejl",
		},
		channels: map[Channel]string{ChannelEmail: "e-post", ChannelPhone: "telefon", ChannelSMS: "sms", ChannelPost: "post"},
	},
	"de": {
		code:         "de",
		subjectToday: "Unser Telefonat heute – was wir vereinbart haben",
		subjectOn:    "Unser Telefonat am %s – was wir vereinbart haben",
		// After "Guten Tag …," a German email goes on in lower case.
		thanksToday:  "vielen Dank für unser Telefonat heute.",
		thanksOn:     "vielen Dank für unser Telefonat am %s.",
		why:          "Ich habe angerufen, um Ihnen die Leistungen von %s vorzustellen und zu hören, ob sie für Sie interessant sein könnten.",
		whyUs:        "Ich habe angerufen, um Ihnen unsere Leistungen vorzustellen und zu hören, ob sie für Sie interessant sein könnten.",
		agreedHead:   "Was wir vereinbart haben:",
		agreedNone:   "Einen nächsten Schritt haben wir noch nicht vereinbart.",
		callback:     "Wie vereinbart rufe ich Sie am %s wieder an.",
		whyEmail:     "Ich fasse das hier per E-Mail zusammen, damit Sie schriftlich haben, was wir besprochen haben und wozu Sie am Telefon Ihre Einwilligung gegeben haben. Nach der DSGVO müssen wir Ihre Einwilligung nachweisen können, und ein Ja am Telefon allein reicht dafür nicht aus.",
		whyEmailNone: "Ich fasse das hier per E-Mail zusammen, damit Sie schriftlich haben, was wir besprochen haben: Nach der DSGVO haben Sie ein Recht darauf zu erfahren, was wir mit Ihren Daten tun.",
		grantedHead:  "Am Telefon haben Sie in Folgendes eingewilligt:",
		declinedHead: "Folgendes möchten Sie nicht:",
		item:         "%s, per %s",
		and:          "und",
		anything:     "jegliche Kontaktaufnahme",
		none:         "Weitere Zusendungen haben Sie nicht gewünscht. Über das Vereinbarte hinaus schicken wir Ihnen also nichts, solange Sie uns nicht darum bitten.",
		change:       "Sie können Ihre Einwilligungen jederzeit ändern oder widerrufen – genauso einfach, wie Sie sie erteilt haben: Antworten Sie auf diese E-Mail oder nutzen Sie den Link zu Ihren Einstellungen unten.",
		changeReply:  "Sie können Ihre Einwilligungen jederzeit ändern oder widerrufen – genauso einfach, wie Sie sie erteilt haben: Antworten Sie einfach auf diese E-Mail.",
		purposes: map[Purpose]string{
			PurposeFollowUp:    "persönliche Kontaktaufnahme",
			PurposeNewsletter:  "Newsletter",
			PurposeProductInfo: "Produktinformationen",
			PurposeEvents:      "Einladungen zu Veranstaltungen",
			PurposeOffers:      "Angebote",
			PurposeThirdParty:  "Weitergabe Ihrer Daten an Partner",
			PurposeTracking:    "Messung von Öffnungen und Klicks in E-Mails",
		},
		channels: map[Channel]string{ChannelEmail: "E-Mail", ChannelPhone: "Telefon", ChannelSMS: "SMS", ChannelPost: "Post"},
	},
}
