package consent

// The first one-to-one email to a business-card contact (seed 002 §5, 000
// tip 4) and the message that asks a new LinkedIn or Xing connection for
// consent to continue by email or phone (002 §2), in every language
// Warmlead writes. Greeting, link labels and closing come from the notice
// texts. Neither text sells: the card email follows up one to one and says
// that nothing else follows unless the person chooses it; the connection
// message offers something of use before it asks (002 §2).

// firstLang holds one language's texts. %s are, in order as marked.
type firstLang struct {
	subject, subjectAt string // %s the rep's company; subjectAt: %s company, %s event
	subjectBare        string
	metAt, met         string // metAt: %s event
	why, whyUs         string // %s company
	noMarketing        string
	prefsAsk           string // before the preferences link
	reply              string
}

var firstTexts = map[string]*firstLang{
	"en": {
		subject:     "Following up our meeting: %s",
		subjectAt:   "Following up our meeting at %[2]s: %[1]s",
		subjectBare: "Following up our meeting",
		metAt:       "Thank you for the conversation at %s and for your business card.",
		met:         "Thank you for the conversation and for your business card.",
		why:         "I am writing to you personally to follow up on what we discussed, as people who exchange cards expect, and to tell you who %s is and how we handle your details.",
		whyUs:       "I am writing to you personally to follow up on what we discussed, as people who exchange cards expect, and to tell you how we handle your details.",
		noMarketing: "This is a one-to-one email, not a mailing: I have not put you on any newsletter or marketing list, and nothing of the kind will follow unless you ask for it.",
		prefsAsk:    "If you would like to receive news or offers from us, you can choose exactly what, and change it at any time, on the page below.",
		reply:       "If you would rather not hear from me again, just reply and say so.",
	},
	"nl": {
		subject:     "Naar aanleiding van ons gesprek: %s",
		subjectAt:   "Naar aanleiding van ons gesprek op %[2]s: %[1]s",
		subjectBare: "Naar aanleiding van ons gesprek",
		metAt:       "Dank voor het gesprek op %s en voor uw visitekaartje.",
		met:         "Dank voor het gesprek en voor uw visitekaartje.",
		why:         "Ik schrijf u persoonlijk om op ons gesprek terug te komen, zoals u mag verwachten als we kaartjes uitwisselen, en om te vertellen wie %s is en hoe wij met uw gegevens omgaan.",
		whyUs:       "Ik schrijf u persoonlijk om op ons gesprek terug te komen, zoals u mag verwachten als we kaartjes uitwisselen, en om te vertellen hoe wij met uw gegevens omgaan.",
		noMarketing: "Dit is een persoonlijke e-mail, geen mailing: ik heb u niet op een nieuwsbrief- of marketinglijst gezet, en zoiets volgt ook niet tenzij u erom vraagt.",
		prefsAsk:    "Wilt u nieuws of aanbiedingen van ons ontvangen, dan kiest u op de pagina hieronder precies wat, en u kunt dat altijd weer wijzigen.",
		reply:       "Wilt u liever niets meer van mij horen, antwoord dan even op deze e-mail.",
	},
	"nb": {
		subject:     "Oppfølging etter møtet vårt: %s",
		subjectAt:   "Oppfølging etter møtet vårt på %[2]s: %[1]s",
		subjectBare: "Oppfølging etter møtet vårt",
		metAt:       "Takk for samtalen på %s og for visittkortet ditt.",
		met:         "Takk for samtalen og for visittkortet ditt.",
		why:         "Jeg skriver til deg personlig for å følge opp det vi snakket om, slik man kan vente seg når man utveksler visittkort, og for å fortelle hvem %s er og hvordan vi behandler opplysningene dine.",
		whyUs:       "Jeg skriver til deg personlig for å følge opp det vi snakket om, slik man kan vente seg når man utveksler visittkort, og for å fortelle hvordan vi behandler opplysningene dine.",
		noMarketing: "Dette er en personlig e-post, ikke en masseutsendelse: Jeg har ikke lagt deg til noe nyhetsbrev eller noen markedsføringsliste, og noe slikt kommer ikke med mindre du ber om det.",
		prefsAsk:    "Vil du ha nyheter eller tilbud fra oss, kan du velge nøyaktig hva på siden nedenfor, og endre det når som helst.",
		reply:       "Vil du helst ikke høre mer fra meg, er det bare å svare på denne e-posten.",
	},
	"sv": {
		subject:     "Uppföljning av vårt möte: %s",
		subjectAt:   "Uppföljning av vårt möte på %[2]s: %[1]s",
		subjectBare: "Uppföljning av vårt möte",
		metAt:       "Tack för samtalet på %s och för ditt visitkort.",
		met:         "Tack för samtalet och för ditt visitkort.",
		why:         "Jag skriver till dig personligen för att följa upp det vi pratade om, som man kan vänta sig när man byter visitkort, och för att berätta vilka %s är och hur vi hanterar dina uppgifter.",
		whyUs:       "Jag skriver till dig personligen för att följa upp det vi pratade om, som man kan vänta sig när man byter visitkort, och för att berätta hur vi hanterar dina uppgifter.",
		noMarketing: "Det här är ett personligt mejl, inget massutskick: jag har inte lagt till dig på något nyhetsbrev eller någon marknadsföringslista, och inget sådant kommer om du inte ber om det.",
		prefsAsk:    "Vill du få nyheter eller erbjudanden från oss väljer du exakt vad på sidan nedan, och du kan ändra det när som helst.",
		reply:       "Vill du hellre inte höra av mig igen räcker det att du svarar på det här mejlet.",
	},
	"de": {
		subject:     "Im Anschluss an unser Gespräch: %s",
		subjectAt:   "Im Anschluss an unser Gespräch auf der %[2]s: %[1]s",
		subjectBare: "Im Anschluss an unser Gespräch",
		metAt:       "Vielen Dank für das Gespräch auf der %s und für Ihre Visitenkarte.",
		met:         "Vielen Dank für das Gespräch und für Ihre Visitenkarte.",
		why:         "Ich schreibe Ihnen persönlich, um an unser Gespräch anzuknüpfen, wie man es nach dem Austausch von Visitenkarten erwarten darf, und um Ihnen zu sagen, wer %s ist und wie wir mit Ihren Daten umgehen.",
		whyUs:       "Ich schreibe Ihnen persönlich, um an unser Gespräch anzuknüpfen, wie man es nach dem Austausch von Visitenkarten erwarten darf, und um Ihnen zu sagen, wie wir mit Ihren Daten umgehen.",
		noMarketing: "Dies ist eine persönliche E-Mail, kein Rundschreiben: Ich habe Sie in keinen Newsletter und keine Marketingliste eingetragen, und nichts dergleichen folgt, solange Sie es nicht wünschen.",
		prefsAsk:    "Wenn Sie Neuigkeiten oder Angebote von uns erhalten möchten, wählen Sie auf der Seite unten genau aus, was, und ändern es jederzeit.",
		reply:       "Möchten Sie lieber nichts mehr von mir hören, antworten Sie einfach auf diese E-Mail.",
	},
}

