package pdfreport

import "warmlead/consent"

// The team report's follow-up column says in words why one-to-one
// follow-up by email is allowed or not ("yes: business card", "no:
// objected"), not the rule's code; the summary still names the rule in
// brackets for whoever checks it against consent-rules.md.
var whyTexts = map[string]map[string]string{
	"en": {
		consent.RuleErased: "erased", consent.RuleObjection: "objected", consent.RuleRetentionExpired: "retention over",
		consent.RuleWithdrawn: "consent withdrawn", consent.RuleRefused: "consent refused", consent.RuleConsent: "consent given",
		consent.RuleDoNotCall: "do-not-call register", consent.RuleNotInterested: "not interested", consent.RuleSourceCard: "business card",
		consent.RuleSourceInbound: "asked us", consent.RuleSourceCustomer: "customer", consent.RuleSourceColdCall: "reached by phone",
		consent.RuleSourceColdCallPending: "not reached yet", consent.RuleSourceReferral: "introduction approved",
		consent.RuleSourceReferralPending: "introduction unanswered", consent.RuleSourceReferralDecline: "introduction declined",
		consent.RuleSourceReferralChannel: "not via this channel", consent.RuleSourceList: "vendor's proof",
		consent.RuleSourceListNoProof: "no vendor proof", consent.RuleSourceSocial: "no consent off the platform",
		consent.RuleSoftOptIn: "customer, with opt-out", consent.RuleConsentExpired: "consent expired", consent.RuleTracking: "no tracking consent",
		consent.RuleNoBasis: "no lawful basis",
	},
	"nl": {
		consent.RuleErased: "gewist", consent.RuleObjection: "bezwaar gemaakt", consent.RuleRetentionExpired: "bewaartermijn voorbij",
		consent.RuleWithdrawn: "toestemming ingetrokken", consent.RuleRefused: "toestemming geweigerd", consent.RuleConsent: "toestemming gegeven",
		consent.RuleDoNotCall: "bel-me-nietregister", consent.RuleNotInterested: "geen interesse", consent.RuleSourceCard: "visitekaartje",
		consent.RuleSourceInbound: "vroeg er zelf om", consent.RuleSourceCustomer: "klant", consent.RuleSourceColdCall: "telefonisch bereikt",
		consent.RuleSourceColdCallPending: "nog niet bereikt", consent.RuleSourceReferral: "introductie goedgekeurd",
		consent.RuleSourceReferralPending: "introductie onbeantwoord", consent.RuleSourceReferralDecline: "introductie afgewezen",
		consent.RuleSourceReferralChannel: "niet via dit kanaal", consent.RuleSourceList: "bewijs van leverancier",
		consent.RuleSourceListNoProof: "geen bewijs van leverancier", consent.RuleSourceSocial: "geen toestemming buiten het platform",
		consent.RuleSoftOptIn: "klant, met afmeldoptie", consent.RuleConsentExpired: "toestemming verlopen", consent.RuleTracking: "geen toestemming voor tracking",
		consent.RuleNoBasis: "geen grondslag",
	},
	"nb": {
		consent.RuleErased: "slettet", consent.RuleObjection: "har protestert", consent.RuleRetentionExpired: "lagringstiden er ute",
		consent.RuleWithdrawn: "samtykke trukket", consent.RuleRefused: "samtykke avslått", consent.RuleConsent: "samtykke gitt",
		consent.RuleDoNotCall: "reservasjonsregister", consent.RuleNotInterested: "ikke interessert", consent.RuleSourceCard: "visittkort",
		consent.RuleSourceInbound: "spurte selv", consent.RuleSourceCustomer: "kunde", consent.RuleSourceColdCall: "nådd på telefon",
		consent.RuleSourceColdCallPending: "ikke nådd ennå", consent.RuleSourceReferral: "introduksjon godtatt",
		consent.RuleSourceReferralPending: "introduksjon ubesvart", consent.RuleSourceReferralDecline: "introduksjon avslått",
		consent.RuleSourceReferralChannel: "ikke via denne kanalen", consent.RuleSourceList: "leverandørens bevis",
		consent.RuleSourceListNoProof: "uten leverandørbevis", consent.RuleSourceSocial: "uten samtykke utenfor plattformen",
		consent.RuleSoftOptIn: "kunde, med avmelding", consent.RuleConsentExpired: "samtykke utløpt", consent.RuleTracking: "uten samtykke til sporing",
		consent.RuleNoBasis: "uten rettslig grunnlag",
	},
	"sv": {
		consent.RuleErased: "raderad", consent.RuleObjection: "har invänt", consent.RuleRetentionExpired: "lagringstiden är slut",
		consent.RuleWithdrawn: "samtycke återkallat", consent.RuleRefused: "samtycke nekat", consent.RuleConsent: "samtycke givet",
		consent.RuleDoNotCall: "spärregister", consent.RuleNotInterested: "inte intresserad", consent.RuleSourceCard: "visitkort",
		consent.RuleSourceInbound: "frågade själv", consent.RuleSourceCustomer: "kund", consent.RuleSourceColdCall: "nådd per telefon",
		consent.RuleSourceColdCallPending: "inte nådd än", consent.RuleSourceReferral: "introduktion godkänd",
		consent.RuleSourceReferralPending: "introduktion obesvarad", consent.RuleSourceReferralDecline: "introduktion avböjd",
		consent.RuleSourceReferralChannel: "inte via denna kanal", consent.RuleSourceList: "leverantörens bevis",
		consent.RuleSourceListNoProof: "inget leverantörsbevis", consent.RuleSourceSocial: "inget samtycke utanför plattformen",
		consent.RuleSoftOptIn: "kund, med avregistrering", consent.RuleConsentExpired: "samtycke utgånget", consent.RuleTracking: "inget samtycke till spårning",
		consent.RuleNoBasis: "ingen rättslig grund",
	},
	"de": {
		consent.RuleErased: "gelöscht", consent.RuleObjection: "widersprochen", consent.RuleRetentionExpired: "Aufbewahrung abgelaufen",
		consent.RuleWithdrawn: "Einwilligung widerrufen", consent.RuleRefused: "Einwilligung verweigert", consent.RuleConsent: "Einwilligung erteilt",
		consent.RuleDoNotCall: "Sperrliste", consent.RuleNotInterested: "kein Interesse", consent.RuleSourceCard: "Visitenkarte",
		consent.RuleSourceInbound: "selbst angefragt", consent.RuleSourceCustomer: "Kunde", consent.RuleSourceColdCall: "telefonisch erreicht",
		consent.RuleSourceColdCallPending: "noch nicht erreicht", consent.RuleSourceReferral: "Vorstellung zugestimmt",
		consent.RuleSourceReferralPending: "Vorstellung unbeantwortet", consent.RuleSourceReferralDecline: "Vorstellung abgelehnt",
		consent.RuleSourceReferralChannel: "nicht über diesen Kanal", consent.RuleSourceList: "Nachweis des Anbieters",
		consent.RuleSourceListNoProof: "kein Nachweis des Anbieters", consent.RuleSourceSocial: "keine Einwilligung außerhalb der Plattform",
		consent.RuleSoftOptIn: "Kunde, mit Abmeldung", consent.RuleConsentExpired: "Einwilligung abgelaufen", consent.RuleTracking: "keine Einwilligung zum Tracking",
		consent.RuleNoBasis: "keine Rechtsgrundlage",
	},
}

// why is the rule's reason in words, in the document's language; the
// rule's code for a rule no text names yet.
func (d *doc) why(rule string) string {
	if s, ok := whyTexts[d.lang][rule]; ok {
		return s
	}
	if s, ok := whyTexts["en"][rule]; ok {
		return s
	}
	return rule
}
