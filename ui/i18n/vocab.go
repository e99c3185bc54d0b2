package i18n

import (
	"fyne.io/fyne/v2/lang"

	"warmlead/consent"
)

// The words of the consent vocabulary as screens show them. The codes
// ("follow-up", "cold-call") stay English in the database, the CLI and the
// JSON export; only their labels are translated.
var (
	purposeLabels = map[consent.Purpose]string{
		consent.PurposeFollowUp: "Follow-up", consent.PurposeNewsletter: "Newsletter",
		consent.PurposeProductInfo: "Product information", consent.PurposeEvents: "Events",
		consent.PurposeOffers: "Offers", consent.PurposeThirdParty: "Third-party sharing",
		consent.PurposeTracking: "Email tracking",
	}
	channelLabels = map[consent.Channel]string{
		consent.ChannelEmail: "Email", consent.ChannelPhone: "Phone", consent.ChannelSMS: "SMS", consent.ChannelPost: "Post",
	}
	sourceLabels = map[consent.Source]string{
		consent.SourceCard: "Business card", consent.SourceReferral: "Referral", consent.SourceColdCall: "Cold call",
		consent.SourceList: "Purchased list", consent.SourceInbound: "Inbound (web form)", consent.SourceCustomer: "Customer",
		consent.SourceSocial: "Social network",
	}
	methodLabels = map[consent.Method]string{
		consent.MethodWebForm: "Web form", consent.MethodEmailReply: "Email reply", consent.MethodSigned: "Signed form",
		consent.MethodRecordedCall: "Recorded call", consent.MethodVerbalEmail: "Said on the phone, confirmed by email",
		consent.MethodVendorProof: "List vendor's proof",
	}
	outcomeLabels = map[string]string{
		consent.OutcomeReached: "Reached", consent.OutcomeNoAnswer: "No answer", consent.OutcomeVoicemail: "Voicemail",
		consent.OutcomeCallBack: "Call back", consent.OutcomeNotInterested: "Not interested", consent.OutcomeDoNotCall: "Do not call me",
	}
)

func label[K ~string](m map[K]string, k K) string {
	if l, ok := m[k]; ok {
		return lang.L(l)
	}
	return string(k)
}

// Purpose is the label of a purpose in the language in use.
func Purpose(p consent.Purpose) string { return label(purposeLabels, p) }

// Channel is the label of a channel.
func Channel(c consent.Channel) string { return label(channelLabels, c) }

// Source is the label of where a prospect came from.
func Source(s consent.Source) string { return label(sourceLabels, s) }

// Method is the label of how a consent was obtained.
func Method(m consent.Method) string { return label(methodLabels, m) }

// Outcome is the label of a call outcome.
func Outcome(o string) string { return label(outcomeLabels, o) }

// VocabularyKeys lists the English labels above; the translation tests check
// every file has them.
func VocabularyKeys() []string {
	var keys []string
	for _, l := range purposeLabels {
		keys = append(keys, l)
	}
	for _, l := range channelLabels {
		keys = append(keys, l)
	}
	for _, l := range sourceLabels {
		keys = append(keys, l)
	}
	for _, l := range methodLabels {
		keys = append(keys, l)
	}
	for _, l := range outcomeLabels {
		keys = append(keys, l)
	}
	return keys
}
