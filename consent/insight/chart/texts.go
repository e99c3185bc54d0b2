package chart

// texts are the words drawn in the charts, by id, one map per language;
// every language has every id English has, with the same verbs
// (TestTextsComplete). first.0 … first.5 name insight.FirstContactBuckets.
type texts map[string]string

func words(lang string) texts {
	if w, ok := allTexts[lang]; ok {
		return w
	}
	return allTexts["en"]
}

var allTexts = map[string]texts{
	"en": {
		"people": "people", "consents": "consents", "none": "Nothing to show for this period",
		"attempts.title": "Calls it took to reach a person", "attempts.x": "calls until reached",
		"attempts.never": "never reached", "attempts.legend": "%s (mean %s)",
		"first.title": "Time from collecting a person to the first call or email",
		"first.0":     "same day", "first.1": "1 day", "first.2": "2–3 days", "first.3": "4–7 days",
		"first.4": "8–30 days", "first.5": ">30 days", "first.never": "not yet",
		"funnel.title":     "How far people get, by source",
		"funnel.collected": "collected", "funnel.reached": "reached or approved", "funnel.granted": "consent granted",
		"funnel.next":        "next step agreed",
		"referrals.title":    "Referrals per introducer, with their approval rate",
		"referrals.referred": "referred", "referrals.approved": "approved",
		"referrals.unknown": "introducer not recorded", "referrals.others": "people (%s more introducers not shown)",
		"months.title":   "Consents granted and withdrawn per month",
		"months.granted": "granted", "months.withdrawn": "withdrawn",
	},
	"nl": {
		"people": "personen", "consents": "toestemmingen", "none": "Niets te tonen voor deze periode",
		"attempts.title": "Gesprekken nodig om iemand te bereiken", "attempts.x": "gesprekken tot bereikt",
		"attempts.never": "nooit bereikt", "attempts.legend": "%s (gemiddeld %s)",
		"first.title": "Tijd van verzamelen tot het eerste gesprek of de eerste e-mail",
		"first.0":     "zelfde dag", "first.1": "1 dag", "first.2": "2–3 dagen", "first.3": "4–7 dagen",
		"first.4": "8–30 dagen", "first.5": ">30 dagen", "first.never": "nog niet",
		"funnel.title":     "Hoe ver mensen komen, per bron",
		"funnel.collected": "verzameld", "funnel.reached": "bereikt of akkoord", "funnel.granted": "toestemming gegeven",
		"funnel.next":        "vervolgstap afgesproken",
		"referrals.title":    "Doorverwijzingen per aanbrenger, met hun akkoordpercentage",
		"referrals.referred": "doorverwezen", "referrals.approved": "akkoord",
		"referrals.unknown": "aanbrenger niet vastgelegd", "referrals.others": "personen (nog %s aanbrengers niet getoond)",
		"months.title":   "Toestemmingen gegeven en ingetrokken per maand",
		"months.granted": "gegeven", "months.withdrawn": "ingetrokken",
	},
	"nb": {
		"people": "personer", "consents": "samtykker", "none": "Ingenting å vise for denne perioden",
		"attempts.title": "Samtaler som trengtes for å nå en person", "attempts.x": "samtaler til nådd",
		"attempts.never": "aldri nådd", "attempts.legend": "%s (snitt %s)",
		"first.title": "Tid fra en person ble registrert til første samtale eller e-post",
		"first.0":     "samme dag", "first.1": "1 dag", "first.2": "2–3 dager", "first.3": "4–7 dager",
		"first.4": "8–30 dager", "first.5": ">30 dager", "first.never": "ikke ennå",
		"funnel.title":     "Hvor langt folk kommer, etter kilde",
		"funnel.collected": "registrert", "funnel.reached": "nådd eller godkjent", "funnel.granted": "samtykke gitt",
		"funnel.next":        "neste steg avtalt",
		"referrals.title":    "Henvisninger per introdusent, med godkjenningsandel",
		"referrals.referred": "henvist", "referrals.approved": "godkjent",
		"referrals.unknown": "introdusent ikke registrert", "referrals.others": "personer (%s introdusenter til vises ikke)",
		"months.title":   "Samtykker gitt og trukket tilbake per måned",
		"months.granted": "gitt", "months.withdrawn": "trukket tilbake",
	},
	"sv": {
		"people": "personer", "consents": "samtycken", "none": "Inget att visa för den här perioden",
		"attempts.title": "Samtal som behövdes för att nå en person", "attempts.x": "samtal tills nådd",
		"attempts.never": "aldrig nådd", "attempts.legend": "%s (snitt %s)",
		"first.title": "Tid från att en person registrerades till första samtal eller e-post",
		"first.0":     "samma dag", "first.1": "1 dag", "first.2": "2–3 dagar", "first.3": "4–7 dagar",
		"first.4": "8–30 dagar", "first.5": ">30 dagar", "first.never": "inte än",
		"funnel.title":     "Hur långt personer kommer, per källa",
		"funnel.collected": "registrerade", "funnel.reached": "nådda eller godkända", "funnel.granted": "samtycke givet",
		"funnel.next":        "nästa steg avtalat",
		"referrals.title":    "Rekommendationer per introduktör, med godkännandegrad",
		"referrals.referred": "rekommenderade", "referrals.approved": "godkända",
		"referrals.unknown": "introduktör inte registrerad", "referrals.others": "personer (%s introduktörer till visas inte)",
		"months.title":   "Samtycken givna och återkallade per månad",
		"months.granted": "givna", "months.withdrawn": "återkallade",
	},
	"de": {
		"people": "Personen", "consents": "Einwilligungen", "none": "Für diesen Zeitraum gibt es nichts zu zeigen",
		"attempts.title": "Anrufe, bis eine Person erreicht wurde", "attempts.x": "Anrufe bis erreicht",
		"attempts.never": "nie erreicht", "attempts.legend": "%s (Mittel %s)",
		"first.title": "Zeit von der Erfassung bis zum ersten Anruf oder zur ersten E-Mail",
		"first.0":     "selber Tag", "first.1": "1 Tag", "first.2": "2–3 Tage", "first.3": "4–7 Tage",
		"first.4": "8–30 Tage", "first.5": ">30 Tage", "first.never": "noch nicht",
		"funnel.title":     "Wie weit Personen kommen, nach Quelle",
		"funnel.collected": "erfasst", "funnel.reached": "erreicht oder zugestimmt", "funnel.granted": "Einwilligung erteilt",
		"funnel.next":        "nächster Schritt vereinbart",
		"referrals.title":    "Empfehlungen je Empfehlungsgeber, mit Zustimmungsquote",
		"referrals.referred": "empfohlen", "referrals.approved": "zugestimmt",
		"referrals.unknown": "Empfehlungsgeber nicht erfasst", "referrals.others": "Personen (%s weitere Empfehlungsgeber nicht gezeigt)",
		"months.title":   "Erteilte und widerrufene Einwilligungen je Monat",
		"months.granted": "erteilt", "months.withdrawn": "widerrufen",
	},
}