// socialLang holds the connection message's texts.
type socialLang struct {
	thanks         string // %s the platform
	value, valueUs string // %s company
	ask            string
	howBoth        string
	privacy        string
	nothingElse    string
}

var socialTexts = map[string]*socialLang{
	"en": {
		thanks:      "Thank you for connecting on %s.",
		value:       "At %s we work on the questions companies like yours face, and I am glad to share what we have learned, with no obligation.",
		valueUs:     "We work on the questions companies like yours face, and I am glad to share what we have learned, with no obligation.",
		ask:         "May I continue our conversation outside this platform?",
		howBoth:     "If so, just reply whether I may email you, call you, or both, and at which address or number.",
		privacy:     "How we handle personal details: ",
		nothingElse: "Until you say yes I will contact you only here, and a yes is for personal follow-up only: no newsletters or mailings.",
	},
	"nl": {
		thanks:      "Dank voor het connecten op %s.",
		value:       "Bij %s helpen we bedrijven zoals het uwe met vragen waarover ik graag vrijblijvend deel wat wij geleerd hebben.",
		valueUs:     "We helpen bedrijven zoals het uwe met vragen waarover ik graag vrijblijvend deel wat wij geleerd hebben.",
		ask:         "Mag ik ons gesprek buiten dit platform voortzetten?",
		howBoth:     "Zo ja, laat me dan weten of ik u mag mailen, bellen of allebei, en op welk adres of nummer.",
		privacy:     "Hoe wij met persoonsgegevens omgaan: ",
		nothingElse: "Tot u ja zegt, neem ik alleen hier contact met u op, en een ja geldt alleen voor persoonlijke opvolging: geen nieuwsbrieven of mailings.",
	},
	"nb": {
		thanks:      "Takk for at du knyttet kontakt på %s.",
		value:       "I %s hjelper vi bedrifter som din med spørsmål der jeg gjerne deler det vi har lært, helt uforpliktende.",
		valueUs:     "Vi hjelper bedrifter som din med spørsmål der jeg gjerne deler det vi har lært, helt uforpliktende.",
		ask:         "Kan jeg fortsette samtalen utenfor denne plattformen?",
		howBoth:     "I så fall er det bare å svare om jeg kan sende deg e-post, ringe deg eller begge deler, og på hvilken adresse eller hvilket nummer.",
		privacy:     "Slik behandler vi personopplysninger: ",
		nothingElse: "Til du sier ja, kontakter jeg deg bare her, og et ja gjelder bare personlig oppfølging: ingen nyhetsbrev eller masseutsendelser.",
	},
	"sv": {
		thanks:      "Tack för att du ville ha kontakt på %s.",
		value:       "På %s hjälper vi företag som ditt med frågor där jag gärna delar med mig av vad vi har lärt oss, helt utan förpliktelser.",
		valueUs:     "Vi hjälper företag som ditt med frågor där jag gärna delar med mig av vad vi har lärt oss, helt utan förpliktelser.",
		ask:         "Får jag fortsätta vårt samtal utanför den här plattformen?",
		howBoth:     "Svara i så fall om jag får mejla dig, ringa dig eller både och, och på vilken adress eller vilket nummer.",
		privacy:     "Så hanterar vi personuppgifter: ",
		nothingElse: "Tills du säger ja hör jag bara av mig här, och ett ja gäller bara personlig uppföljning: inga nyhetsbrev eller massutskick.",
	},
	"de": {
		thanks:      "Vielen Dank für die Vernetzung auf %s.",
		value:       "Bei %s helfen wir Unternehmen wie Ihrem bei Fragen, zu denen ich gern unverbindlich teile, was wir gelernt haben.",
		valueUs:     "Wir helfen Unternehmen wie Ihrem bei Fragen, zu denen ich gern unverbindlich teile, was wir gelernt haben.",
		ask:         "Darf ich unser Gespräch außerhalb dieser Plattform fortsetzen?",
		howBoth:     "Wenn ja, antworten Sie mir bitte, ob ich Ihnen mailen, Sie anrufen oder beides darf, und unter welcher Adresse oder Nummer.",
		privacy:     "Wie wir mit personenbezogenen Daten umgehen: ",
		nothingElse: "Bis Sie zustimmen, melde ich mich nur hier, und eine Zustimmung gilt nur für die persönliche Nachverfolgung: keine Newsletter oder Rundschreiben.",
	},
}
