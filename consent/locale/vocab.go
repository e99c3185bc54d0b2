package locale

// The English labels of the consent vocabulary, by code. The codes
// ("follow-up", "cold-call") are consent's and stay English in the
// database, the CLI and the JSON export; a label is what a person reads,
// and it is the key the screens' translation files (assets/translations,
// vocab.<language>.json) translate. The documents have their own wording
// for some of these (consent/pdfreport's texts), the emails their own
// phrases (consent's texts_followup.go).
var (
	purposeLabels = map[string]string{
		"follow-up": "Follow-up", "newsletter": "Newsletter", "product-info": "Product information",
		"events": "Events", "offers": "Offers", "third-party-sharing": "Third-party sharing", "tracking": "Email tracking",
	}
	channelLabels = map[string]string{
		"email": "Email", "phone": "Phone", "sms": "SMS", "post": "Post",
	}
	sourceLabels = map[string]string{
		"card": "Business card", "referral": "Referral", "cold-call": "Cold call", "list": "Purchased list",
		"inbound": "Inbound (web form)", "customer": "Customer", "social": "Social network",
		"address-book": "Address book",
	}
	methodLabels = map[string]string{
		"web-form": "Web form", "email-reply": "Email reply", "signed": "Signed form", "recorded-call": "Recorded call",
		"verbal-confirmed-by-email": "Said on the phone, confirmed by email", "vendor-proof": "List vendor's proof",
	}
	outcomeLabels = map[string]string{
		"reached": "Reached", "no-answer": "No answer", "voicemail": "Voicemail", "call-back": "Call back",
		"not-interested": "Not interested", "do-not-call": "Do not call me",
	}
)

func label[T ~string](m map[string]string, code T) (string, bool) {
	l, ok := m[string(code)]
	return l, ok
}

// Purpose is the English label of a purpose code (a consent.Purpose);
// false for a code without one (a purpose the user added).
func Purpose[T ~string](code T) (string, bool) { return label(purposeLabels, code) }

// Channel is the English label of a channel code (a consent.Channel).
func Channel[T ~string](code T) (string, bool) { return label(channelLabels, code) }

// Source is the English label of where a prospect came from (a
// consent.Source).
func Source[T ~string](code T) (string, bool) { return label(sourceLabels, code) }

// Method is the English label of how a consent was obtained (a
// consent.Method).
func Method[T ~string](code T) (string, bool) { return label(methodLabels, code) }

// Outcome is the English label of a call outcome (consent.Outcome...).
func Outcome[T ~string](code T) (string, bool) { return label(outcomeLabels, code) }

// Labels lists every English label above, in no particular order: the keys
// every translation of the vocabulary must have.
func Labels() []string {
	var out []string
	for _, m := range []map[string]string{purposeLabels, channelLabels, sourceLabels, methodLabels, outcomeLabels} {
		for _, l := range m {
			out = append(out, l)
		}
	}
	return out
}
