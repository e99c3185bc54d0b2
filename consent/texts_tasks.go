package consent

// The calendar entry of a task in every language Warmlead speaks: it is
// the rep's own note, so it is short and names who and how to reach them.
// %s: the person's name (with the company when known).
type taskLang struct {
	callBack, nextStep string // summaries: %s who
	with               string // "%s (%s)": name and company
	agreed, phone, ref string // description lines; ref: %s the task id
}

var taskTexts = map[string]*taskLang{
	"en": {callBack: "Call back %s", nextStep: "Next step with %s", with: "%s (%s)", agreed: "Agreed: ", phone: "Phone: ", ref: "Warmlead task %s"},
	"nl": {callBack: "%s terugbellen", nextStep: "Volgende stap met %s", with: "%s (%s)", agreed: "Afgesproken: ", phone: "Telefoon: ", ref: "Warmlead-taak %s"},
	"nb": {callBack: "Ring %s tilbake", nextStep: "Neste steg med %s", with: "%s (%s)", agreed: "Avtalt: ", phone: "Telefon: ", ref: "Warmlead-oppgave %s"},
	"sv": {callBack: "Ring tillbaka till %s", nextStep: "Nästa steg med %s", with: "%s (%s)", agreed: "Överenskommet: ", phone: "Telefon: ", ref: "Warmlead-uppgift %s"},
	"de": {callBack: "%s zurückrufen", nextStep: "Nächster Schritt mit %s", with: "%s (%s)", agreed: "Vereinbart: ", phone: "Telefon: ", ref: "Warmlead-Aufgabe %s"},
}
