package consent

// The re-activation email in every language Warmlead writes, in the same
// voice as the notice (the rep writing for the company) and naming the law
// the same way. Greeting, date, link labels and closing come from the notice
// texts. The texts hold no links.

// reactivationLang holds one language's texts. Strings with %s take the
// company name (their "Us" twins are used when no company is set), or the
// deletion date in deadline.
type reactivationLang struct {
	subject, subjectUs string
	intro, introUs     string // it has been a while; we would like to keep in touch
	deadline           string // the law, and the date we delete the details unless they stay
	stay, stayReply    string // how to stay: reply or the preferences link; reply only
	leave              string // how to go: do nothing, or ask for erasure now
}

var reactivationTexts = map[string]*reactivationLang{
	"en": {
		subject: "Would you like to keep hearing from %s?", subjectUs: "Would you like to keep hearing from us?",
		intro:     "It has been a while since we last spoke, and we would like to stay in touch with you about the services of %s.",
		introUs:   "It has been a while since we last spoke, and we would like to stay in touch with you about our services.",
		deadline:  "Under the GDPR we keep personal details only as long as we need them. Unless you tell us that you would like to stay on our list, we will delete your details on %s.",
		stay:      "To stay in touch, just reply to this email or use the preferences link below, where you can also choose what you would like to hear about.",
		stayReply: "To stay in touch, just reply to this email.",
		leave:     "If you would rather not hear from us, you need not do anything: we will delete your details on that date. If you would like us to delete them straight away, a short reply is enough.",
	},
	"nl": {
		subject: "Wilt u van %s blijven horen?", subjectUs: "Wilt u van ons blijven horen?",
		intro:     "Het is alweer een tijd geleden dat we contact hadden, en we houden graag contact met u over wat %s voor u kan betekenen.",
		introUs:   "Het is alweer een tijd geleden dat we contact hadden, en we houden graag contact met u over wat wij voor u kunnen betekenen.",
		deadline:  "Volgens de AVG bewaren wij persoonsgegevens niet langer dan nodig. Laat u ons niet weten dat u op onze lijst wilt blijven, dan verwijderen wij uw gegevens op %s.",
		stay:      "Wilt u in contact blijven? Beantwoord dan deze e-mail of gebruik de link naar uw voorkeuren hieronder; daar kiest u ook waarover u van ons wilt horen.",
		stayReply: "Wilt u in contact blijven? Beantwoord dan gewoon deze e-mail.",
		leave:     "Hoeft het voor u niet meer? Dan hoeft u niets te doen: wij verwijderen uw gegevens op die datum. Wilt u dat wij ze meteen verwijderen, dan is een kort antwoord genoeg.",
	},
	"nb": {
		subject: "Vil du fortsatt høre fra %s?", subjectUs: "Vil du fortsatt høre fra oss?",
		intro:     "Det er en stund siden vi hadde kontakt sist, og vi vil gjerne holde kontakten med deg om tjenestene til %s.",
		introUs:   "Det er en stund siden vi hadde kontakt sist, og vi vil gjerne holde kontakten med deg om tjenestene våre.",
		deadline:  "Etter personvernregelverket lagrer vi ikke personopplysninger lenger enn vi trenger dem. Med mindre du sier fra at du vil stå på listen vår, sletter vi opplysningene dine den %s.",
		stay:      "Vil du holde kontakten, svarer du bare på denne e-posten eller bruker lenken til innstillingene dine nedenfor. Der kan du også velge hva du vil høre om.",
		stayReply: "Vil du holde kontakten, svarer du bare på denne e-posten.",
		leave:     "Vil du helst slippe å høre mer fra oss, trenger du ikke gjøre noe: da sletter vi opplysningene dine på den datoen. Vil du at vi sletter dem med en gang, holder det med et kort svar.",
	},
	"sv": {
		subject: "Vill du fortsätta höra från %s?", subjectUs: "Vill du fortsätta höra från oss?",
		intro:     "Det var ett tag sedan vi hade kontakt, och vi vill gärna hålla kontakten med dig om vad %s kan erbjuda.",
		introUs:   "Det var ett tag sedan vi hade kontakt, och vi vill gärna hålla kontakten med dig om vad vi kan erbjuda.",
		deadline:  "Enligt dataskyddsförordningen sparar vi inte personuppgifter längre än vi behöver dem. Om du inte hör av dig och säger att du vill stå kvar på vår lista raderar vi dina uppgifter den %s.",
		stay:      "Vill du hålla kontakten räcker det att du svarar på det här mejlet eller använder länken till dina inställningar nedan, där du också kan välja vad du vill höra om.",
		stayReply: "Vill du hålla kontakten räcker det att du svarar på det här mejlet.",
		leave:     "Vill du hellre inte höra mer från oss behöver du inte göra något: då raderar vi dina uppgifter på utsatt dag. Vill du att vi raderar dem direkt räcker det med ett kort svar.",
	},
	"de": {
		subject: "Möchten Sie weiterhin von %s hören?", subjectUs: "Möchten Sie weiterhin von uns hören?",
		// After "Guten Tag …," a German email goes on in lower case.
		intro:     "unser letzter Kontakt liegt schon eine Weile zurück, und wir würden gern weiter mit Ihnen über die Leistungen von %s im Gespräch bleiben.",
		introUs:   "unser letzter Kontakt liegt schon eine Weile zurück, und wir würden gern weiter mit Ihnen über unsere Leistungen im Gespräch bleiben.",
		deadline:  "Nach der DSGVO speichern wir personenbezogene Daten nur so lange, wie wir sie brauchen. Wenn Sie uns nicht mitteilen, dass Sie auf unserer Liste bleiben möchten, löschen wir Ihre Daten am %s.",
		stay:      "Wenn Sie in Kontakt bleiben möchten, antworten Sie einfach auf diese E-Mail oder nutzen Sie den Link zu Ihren Einstellungen unten; dort können Sie auch wählen, worüber Sie informiert werden möchten.",
		stayReply: "Wenn Sie in Kontakt bleiben möchten, antworten Sie einfach auf diese E-Mail.",
		leave:     "Möchten Sie nichts mehr von uns hören, müssen Sie nichts tun: Wir löschen Ihre Daten dann an diesem Tag. Sollen wir sie sofort löschen, genügt eine kurze Antwort.",
	},
}
