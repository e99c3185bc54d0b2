package consent

// The referral introduction in every language Warmlead writes. It speaks in
// the introducer's voice, a customer writing to a business relation, so it
// is shorter and warmer than the rep's emails; Dutch and German keep the
// polite form (u, Sie) because Warmlead cannot know how well the two know
// each other. Greeting, closing and the rest are shared with the notice. The
// texts hold no links: the only one is the privacy statement from the
// settings.

// introLang holds one language's texts. %s takes, in order: the rep in full
// ("Kari Selger of Acme AS") and the topic; the company and the URL; the
// rep's name or company.
type introLang struct {
	subject, subjectBare    string // subject: %s the rep in full
	of                      string // %s rep, %s company
	someone, them           string // the rep when settings name neither rep nor company
	dealings, dealingsTopic string // why the two should meet; dealingsTopic: %s rep, %s topic
	privacy, privacyThem    string // privacy: %s company, %s URL; privacyThem: %s URL
	question                string // %s the rep's name or company; the last line
}

var introTexts = map[string]*introLang{
	"en": {
		subject:       "Introduction: %s",
		subjectBare:   "An introduction",
		of:            "%s of %s",
		someone:       "a business partner of mine",
		them:          "them",
		dealings:      "Judging by my dealings with %s, I think it would be worthwhile for the two of you to meet.",
		dealingsTopic: "Judging by my dealings with %s regarding %s, I think it would be worthwhile for the two of you to meet.",
		privacy:       "If you would like to know how %s handles personal details, their privacy statement is here: %s",
		privacyThem:   "If you would like to know how they handle personal details, their privacy statement is here: %s",
		question:      "Is it all right with you if I pass your contact details on to %s?",
	},
	"nl": {
		subject:       "Kennismaking: %s",
		subjectBare:   "Een introductie",
		of:            "%s van %s",
		someone:       "een zakenpartner van mij",
		them:          "die zakenpartner",
		dealings:      "Gezien mijn ervaringen met %s denk ik dat het zinvol is als jullie eens kennismaken.",
		dealingsTopic: "Gezien mijn ervaringen met %s rond %s denk ik dat het zinvol is als jullie eens kennismaken.",
		privacy:       "Hoe %s met persoonsgegevens omgaat, leest u in hun privacyverklaring: %s",
		privacyThem:   "Hoe zij met persoonsgegevens omgaan, leest u in hun privacyverklaring: %s",
		question:      "Vindt u het goed als ik uw contactgegevens aan %s doorgeef?",
	},
	"nb": {
		subject:       "Introduksjon: %s",
		subjectBare:   "En introduksjon",
		of:            "%s i %s",
		someone:       "en samarbeidspartner av meg",
		them:          "dem",
		dealings:      "Ut fra samarbeidet mitt med %s tror jeg dere to kunne ha nytte av å møtes.",
		dealingsTopic: "Ut fra samarbeidet mitt med %s om %s tror jeg dere to kunne ha nytte av å møtes.",
		privacy:       "Hvordan %s behandler personopplysninger, står i personvernerklæringen deres: %s",
		privacyThem:   "Hvordan de behandler personopplysninger, står i personvernerklæringen deres: %s",
		question:      "Er det greit for deg at jeg gir kontaktopplysningene dine til %s?",
	},
	"sv": {
		subject:       "Introduktion: %s",
		subjectBare:   "En introduktion",
		of:            "%s på %s",
		someone:       "en samarbetspartner till mig",
		them:          "dem",
		dealings:      "Utifrån mitt samarbete med %s tror jag att ni två skulle ha nytta av att träffas.",
		dealingsTopic: "Utifrån mitt samarbete med %s kring %s tror jag att ni två skulle ha nytta av att träffas.",
		privacy:       "Hur %s hanterar personuppgifter kan du läsa i deras integritetspolicy: %s",
		privacyThem:   "Hur de hanterar personuppgifter kan du läsa i deras integritetspolicy: %s",
		question:      "Är det okej för dig att jag ger dina kontaktuppgifter till %s?",
	},
	"de": {
		subject:     "Kontaktempfehlung: %s",
		subjectBare: "Eine Kontaktempfehlung",
		of:          "%s von %s",
		someone:     "einem Geschäftspartner",
		them:        "meinem Geschäftspartner",
		// After "Guten Tag …," a German email goes on in lower case.
		dealings:      "aus meiner Zusammenarbeit mit %s glaube ich, dass sich ein Kennenlernen für Sie beide lohnen würde.",
		dealingsTopic: "aus meiner Zusammenarbeit mit %s in Sachen %s glaube ich, dass sich ein Kennenlernen für Sie beide lohnen würde.",
		privacy:       "Wie %s mit personenbezogenen Daten umgeht, steht in der Datenschutzerklärung: %s",
		privacyThem:   "Wie dort mit personenbezogenen Daten umgegangen wird, steht in der Datenschutzerklärung: %s",
		question:      "Sind Sie damit einverstanden, dass ich %s Ihre Kontaktdaten weitergebe?",
	},
}
