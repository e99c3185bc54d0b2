package pdfreport

// The page "What works" (whatworks.go), added to each language's texts.
var worksTexts = map[string]map[string]string{
	"en": {
		"works.title":    "What works",
		"works.subtitle": "The figures of the Insight screen, over the %s people collected in this period",
		"works.note":     "Calls are counted up to the first that reached the person; the first contact is the first call or email; a consent given on the phone counts once confirmed. The consents per month are those recorded in the period.",
		"works.none":     "Nothing was collected or consented to in this period.",
		"works.failed":   "The charts could not be drawn.",
	},
	"nl": {
		"works.title":    "Wat werkt",
		"works.subtitle": "De cijfers van het Inzicht-scherm, over de %s personen verzameld in deze periode",
		"works.note":     "Gesprekken worden geteld tot het eerste dat de persoon bereikte; het eerste contact is het eerste gesprek of de eerste e-mail; een toestemming aan de telefoon telt zodra ze bevestigd is. De toestemmingen per maand zijn die in de periode vastgelegd.",
		"works.none":     "In deze periode is niets verzameld en geen toestemming gegeven.",
		"works.failed":   "De grafieken konden niet worden getekend.",
	},
	"nb": {
		"works.title":    "Hva som virker",
		"works.subtitle": "Tallene fra Innsikt-skjermen, over de %s personene registrert i denne perioden",
		"works.note":     "Samtaler telles fram til den første som nådde personen; første kontakt er første samtale eller e-post; et samtykke gitt på telefon teller når det er bekreftet. Samtykkene per måned er de som ble registrert i perioden.",
		"works.none":     "Ingenting ble registrert eller samtykket til i denne perioden.",
		"works.failed":   "Diagrammene kunne ikke tegnes.",
	},
	"sv": {
		"works.title":    "Det som fungerar",
		"works.subtitle": "Siffrorna från Insikt-skärmen, över de %s personer som registrerades under perioden",
		"works.note":     "Samtal räknas fram till det första som nådde personen; första kontakten är första samtalet eller e-postmeddelandet; ett samtycke givet i telefon räknas när det är bekräftat. Samtyckena per månad är de som registrerades under perioden.",
		"works.none":     "Inget registrerades eller samtycktes till under perioden.",
		"works.failed":   "Diagrammen kunde inte ritas.",
	},
	"de": {
		"works.title":    "Was funktioniert",
		"works.subtitle": "Die Zahlen der Einblick-Ansicht, über die %s in diesem Zeitraum erfassten Personen",
		"works.note":     "Anrufe werden bis zum ersten gezählt, der die Person erreichte; der erste Kontakt ist der erste Anruf oder die erste E-Mail; eine am Telefon gegebene Einwilligung zählt, sobald sie bestätigt ist. Die Einwilligungen je Monat sind die im Zeitraum erfassten.",
		"works.none":     "In diesem Zeitraum wurde nichts erfasst und keine Einwilligung erteilt.",
		"works.failed":   "Die Diagramme konnten nicht gezeichnet werden.",
	},
}

func init() {
	for lang, ws := range worksTexts {
		for id, s := range ws {
			texts[lang][id] = s
		}
	}
}
