// Package consent is Warmlead's domain: prospects, the events that happen to
// them, the tamper-evident ledger and the policy that answers "may I contact
// this person on this channel for this purpose?". It is pure Go: no Fyne, no
// bbolt, so every rule is tested fast with plain `go test`.
package consent

import (
	"fmt"
	"strings"

	"warmlead/consent/locale"
)

// Source says where a prospect's data came from; it decides the default
// lawful basis (consent-rules.md, section 1).
type Source string

// The sources of consent-rules.md section 1.
const (
	SourceCard     Source = "card"
	SourceReferral Source = "referral"
	SourceColdCall Source = "cold-call"
	SourceList     Source = "list"
	SourceInbound  Source = "inbound"
	SourceCustomer Source = "customer"
	SourceSocial   Source = "social"
	// SourceAddressBook is the rep's own address book (an Outlook or phone
	// export): people the rep already knows, but no card was handed over
	// and no event is known (consent-rules.md section 10).
	SourceAddressBook Source = "address-book"
)

// Sources lists every source in the order the UI offers them.
var Sources = []Source{SourceCard, SourceReferral, SourceColdCall, SourceList, SourceInbound, SourceCustomer, SourceSocial, SourceAddressBook}

// Channel is a way of reaching a person.
type Channel string

// The channels of consent-rules.md section 2.
const (
	ChannelEmail Channel = "email"
	ChannelPhone Channel = "phone"
	ChannelSMS   Channel = "sms"
	ChannelPost  Channel = "post"
)

// Channels lists every channel in display order.
var Channels = []Channel{ChannelEmail, ChannelPhone, ChannelSMS, ChannelPost}

// Purpose is what a contact is for. Consent is given per purpose and channel.
type Purpose string

// The default purposes of consent-rules.md section 2.
const (
	PurposeFollowUp    Purpose = "follow-up"
	PurposeNewsletter  Purpose = "newsletter"
	PurposeProductInfo Purpose = "product-info"
	PurposeEvents      Purpose = "events"
	PurposeOffers      Purpose = "offers"
	PurposeThirdParty  Purpose = "third-party-sharing"
	PurposeTracking    Purpose = "tracking"
)

// Purposes lists the default purposes in display order.
var Purposes = []Purpose{PurposeFollowUp, PurposeNewsletter, PurposeProductInfo, PurposeEvents, PurposeOffers, PurposeThirdParty, PurposeTracking}

// Method is how a consent was obtained, strongest first. A bare verbal "yes"
// is deliberately absent: it proves nothing (consent-rules.md section 2).
type Method string

// The accepted consent methods.
const (
	MethodWebForm      Method = "web-form"
	MethodEmailReply   Method = "email-reply"
	MethodSigned       Method = "signed"
	MethodRecordedCall Method = "recorded-call"
	MethodVerbalEmail  Method = "verbal-confirmed-by-email"
	MethodVendorProof  Method = "vendor-proof"
)

// Methods lists the accepted methods, strongest first.
var Methods = []Method{MethodWebForm, MethodEmailReply, MethodSigned, MethodRecordedCall, MethodVerbalEmail, MethodVendorProof}

// Languages Warmlead writes emails, documents and screens in, in the order
// a picker offers them (consent/locale holds the list and each language's
// conventions).
var Languages = locale.Languages()

// ParseSource validates a source name.
func ParseSource(s string) (Source, error) { return parse(s, Sources, "source") }

// ParseChannel validates a channel name.
func ParseChannel(s string) (Channel, error) { return parse(s, Channels, "channel") }

// ParsePurpose validates a purpose name.
func ParsePurpose(s string) (Purpose, error) { return parse(s, Purposes, "purpose") }

// ParseMethod validates a consent method; "verbal" gets its own explanation.
func ParseMethod(s string) (Method, error) {
	if strings.EqualFold(strings.TrimSpace(s), "verbal") {
		return "", fmt.Errorf("a bare verbal yes is not proof of consent: record the call (recorded-call) or confirm it by email (verbal-confirmed-by-email)")
	}
	return parse(s, Methods, "method")
}

// ParseLanguage validates a language code.
func ParseLanguage(s string) (string, error) { return parse(s, Languages, "language") }

func parse[T ~string](s string, valid []T, what string) (T, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, v := range valid {
		if string(v) == s {
			return v, nil
		}
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	return "", fmt.Errorf("unknown %s %q: use one of %s", what, s, strings.Join(names, ", "))
}
